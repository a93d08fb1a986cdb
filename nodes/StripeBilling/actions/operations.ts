import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { isCanonical } from '../../common/canonical';
import type { CanonicalType } from '../../common/canonical';
import { returnAllOrLimit } from '../../common/descriptions';
import type { ItemResult } from '../../common/execution';
import { AmountPrecisionError, toMinorUnits } from '../mapping';
import { deriveIdempotencyKey, stripeApi, stripeList, stripeSearch } from '../transport';
import {
	additionalParametersProperty,
	createdAfterFilter,
	createdBeforeFilter,
	expandOption,
	metadataProperty,
	outputOption,
	requestOptionsProperty,
} from './common.descriptions';

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

/** One Stripe object type as the node exposes it. */
export interface ResourceDefinition {
	resource: string;
	/** Lower-case singular for texts ("invoice item"). */
	noun: string;
	/** Collection path, e.g. /v1/customers. */
	path: string;
	/** The parameter that picks one record (a resource locator). */
	id: INodeProperties;
	/** Offered as the Output option of Get / Get Many / Search. */
	canonical?: { type: CanonicalType; map: (record: IDataObject) => object };
	/** Filters of Get Many, named as Stripe's list parameters (createdAfter/Before become created[gte]/[lt]). */
	filters?: INodeProperties[];
	/** Stripe offers /search for this resource. */
	searchable?: boolean;
	searchExample?: string;
}

export function stamp(def: ResourceDefinition, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [def.resource], operation: [operation] } }, properties);
}

/** A resource locator's id; Stripe ids never contain a slash, so a stray path cannot be injected. */
export function idParameter(ctx: IExecuteFunctions, property: INodeProperties, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(property.name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), `${property.displayName} is required`, { itemIndex });
	if (!/^[A-Za-z0-9_.-]+$/.test(value)) {
		throw new NodeOperationError(ctx.getNode(), `${property.displayName} "${value}" is not a Stripe ID`, { itemIndex, description: 'Stripe IDs look like cus_…, in_…, price_….' });
	}
	return value;
}

export function recordPath(def: ResourceDefinition, ctx: IExecuteFunctions, itemIndex: number): string {
	return `${def.path}/${idParameter(ctx, def.id, itemIndex)}`;
}

function expandList(value: unknown): string[] | undefined {
	const list = String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	return list.length ? list : undefined;
}

/** Metadata pairs of the fixedCollection as `{ key: value }`. */
export function metadataOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const value = ctx.getNodeParameter('metadata', itemIndex, {}) as { entries?: Array<{ key: string; value: string }> };
	const entries = (value.entries ?? []).filter((e) => e.key.trim() !== '');
	return entries.length ? Object.fromEntries(entries.map((e) => [e.key.trim(), e.value])) : undefined;
}

/** Additional Parameters (JSON) as an object; anything but an object is refused with the item named. */
export function additionalParameters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('additionalParameters', itemIndex, '{}') as unknown;
	const value = typeof raw === 'string' ? (raw.trim() ? jsonParse<unknown>(raw, { errorMessage: 'Additional Parameters (JSON) is not valid JSON' }) : {}) : raw;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), 'Additional Parameters (JSON) must be a JSON object', { itemIndex });
	}
	return value as IDataObject;
}

/** Deep merge where `extra` wins; used to lay Additional Parameters over the built body. */
export function merge(base: IDataObject, extra: IDataObject): IDataObject {
	const out: IDataObject = { ...base };
	for (const [key, value] of Object.entries(extra)) {
		const current = out[key];
		out[key] =
			value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)
				? merge(current as IDataObject, value as IDataObject)
				: value;
	}
	return out;
}

/** Drops undefined and empty-string values (Stripe reads an empty value as "unset"). */
export function clean(values: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as IDataObject;
}

/** A decimal amount in major units as Stripe minor units, with the item and field named on a precision error. */
export function minorUnits(ctx: IExecuteFunctions, itemIndex: number, amount: unknown, currency: string, field: string, allowFraction = false): string {
	try {
		return toMinorUnits(amount, currency, allowFraction);
	} catch (error) {
		const message = error instanceof AmountPrecisionError ? error.message : String(error);
		throw new NodeOperationError(ctx.getNode(), `${field}: ${message}`, { itemIndex });
	}
}

/** The canonical record of the input item, checked for its type. */
export function canonicalInput<T>(ctx: IExecuteFunctions, itemIndex: number, type: CanonicalType): T {
	const json = ctx.getInputData()[itemIndex]?.json;
	if (!isCanonical(json, type)) {
		throw new NodeOperationError(ctx.getNode(), `The input item is not a canonical ${type} record`, {
			itemIndex,
			description: `Input is set to Canonical ${type}: the item needs "type": "${type}" and an "externalIds" object.`,
		});
	}
	return json as unknown as T;
}

function toOutput(def: ResourceDefinition, options: IDataObject, records: IDataObject[]): IDataObject[] {
	if (options.output !== 'canonical' || !def.canonical) return records;
	return records.map((record) => def.canonical!.map(record) as IDataObject);
}

function readOptions(def: ResourceDefinition): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [expandOption, ...(def.canonical ? [outputOption(def.canonical.type)] : [])],
	};
}

export function getOperation(def: ResourceDefinition): OperationModule {
	return {
		description: stamp(def, 'get', [def.id, readOptions(def)]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const record = await stripeApi<IDataObject>(this, {
				path: recordPath(def, this, itemIndex),
				qs: { expand: expandList(options.expand) },
				itemIndex,
			});
			return toOutput(def, options, [record]);
		},
	};
}

