import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { summarize } from '../../core';
import { analyse, recordReceived } from '../analyse';
import { optionalStore } from '../context';
import { inputFields, readInput } from '../input';
import type { OperationResult } from '../items';

export const description: INodeProperties[] = [
	...inputFields(['validate']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['validate'] } },
		options: [
			{
				displayName: 'Record Control Numbers as Received',
				name: 'recordReceived',
				type: 'boolean',
				default: false,
				description:
					'Whether to remember the control numbers of accepted interchanges and groups in the state store, so a resend is reported as a duplicate. Leave off when an Acknowledge step follows (it records them).',
			},
		],
	},
];

/** The public validation result (`{valid, interchanges, groups, transactionSets, diagnostics}`) per input item; the input binary passes through. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const input = readInput(this, itemIndex);
	const { recordReceived: record = false } = this.getNodeParameter('options', itemIndex, {}) as { recordReceived?: boolean };
	const store = await optionalStore(this, itemIndex);
	const analysis = await analyse(input.open, { collectSets: false, store });
	if (store && record) await recordReceived(store, analysis, new Date().toISOString());
	const result = summarize(analysis.report) as unknown as IDataObject;
	return { items: [{ json: result, ...(input.binary ? { binary: { [input.binary.property]: input.binary.data } } : {}) }] };
}
