import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ExceptionItem } from '../../common/exceptionQueue';
import { filterFields, queueFor, queueName, type FilterValues } from './common';
import { toFilter } from './getMany.operation';

const show = { show: { operation: ['replay'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Replay',
		name: 'replayMode',
		type: 'options',
		default: 'byId',
		options: [
			{ name: 'One Exception by ID', value: 'byId' },
			{ name: 'Open Exceptions Matching Filters', value: 'filter' },
		],
		displayOptions: show,
	},
	{
		displayName: 'Exception ID',
		name: 'id',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { operation: ['replay'], replayMode: ['byId'] } },
	},
	{ ...filterFields(['replay']), displayOptions: { show: { operation: ['replay'], replayMode: ['filter'] } } },
	{
		displayName: 'Max Exceptions',
		name: 'maxItems',
		type: 'number',
		default: 100,
		typeOptions: { minValue: 1 },
		description: 'The most exceptions replayed by one run',
		displayOptions: { show: { operation: ['replay'], replayMode: ['filter'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Include Already Replayed',
				name: 'includeReplayed',
				type: 'boolean',
				default: false,
				description: 'Whether to replay exceptions that were replayed before without a confirmed outcome',
			},
			{
				displayName: 'Queue Info Field',
				name: 'infoField',
				type: 'string',
				default: '_exception',
				description: 'Field added to each replayed record with the exception ID, key and attempts (empty: none)',
			},
		],
	},
];

function toItem(exception: ExceptionItem, infoField: string): INodeExecutionData {
	const stored = (exception.payload ?? {}) as { json?: unknown; binary?: IBinaryKeyData };
	const json: IDataObject =
		stored.json && typeof stored.json === 'object' && !Array.isArray(stored.json) ? { ...(stored.json as IDataObject) } : { value: stored.json as IDataObject[keyof IDataObject] };
	if (infoField) {
		json[infoField] = { queue: queueName(exception), id: exception.id, key: exception.key ?? null, attempts: exception.attempts, replays: exception.meta.replays };
	}
	return { json, ...(stored.binary ? { binary: stored.binary } : {}) };
}

/**
 * Emits the stored payloads for reprocessing. Each exception is claimed atomically (open → replayed),
 * so two replays at once never emit the same record twice.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const mode = this.getNodeParameter('replayMode', itemIndex) as string;
	const { includeReplayed = false, infoField = '_exception' } = this.getNodeParameter('options', itemIndex, {}) as {
		includeReplayed?: boolean;
		infoField?: string;
	};
	const queue = await queueFor(this, itemIndex);
	const claimed: ExceptionItem[] = [];
	if (mode === 'byId') {
		const id = String(this.getNodeParameter('id', itemIndex)).trim();
		const exception = await queue.get(id);
		if (!exception) throw new NodeOperationError(this.getNode(), `No exception with ID "${id}" in queue "${queue.name}"`, { itemIndex });
		const item = await queue.claimForReplay(id, { includeReplayed });
		if (!item) {
			throw new NodeOperationError(this.getNode(), `Exception "${id}" is ${exception.status}, not open`, {
				itemIndex,
				description:
					exception.status === 'replayed'
						? 'It was replayed already. Turn on "Include Already Replayed" to send it again.'
						: 'It is resolved; nothing to replay.',
			});
		}
		claimed.push(item);
	} else {
		const max = this.getNodeParameter('maxItems', itemIndex) as number;
		const filters = this.getNodeParameter('filters', itemIndex, {}) as FilterValues;
		const statuses = includeReplayed ? ['open', 'replayed'] : ['open'];
		// An item claimed from the open scan is "replayed" by the time the second scan reads it.
		const seen = new Set<string>();
		for (const status of statuses) {
			for await (const candidate of queue.scan(toFilter(filters, status))) {
				if (claimed.length >= max) break;
				if (seen.has(candidate.id)) continue;
				const item = await queue.claimForReplay(candidate.id, { includeReplayed });
				if (item) {
					seen.add(item.id);
					claimed.push(item);
				}
			}
		}
	}
	return claimed.map((exception) => toItem(exception, infoField));
}
