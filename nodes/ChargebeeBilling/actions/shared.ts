import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { recordLocator, returnAllOrLimit } from '../../common/descriptions';
import type { ItemResult } from '../../common/execution';
import { toUnix } from '../mapping/common';
import { chargebeeApi, chargebeeList } from '../transport';

export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

export const stamp = (resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] =>
	updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);

/** A record picked by its Chargebee id or by pasting its app link (…/customers/{id}/details). */
const SEARCHES: Record<string, string> = { customers: 'searchCustomers', subscriptions: 'searchSubscriptions' };

export function idLocator(name: string, displayName: string, noun: string, segment: string): INodeProperties {
	return recordLocator({
		name,
		displayName,
		noun,
		searchListMethod: SEARCHES[segment],
		idPlaceholder: 'e.g. 16BjlBSwsOElq2Kv',
		urlPlaceholder: `e.g. https://acme-test.chargebee.com/d/${segment}/16BjlBSwsOElq2Kv`,
		urlExtract: `/${segment}/([^/?#]+)`,
		urlPattern: { regex: `^https?://.*/${segment}/[^/?#]+.*$`, errorMessage: `Not a Chargebee ${noun} link` },
	});
}

export function idParameter(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), `${label} is required`, { itemIndex });
	return value;
}

const OPERATORS = ['is', 'is_not', 'starts_with', 'in', 'not_in', 'is_present', 'after', 'before', 'on', 'between', 'lt', 'lte', 'gt', 'gte'];

/** Chargebee's native list filters: `field[operator]=value`, plus updated-after and sort shortcuts. */
export const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Filter',
	options: [
		{
			name: 'filter',
			displayName: 'Filter',
			values: [
				{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. email' },
				{
					displayName: 'Operator',
					name: 'operator',
					type: 'options',
					default: 'is',
					options: OPERATORS.map((op) => ({ name: op, value: op })),
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. ann@example.com, or ["active","in_trial"] for in',
					description: 'Dates are Unix seconds or ISO dates (converted); lists for in/not_in/between as JSON arrays',
				},
			],
		},
	],
};

const DATE_FIELDS = /(^|_)(at|date)$/;

export function filterQs(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	const filters = (ctx.getNodeParameter('filters', itemIndex, {}) as { filter?: Array<{ field: string; operator: string; value: string }> }).filter ?? [];
	for (const { field, operator, value } of filters) {
		if (!field?.trim()) continue;
		let text = String(value ?? '').trim();
		// Timestamps are Unix seconds on the wire; an ISO date is converted for convenience.
		if (DATE_FIELDS.test(field.trim()) && text && !/^\d+$/.test(text) && !text.startsWith('[')) {
			const unix = toUnix(text);
			if (unix === undefined) throw new NodeOperationError(ctx.getNode(), `Filter ${field}: "${text}" is not a date`, { itemIndex });
			text = String(unix);
		}
		qs[`${field.trim()}[${operator}]`] = operator === 'is_present' ? text || 'true' : text;
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.updatedAfter) qs['updated_at[after]'] = toUnix(options.updatedAfter);
	if (options.sortBy) qs[`sort_by[${options.sortDirection === 'desc' ? 'desc' : 'asc'}]`] = options.sortBy;
	if (options.includeDeleted === true) qs.include_deleted = true;
	return qs;
}

export function outputOption(canonicalName?: string): INodeProperties[] {
	if (!canonicalName) return [];
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'raw',
			options: [
				{ name: 'Chargebee Record', value: 'raw' },
				{ name: `Canonical ${canonicalName}`, value: 'canonical', description: 'The pack’s system-neutral shape, for mapping to other systems' },
			],
		},
	];
}

export interface ReadDefinition {
	resource: string;
	noun: string;
	plural: string;
	path: string;
	/** Response key of one record, e.g. "credit_note". */
	key: string;
	/** App link segment for the By URL mode. */
	segment: string;
	canonical?: { name: string; map: (record: IDataObject) => object };
	/** Sort fields Chargebee accepts for this list. */
	sortFields?: string[];
}

const asOutput = (def: ReadDefinition, output: unknown, record: IDataObject): IDataObject =>
	output === 'canonical' && def.canonical ? (def.canonical.map(record) as IDataObject) : record;

export function getOperation(def: ReadDefinition): OperationModule {
	const locator = idLocator(`${def.resource}Id`, def.noun.replace(/^./, (c) => c.toUpperCase()), def.noun, def.segment);
	return {
		description: stamp(def.resource, 'get', [
			locator,
			{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: outputOption(def.canonical?.name) },
		].filter((p) => p.type !== 'collection' || (p.options ?? []).length > 0) as INodeProperties[]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = idParameter(this, locator.name, locator.displayName, itemIndex);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const body = await chargebeeApi(this, { path: `${def.path}/${encodeURIComponent(id)}`, itemIndex });
			return asOutput(def, options.output, (body[def.key] ?? body) as IDataObject);
		},
	};
}

/** A Get Many parameter that narrows the list (e.g. one subscription's usages) and the query it adds. */
export interface ListScope {
	properties: INodeProperties[];
	qs(ctx: IExecuteFunctions, itemIndex: number): IDataObject;
}

export function getAllOperation(def: ReadDefinition, scope?: ListScope): OperationModule {
	const options: INodeProperties[] = [
		{ displayName: 'Include Deleted', name: 'includeDeleted', type: 'boolean', default: false, description: 'Whether to include deleted records' },
		...outputOption(def.canonical?.name),
		...(def.sortFields
			? [
					{ displayName: 'Sort By', name: 'sortBy', type: 'options', default: '', options: [{ name: 'Default Order', value: '' }, ...def.sortFields.map((f) => ({ name: f, value: f }))] } as INodeProperties,
					{ displayName: 'Sort Direction', name: 'sortDirection', type: 'options', default: 'asc', options: [{ name: 'Ascending', value: 'asc' }, { name: 'Descending', value: 'desc' }] } as INodeProperties,
				]
			: []),
		{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '', description: 'Only records changed after this time (updated_at[after])' },
	];
	return {
		description: stamp(def.resource, 'getAll', [
			...(scope?.properties ?? []),
			...returnAllOrLimit(),
			filtersProperty,
			{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options },
		]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const opts = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const records = await chargebeeList(this, { path: def.path, key: def.key, qs: { ...filterQs(this, itemIndex), ...scope?.qs(this, itemIndex) }, returnAll, limit, itemIndex });
			return records.map((record) => asOutput(def, opts.output, record));
		},
	};
}

export function operationSelector(resource: string, options: Array<{ name: string; value: string; description: string; action: string }>, fallback: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: fallback,
	};
}

export function parseJson(node: INode, value: unknown, label: string, itemIndex: number): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	try {
		const parsed = JSON.parse(String(value)) as unknown;
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
		return parsed as IDataObject;
	} catch (error) {
		throw new NodeOperationError(node, `${label} is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
}

/** Read-only resources: get and get many. */
export function readResource(def: ReadDefinition) {
	const get = getOperation(def);
	const getAll = getAllOperation(def);
	return {
		operations: { get, getAll },
		description: [
			operationSelector(
				def.resource,
				[
					{ name: 'Get', value: 'get', description: `Get a ${def.noun}`, action: `Get a ${def.noun}` },
					{ name: 'Get Many', value: 'getAll', description: `Get many ${def.plural}`, action: `Get many ${def.plural}` },
				],
				'getAll',
			),
			...get.description,
			...getAll.description,
		],
	};
}