function unixSeconds(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = Date.parse(String(value));
	return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export function getAllOperation(def: ResourceDefinition): OperationModule {
	const filters: INodeProperties[] = [...(def.filters ?? []), createdAfterFilter, createdBeforeFilter];
	return {
		description: stamp(def, 'getAll', [
			...returnAllOrLimit(),
			{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: filters },
			readOptions(def),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const { createdAfter, createdBefore, ...rest } = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			// An unticked boolean filter means "no filter", not "false".
			const qs: IDataObject = clean(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== false)));
			for (const [key, value] of Object.entries(qs)) {
				if (value && typeof value === 'object' && '__rl' in (value as IDataObject)) qs[key] = (value as IDataObject).value;
			}
			const created = clean({ gte: unixSeconds(createdAfter), lt: unixSeconds(createdBefore) });
			if (Object.keys(created).length) qs.created = created;
			const expand = expandList(options.expand)?.map((e) => (e.startsWith('data.') ? e : `data.${e}`));
			const records = await stripeList(this, { path: def.path, qs: { ...qs, expand }, returnAll, limit, itemIndex });
			return toOutput(def, options, records);
		},
	};
}

export function searchOperation(def: ResourceDefinition): OperationModule {
	return {
		description: stamp(def, 'search', [
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				required: true,
				placeholder: def.searchExample ?? "e.g. metadata['erp_id']:'C-10023'",
				description: 'Stripe search query language (docs.stripe.com/search). Results can lag writes by up to a minute.',
			},
			...returnAllOrLimit(),
			readOptions(def),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const query = String(this.getNodeParameter('query', itemIndex, '')).trim();
			if (!query) throw new NodeOperationError(this.getNode(), 'Query is required', { itemIndex });
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const expand = expandList(options.expand)?.map((e) => (e.startsWith('data.') ? e : `data.${e}`));
			const records = await stripeSearch(this, { path: `${def.path}/search`, qs: { query, expand }, returnAll, limit, itemIndex });
			return toOutput(def, options, records);
		},
	};
}

export function deleteOperation(def: ResourceDefinition): OperationModule {
	return {
		description: stamp(def, 'delete', [def.id]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await stripeApi<IDataObject>(this, { method: 'DELETE', path: recordPath(def, this, itemIndex), itemIndex });
		},
	};
}

export interface WriteSpec {
	/** Path of the request; the collection (create) or the record (update) by default. */
	path?: (ctx: IExecuteFunctions, itemIndex: number) => string;
	method?: IHttpRequestMethods;
	/** The parameters the node builds; metadata and Additional Parameters are laid over them. */
	body: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject | Promise<IDataObject>;
	/** Whether this operation shows Metadata and Additional Parameters (default true). */
	extras?: boolean;
	/** Turns the response into the output (default: the response). */
	output?: (ctx: IExecuteFunctions, itemIndex: number, response: IDataObject, key: string) => Promise<ItemResult> | ItemResult;
}

/** The full request body of a write: built fields, metadata, Additional Parameters, expand. */
export function writeBody(ctx: IExecuteFunctions, itemIndex: number, built: IDataObject, extras = true): IDataObject {
	let body = { ...built };
	if (extras) {
		const metadata = metadataOf(ctx, itemIndex);
		if (metadata) body.metadata = { ...((body.metadata as IDataObject | undefined) ?? {}), ...metadata };
		body = merge(body, additionalParameters(ctx, itemIndex));
	}
	const expand = expandList((ctx.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject).expand);
	if (expand) body.expand = expand;
	return body;
}

/** The Idempotency-Key of this item's write (see transport/idempotency.ts); `part` tells sub-requests apart. */
export function idempotencyKey(ctx: IExecuteFunctions, itemIndex: number, def: ResourceDefinition, operation: string, part?: string): string {
	const explicit = (ctx.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject).idempotencyKey as string | undefined;
	return deriveIdempotencyKey(ctx, itemIndex, `${def.resource}.${operation}${part ? `#${part}` : ''}`, explicit);
}

/** A POST that creates or changes a record, with its Idempotency-Key derived from the item. */
export function writeOperation(def: ResourceDefinition, operation: string, properties: INodeProperties[], spec: WriteSpec): OperationModule {
	const extras = spec.extras ?? true;
	return {
		description: stamp(def, operation, [
			...properties,
			...(extras ? [metadataProperty, additionalParametersProperty] : []),
			requestOptionsProperty,
		]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const body = writeBody(this, itemIndex, await spec.body(this, itemIndex), extras);
			const key = idempotencyKey(this, itemIndex, def, operation);
			const response = await stripeApi<IDataObject>(this, {
				method: spec.method ?? 'POST',
				path: spec.path ? spec.path(this, itemIndex) : def.path,
				body,
				idempotencyKey: key,
				itemIndex,
			});
			return spec.output ? await spec.output(this, itemIndex, response, key) : response;
		},
	};
}

/** An action on one record: POST {path}/{id}/{action} (finalize, send, pay, void). */
export function actionOperation(
	def: ResourceDefinition,
	operation: string,
	action: string,
	properties: INodeProperties[] = [],
	body: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject = () => ({}),
): OperationModule {
	return writeOperation(def, operation, [def.id, ...properties], {
		path: (ctx, i) => `${recordPath(def, ctx, i)}/${action}`,
		body,
		extras: false,
	});
}

export const updateFieldsCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options,
});

export const additionalFieldsCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options,
});
