import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, queueFor, toJson } from './common';

export const description: INodeProperties[] = [
	idField(['resolve']),
	{
		displayName: 'Resolution',
		name: 'resolution',
		type: 'string',
		default: '',
		placeholder: 'Fixed in the ERP by hand',
		description: 'Why the exception is closed, kept with it',
		displayOptions: { show: { operation: ['resolve'] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = String(this.getNodeParameter('id', itemIndex)).trim();
	const queue = await queueFor(this, itemIndex);
	const resolved = await queue.resolve(id, (this.getNodeParameter('resolution', itemIndex, '') as string) || undefined);
	if (!resolved) throw new NodeOperationError(this.getNode(), `No exception with ID "${id}" in queue "${queue.name}"`, { itemIndex });
	return toJson(resolved);
}
