import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { analyse } from '../analyse';
import { optionalStore } from '../context';
import { inputFields, readInput } from '../input';
import { errorsOf, rejectedItem, setAccepted, setItem, type OperationResult } from '../items';

export const description: INodeProperties[] = [
	...inputFields(['parse']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['parse'] } },
		options: [
			{
				displayName: 'Keep Raw Segment Text',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: 'Whether to add each set’s X12 text (ST to SE, in the file’s delimiters) as `raw`',
			},
		],
	},
];

/**
 * One output item per usable transaction set. A set whose own, group or interchange envelope has an
 * error goes to the Rejected output with its raw text, its diagnostics and the input file; the good
 * sets around it are still output. Input that holds no set at all gives one rejected item.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const input = readInput(this, itemIndex);
	const { includeRaw = false } = this.getNodeParameter('options', itemIndex, {}) as { includeRaw?: boolean };
	const store = await optionalStore(this, itemIndex);
	const { report, sets } = await analyse(input.open, { collectSets: true, store });
	const items: INodeExecutionData[] = [];
	const rejected: INodeExecutionData[] = [];
	report.transactionSets.forEach((set, index) => {
		if (setAccepted(report, set)) {
			items.push({ json: setItem(report, index, sets[index], includeRaw) });
		} else {
			const body = setItem(report, index, sets[index], true);
			rejected.push(rejectedItem({ reason: errorsOf(body.diagnostics as never).map((d) => d.message).join('; '), ...body }, input));
		}
	});
	if (report.transactionSets.length === 0) {
		const errors = errorsOf(report.diagnostics);
		rejected.push(
			rejectedItem(
				{
					reason: errors.map((d) => d.message).join('; ') || 'The input holds no transaction set',
					diagnostics: report.diagnostics as never,
				},
				input,
			),
		);
	}
	return { items, rejected };
}
