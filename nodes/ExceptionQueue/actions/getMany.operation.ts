import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ErrorClass } from '../../common/errors';
import type { ExceptionFilter } from '../../common/exceptionQueue';
import type { QueueStatus } from '../../common/state';
import { filterFields, queueFor, toJson, type FilterValues } from './common';

const show = { show: { operation: ['getMany'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'open',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Open', value: 'open', description: 'Waiting for a fix or a replay' },
			{ name: 'Replayed', value: 'replayed', description: 'Sent for reprocessing, not yet confirmed' },
			{ name: 'Resolved', value: 'resolved' },
		],
		displayOptions: show,
	},
	filterFields(['getMany']),
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
		displayOptions: { show: { operation: ['getMany'], returnAll: [false] } },
	},
];

export function toFilter(filters: FilterValues, status: string | undefined): ExceptionFilter {
	return {
		...(status && status !== 'all' ? { status: status as QueueStatus } : {}),
		...(filters.key ? { key: filters.key } : {}),
		...(filters.errorClass ? { errorClass: filters.errorClass as ErrorClass } : {}),
		...(filters.system ? { system: filters.system } : {}),
		...(filters.entity ? { entity: filters.entity } : {}),
		...(filters.olderThanMinutes !== undefined ? { olderThanMs: filters.olderThanMinutes * 60_000 } : {}),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const filter = toFilter(this.getNodeParameter('filters', itemIndex, {}) as FilterValues, this.getNodeParameter('status', itemIndex) as string);
	if (!returnAll) filter.limit = this.getNodeParameter('limit', itemIndex) as number;
	const queue = await queueFor(this, itemIndex);
	return (await queue.list(filter)).map(toJson);
}
