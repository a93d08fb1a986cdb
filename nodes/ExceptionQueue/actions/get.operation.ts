import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, queueFor, toJson } from './common';

export const description: INodeProperties[] = [idField(['get'])];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = String(this.getNodeParameter('id', itemIndex)).trim();
	const queue = await queueFor(this, itemIndex);
	const item = await queue.get(id);
	if (!item) throw new NodeOperationError(this.getNode(), `No exception with ID "${id}" in queue "${queue.name}"`, { itemIndex });
	return toJson(item);
}
