import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { JsonValue } from '../../common/state';
import { logFor } from './common';

const show = { show: { operation: ['append'] } };

export const description: INodeProperties[] = [
	{ displayName: 'Actor', name: 'actor', type: 'string', required: true, default: '', placeholder: 'approver@example.com', description: 'Who decided or changed it (a person, or the workflow)', displayOptions: show },
	{ displayName: 'Action', name: 'action', type: 'string', required: true, default: '', placeholder: 'approve', displayOptions: show },
	{ displayName: 'Entity Type', name: 'entityType', type: 'string', required: true, default: '', placeholder: 'accrual', displayOptions: show },
	{ displayName: 'Entity ID', name: 'entityId', type: 'string', required: true, default: '', placeholder: 'ACC-2026Q4-17', displayOptions: show },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'After (JSON)', name: 'after', type: 'json', default: '{}', description: 'The record after the change; its SHA-256 digest is kept' },
			{ displayName: 'Before (JSON)', name: 'before', type: 'json', default: '{}', description: 'The record before the change; its SHA-256 digest is kept' },
			{ displayName: 'Decision', name: 'decision', type: 'string', default: '', placeholder: 'approved' },
			{ displayName: 'Details (JSON)', name: 'details', type: 'json', default: '{}', description: 'Anything else worth keeping with the entry' },
			{
				displayName: 'Keep Before/After Data',
				name: 'keepData',
				type: 'boolean',
				default: false,
				description: 'Whether to store the before/after records themselves, not only their digests',
			},
			{ displayName: 'Reason', name: 'reason', type: 'string', default: '' },
		],
	},
];

function parseJson(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): JsonValue | undefined {
	if (value === undefined || value === '') return undefined;
	if (typeof value !== 'string') return value as JsonValue;
	try {
		return JSON.parse(value) as JsonValue;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${field} is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
}

/** Writes the entry and passes the input item on with the entry's index and hash under `_audit`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<INodeExecutionData> {
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '')).trim();
	for (const [name, label] of [['actor', 'Actor'], ['action', 'Action'], ['entityType', 'Entity Type'], ['entityId', 'Entity ID']]) {
		if (!text(name)) throw new NodeOperationError(this.getNode(), `${label} is empty`, { itemIndex, description: `Set ${label}; an audit entry needs who, what and which record.` });
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const workflow = this.getWorkflow();
	const log = await logFor(this, itemIndex);
	const entry = await log.append({
		actor: text('actor'),
		action: text('action'),
		entityType: text('entityType'),
		entityId: text('entityId'),
		before: parseJson(this, extra.before, 'Before (JSON)', itemIndex),
		after: parseJson(this, extra.after, 'After (JSON)', itemIndex),
		details: parseJson(this, extra.details, 'Details (JSON)', itemIndex),
		decision: (extra.decision as string) || undefined,
		reason: (extra.reason as string) || undefined,
		keepData: extra.keepData === true,
		workflowId: workflow.id,
		workflowName: workflow.name,
		executionId: this.getExecutionId(),
	});
	return { json: { ...item.json, _audit: { log: log.name, index: entry.index, hash: entry.hash } }, ...(item.binary ? { binary: item.binary } : {}) };
}
