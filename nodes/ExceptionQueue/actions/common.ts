import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ERROR_CLASSES, ExceptionQueue, type ExceptionItem } from '../../common/exceptionQueue';
import { getStateStore } from '../../common/state';

export async function queueFor(ctx: IExecuteFunctions, itemIndex: number): Promise<ExceptionQueue> {
	const name = (ctx.getNodeParameter('queue', itemIndex, 'default') as string).trim() || 'default';
	return new ExceptionQueue(await getStateStore(ctx, itemIndex), name);
}

/** An exception as an output item: the queue fields flat, the payload under `payload`. */
export function toJson(item: ExceptionItem): IDataObject {
	const { meta, payload, ...rest } = item;
	return { ...rest, queue: queueName(item), ...meta, payload } as unknown as IDataObject;
}

/** The queue's name as the user gave it (the store keeps exception queues under a prefix). */
export const queueName = (item: ExceptionItem) => item.queue.replace(/^exceptions:/, '');

const LABELS: Record<string, string> = {
	auth: 'Authentication',
	permission: 'Permission',
	validation: 'Validation',
	not_found: 'Not Found',
	conflict: 'Conflict',
	duplicate: 'Duplicate',
	rate_limit: 'Rate Limit',
	transient: 'Transient',
	unknown: 'Unknown',
};

export const errorClassOptions = ERROR_CLASSES.map((value) => ({ name: LABELS[value] ?? value, value }));

export const idField = (operations: string[]): INodeProperties => ({
	displayName: 'Exception ID',
	name: 'id',
	type: 'string',
	required: true,
	default: '',
	description: 'The ID of the queued exception, as output by Add or Get Many',
	displayOptions: { show: { operation: operations } },
});

/** Filters shared by Get Many and Replay. */
export const filterFields = (operations: string[]): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show: { operation: operations } },
	options: [
		{ displayName: 'Entity', name: 'entity', type: 'string', default: '', description: 'E.g. salesOrder.' },
		{
			displayName: 'Error Class',
			name: 'errorClass',
			type: 'options',
			default: 'validation',
			options: errorClassOptions,
		},
		{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'The business key, e.g. PO-1001' },
		{
			displayName: 'Older Than (Minutes)',
			name: 'olderThanMinutes',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 0 },
			description: 'Only exceptions whose last failure is at least this old',
		},
		{ displayName: 'System', name: 'system', type: 'string', default: '', description: 'E.g. netsuite.' },
	],
});

export interface FilterValues {
	entity?: string;
	errorClass?: string;
	key?: string;
	olderThanMinutes?: number;
	system?: string;
}
