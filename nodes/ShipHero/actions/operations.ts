import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isCanonical } from '../../common/canonical';
import type { CanonicalType } from '../../common/canonical';
import { returnAllOrLimit } from '../../common/descriptions';
import type { ItemResult } from '../../common/execution';
import { shipHeroConnection, shipHeroGraphql, shipHeroSettings } from '../transport';
import { analyzeQuery, FIELDS, getQuery, listQuery, mutation } from './queries';
import type { Filters, RecordKind } from './queries';

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

export function stamp(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);
}

export function outputOption(canonicalType: string): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'raw',
		options: [
			{ name: `Canonical ${canonicalType}`, value: 'canonical', description: `The pack’s system-neutral ${canonicalType} shape, for mapping to other systems` },
			{ name: 'ShipHero Record', value: 'raw', description: 'The record as ShipHero returns it' },
		],
	};
}

/** A filter of Get Many: a node parameter and the GraphQL argument (and type) it becomes. */
export interface FilterSpec {
	property: INodeProperties;
	arg: string;
	type: string;
}

export interface ListDefinition {
	resource: string;
	/** Plural noun for texts ("orders"). */
	nouns: string;
	root: string;
	kind: RecordKind;
	filters: FilterSpec[];
	/** Records per page: each record's nested connections cost credits, so big records use smaller pages. */
	pageSize: number;
	canonical?: { type: CanonicalType; map: (record: IDataObject) => object };
}

function toOutput(canonical: ListDefinition['canonical'], options: IDataObject, records: IDataObject[]): IDataObject[] {
	if (options.output !== 'canonical' || !canonical) return records;
	return records.map((record) => canonical.map(record) as IDataObject);
}

/** `customer_account_id` from the credential (3PLs), sent with every root field. */
export async function accountFilter(ctx: IExecuteFunctions): Promise<Filters> {
	const { customerAccountId } = await shipHeroSettings(ctx);
	return customerAccountId ? { customer_account_id: { type: 'String', value: customerAccountId } } : {};
}

export function getAllOperation(def: ListDefinition): OperationModule {
	const properties: INodeProperties[] = [
		...returnAllOrLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: def.filters.map((f) => f.property),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Cost Preview Only',
					name: 'analyze',
					type: 'boolean',
					default: false,
					description: 'Whether to only ask ShipHero what one page would cost in API credits (analyze: true), without reading any record',
				},
				...(def.canonical ? [outputOption(def.canonical.type)] : []),
				{
					displayName: 'Page Size',
					name: 'pageSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 500 },
					default: 50,
					description: `Records per request (without this option: ${def.pageSize}). Every record costs API credits, more with its nested lines, so large pages wait longer for credits.`,
				},
			],
		},
	];
	return {
		description: stamp(def.resource, 'getAll', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const values = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const filters: Filters = { ...(await accountFilter(this)) };
			for (const spec of def.filters) filters[spec.arg] = { type: spec.type, value: values[spec.property.name] };
			const pageSize = Number(options.pageSize) > 0 ? Number(options.pageSize) : def.pageSize;
			if (options.analyze === true) {
				const { query, variables } = analyzeQuery(def.root, filters, FIELDS[def.kind]);
				const data = await shipHeroGraphql<IDataObject>(this, {
					query,
					variables: { ...variables, first: returnAll ? pageSize : Math.min(pageSize, limit ?? pageSize) },
					itemIndex,
					analyze: true,
				});
				const result = (data[def.root] ?? {}) as IDataObject;
				return { operation: def.root, complexity: result.complexity, requestId: result.request_id, creditsPerSecond: 60 };
			}
			const { query, variables } = listQuery(def.root, filters, FIELDS[def.kind]);
			const records = await shipHeroConnection(this, { query, variables, rootField: def.root, returnAll, limit, pageSize, itemIndex });
			return toOutput(def.canonical, options, records);
		},
	};
}

