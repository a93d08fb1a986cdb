import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { logFor } from './common';

export const description: INodeProperties[] = [
	{
		displayName: 'Fail When Tampered',
		name: 'failWhenTampered',
		type: 'boolean',
		default: false,
		description: 'Whether to stop the workflow with an error naming the first bad entry, instead of returning the report',
		displayOptions: { show: { operation: ['verify'] } },
	},
];

/** One item: `{ valid, entries, lastHash, problems[] }`. Keep `lastHash` somewhere else to anchor the chain. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const log = await logFor(this, itemIndex);
	const result = await log.verify();
	if (!result.valid && this.getNodeParameter('failWhenTampered', itemIndex)) {
		throw new NodeOperationError(this.getNode(), `Audit log "${log.name}" was tampered with: ${result.problems[0].message}`, {
			itemIndex,
			description: result.problems.map((p) => p.message).join('\n'),
		});
	}
	return { log: log.name, ...result } as unknown as IDataObject;
}
