import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AuditEntry } from '../../common/auditLog';
import { logFor } from './common';

const show = { show: { operation: ['query'] } };

export const description: INodeProperties[] = [
	{ displayName: 'Entity Type', name: 'entityType', type: 'string', default: '', placeholder: 'accrual', description: 'Leave empty for every entry', displayOptions: show },
	{ displayName: 'Entity ID', name: 'entityId', type: 'string', default: '', placeholder: 'ACC-2026Q4-17', displayOptions: show },
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { operation: ['query'], returnAll: [false] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const type = String(this.getNodeParameter('entityType', itemIndex, '')).trim();
	const id = String(this.getNodeParameter('entityId', itemIndex, '')).trim();
	const limit = (this.getNodeParameter('returnAll', itemIndex) as boolean) ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', itemIndex) as number);
	const log = await logFor(this, itemIndex);
	let entries: AuditEntry[] = [];
	if (type && id) {
		entries = await log.byEntity(type, id, limit);
	} else {
		for await (const entry of log.entries()) {
			if (type && entry.entityType !== type) continue;
			if (id && entry.entityId !== id) continue;
			entries.push(entry);
			if (entries.length >= limit) break;
		}
	}
	return entries as unknown as IDataObject[];
}