export interface GetDefinition {
	resource: string;
	noun: string;
	root: string;
	kind: RecordKind;
	/** The parameter that picks the record and the argument it becomes. */
	id: INodeProperties;
	arg: string;
	/** The argument's GraphQL type (`order(id: String!)`, `product(sku: String)`). */
	argType: string;
	canonical?: { type: CanonicalType; map: (record: IDataObject) => object };
}

export function getOperation(def: GetDefinition): OperationModule {
	const properties: INodeProperties[] = [
		def.id,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: def.canonical ? [outputOption(def.canonical.type)] : [],
		},
	];
	return {
		description: stamp(def.resource, 'get', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const value = requiredString(this, def.id, itemIndex);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const { query, variables } = getQuery(def.root, { [def.arg]: { type: def.argType, value }, ...(await accountFilter(this)) }, FIELDS[def.kind]);
			const data = await shipHeroGraphql<IDataObject>(this, { query, variables, itemIndex });
			const record = ((data[def.root] ?? {}) as IDataObject).data as IDataObject | null;
			if (!record) throw new NodeOperationError(this.getNode(), `No ${def.noun} "${value}" in ShipHero`, { itemIndex });
			return toOutput(def.canonical, options, [record]);
		},
	};
}

/** A string parameter (resource locators resolved) that must not be empty. */
export function requiredString(ctx: IExecuteFunctions, property: INodeProperties, itemIndex: number): string {
	const value = ctx.getNodeParameter(property.name, itemIndex, '', { extractValue: true });
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!text) throw new NodeOperationError(ctx.getNode(), `${property.displayName} is required`, { itemIndex });
	return text;
}

/** A JSON parameter as an object (n8n passes objects through; text is parsed). */
export function jsonObject(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): IDataObject | undefined {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	try {
		const parsed = JSON.parse(String(value)) as unknown;
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
		return parsed as IDataObject;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${label} is not a valid JSON object: ${(error as Error).message}`, { itemIndex });
	}
}

/** A canonical record from a JSON parameter, checked to be of `type`. */
export function canonicalInput<T>(ctx: IExecuteFunctions, type: CanonicalType, itemIndex: number): T {
	const value = jsonObject(ctx, 'canonical', `Canonical ${type}`, itemIndex);
	if (!isCanonical(value, type)) {
		throw new NodeOperationError(ctx.getNode(), `The input is not a canonical ${type} (it needs "type": "${type}" and "externalIds")`, { itemIndex });
	}
	return value as unknown as T;
}

/** Runs one mutation with `data` and returns the record under `key` (or the whole result). */
export async function runMutation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	spec: { root: string; input: string; key?: string; kind?: RecordKind; data: IDataObject; idempotent?: boolean },
): Promise<IDataObject> {
	const account = await accountFilter(ctx);
	const data = { ...spec.data, ...(account.customer_account_id ? { customer_account_id: account.customer_account_id.value } : {}) };
	const query = mutation(spec.root, spec.input, spec.key && spec.kind ? { key: spec.key, fields: FIELDS[spec.kind] } : undefined);
	const result = await shipHeroGraphql<IDataObject>(ctx, { query, variables: { data }, itemIndex, idempotent: spec.idempotent });
	const output = (result[spec.root] ?? {}) as IDataObject;
	return spec.key ? ((output[spec.key] as IDataObject) ?? {}) : output;
}

export const canonicalModeProperty = (type: string): INodeProperties => ({
	displayName: 'Input',
	name: 'inputMode',
	type: 'options',
	default: 'fields',
	options: [
		{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
		{ name: `Canonical ${type}`, value: 'canonical', description: `A canonical ${type} from another system (e.g. the X12 node or an ERP)` },
	],
});

export const canonicalJsonProperty = (type: string): INodeProperties => ({
	displayName: `Canonical ${type}`,
	name: 'canonical',
	type: 'json',
	default: '={{ $json }}',
	required: true,
	displayOptions: { show: { inputMode: ['canonical'] } },
	description: `The canonical ${type} record to write`,
});
