import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JsonValue } from '../../common/state';
import { idField, queueFor, toJson } from './common';

export const description: INodeProperties[] = [
	idField(['update']),
	{
		displayName: 'Corrected Payload JSON',
		name: 'payload',
		type: 'json',
		default: '{}',
		required: true,
		description: 'The record as it should be replayed (replaces the stored JSON; stored binary data is kept)',
		displayOptions: { show: { operation: ['update'] } },
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		description: 'What was changed and why, kept with the exception',
		displayOptions: { show: { operation: ['update'] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = String(this.getNodeParameter('id', itemIndex)).trim();
	const raw = this.getNodeParameter('payload', itemIndex) as unknown;
	let json: JsonValue;
	try {
		json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as JsonValue;
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Corrected Payload JSON is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
	const queue = await queueFor(this, itemIndex);
	const current = await queue.get(id);
	if (!current) throw new NodeOperationError(this.getNode(), `No exception with ID "${id}" in queue "${queue.name}"`, { itemIndex });
	const stored = (current.payload ?? {}) as { binary?: JsonValue };
	const payload = (stored.binary ? { json, binary: stored.binary } : { json }) as JsonValue;
	const updated = await queue.edit(id, { payload, note: (this.getNodeParameter('note', itemIndex, '') as string) || undefined });
	if (!updated) {
		throw new NodeOperationError(this.getNode(), `Exception "${id}" changed while it was being edited`, {
			itemIndex,
			description: 'Another run replayed or resolved it at the same time. Get it again and repeat the edit.',
		});
	}
	return toJson(updated);
}
