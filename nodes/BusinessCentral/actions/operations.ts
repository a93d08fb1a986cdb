import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isCanonical } from '../../common/canonical';
import type { AnyCanonical, CanonicalType } from '../../common/canonical';
import { returnAllOrLimit } from '../../common/descriptions';
import { toNodeOperationError } from '../../common/errors';
import type { ItemResult } from '../../common/execution';
import { businessCentralApi, businessCentralList, odataString } from '../transport';
import { companyLocator, etagOption, filterOption, GUID_PATTERN, orderByOption, outputOption, selectOption } from './common.descriptions';
import type { ResourceDefinition } from './definitions';
import { fromCanonical, toCanonical } from './definitions';
import { buildBody, fieldProperty, isEmpty, jsonObject, requireFields } from './fields';
import type { FieldSpec } from './fields';

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

const GUID = new RegExp(GUID_PATTERN);

/** A GUID parameter (resource locator or string), checked so a typo names the field instead of failing in Business Central. */
export function guidParameter(ctx: IExecuteFunctions, name: string, displayName: string, itemIndex: number): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) throw new NodeOperationError(ctx.getNode(), `${displayName} is required`, { itemIndex, description: `Pick a ${displayName.toLowerCase()} or enter its ID.` });
	if (!GUID.test(text)) {
		throw new NodeOperationError(ctx.getNode(), `${displayName} "${text}" is not a valid ID`, {
			itemIndex,
			description: 'Business Central IDs are GUIDs such as f2a5738a-44e3-ea11-bb43-000d3a2feca1.',
		});
	}
	return text.replace(/[{}]/g, '').toLowerCase();
}

/** `companies({id})[/parentSet({id})]/{set}` for the item. */
export function collectionPath(def: ResourceDefinition, ctx: IExecuteFunctions, itemIndex: number): string {
	const company = guidParameter(ctx, 'companyId', 'Company', itemIndex);
	const parent = def.parent
		? `/${def.parent.set}(${guidParameter(ctx, def.parent.property.name, def.parent.property.displayName, itemIndex)})`
		: '';
	return `companies(${company})${parent}/${def.set}`;
}

export function recordPath(def: ResourceDefinition, ctx: IExecuteFunctions, itemIndex: number): string {
	return `${collectionPath(def, ctx, itemIndex)}(${guidParameter(ctx, def.id.name, def.id.displayName, itemIndex)})`;
}

function stamp(def: ResourceDefinition, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [def.resource], operation: [operation] } }, properties);
}

export function operationDescription(def: ResourceDefinition, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return stamp(def, operation, properties);
}

const scope = (def: ResourceDefinition): INodeProperties[] => [companyLocator, ...(def.parent ? [def.parent.property] : [])];

function includeLinesOption(def: ResourceDefinition): INodeProperties[] {
	if (!def.lines) return [];
	return [
		{
			displayName: 'Include Lines',
			name: 'includeLines',
			type: 'boolean',
			default: true,
			description: `Whether to return the document lines (OData $expand=${def.lines.set})`,
		},
	];
}

function toOutput(def: ResourceDefinition, output: unknown, records: IDataObject[]): IDataObject[] {
	if (typeof output !== 'string' || output === 'raw') return records;
	const type = output === 'canonical' ? def.canonicalTypes[0] : output.slice('canonical:'.length);
	return records.map((record) => toCanonical(type, record));
}

function expandOf(def: ResourceDefinition, options: IDataObject): string | undefined {
	if (!def.lines) return undefined;
	// Canonical documents need their lines.
	const wanted = options.includeLines !== false || (typeof options.output === 'string' && options.output !== 'raw');
	return wanted ? def.lines.set : undefined;
}

export function getOperation(def: ResourceDefinition): OperationModule {
	const properties: INodeProperties[] = [
		...scope(def),
		def.id,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [...includeLinesOption(def), outputOption(def.canonicalTypes), selectOption],
		},
	];
	return {
		description: stamp(def, 'get', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const expand = expandOf(def, options);
			const qs: IDataObject = {};
			if (expand) qs.$expand = expand;
			if (typeof options.select === 'string' && options.select.trim()) qs.$select = options.select.trim();
			const record = await businessCentralApi<IDataObject>(this, { path: recordPath(def, this, itemIndex), qs, itemIndex });
			return toOutput(def, options.output, [record]);
		},
	};
}

export function getAllOperation(def: ResourceDefinition): OperationModule {
	const properties: INodeProperties[] = [
		...scope(def),
		...returnAllOrLimit(),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [filterOption, ...includeLinesOption(def), orderByOption, outputOption(def.canonicalTypes), selectOption],
		},
	];
	return {
		description: stamp(def, 'getAll', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const records = await businessCentralList(this, {
				path: collectionPath(def, this, itemIndex),
				query: {
					filter: options.filter as string | undefined,
					select: options.select as string | undefined,
					orderBy: options.orderBy as string | undefined,
					expand: expandOf(def, { includeLines: false, ...options }),
				},
				returnAll,
				limit,
				itemIndex,
			});
			return toOutput(def, options.output, records);
		},
	};
}

const bodyModeProperty = (def: ResourceDefinition): INodeProperties => ({
	displayName: 'Input',
	name: 'bodyMode',
	type: 'options',
	noDataExpression: true,
	default: 'fields',
	options: [
		{ name: 'Fields Below', value: 'fields', description: 'Fill in the fields in this node' },
		{ name: 'JSON', value: 'json', description: `A Business Central ${def.noun} body as JSON` },
		{
			name: `Canonical ${def.canonicalTypes[0]}`,
			value: 'canonical',
			description: `A canonical ${def.canonicalTypes[0]} record, e.g. from another system’s node or the Record Mapper`,
		},
	],
});

const jsonProperty: INodeProperties = {
	displayName: 'JSON Body',
	name: 'bodyJson',
	type: 'json',
	default: '{}',
	displayOptions: { show: { bodyMode: ['json'] } },
	description: 'Properties of the API v2.0 entity; document lines go in the lines collection (deep insert)',
};

const canonicalProperty = (def: ResourceDefinition): INodeProperties => ({
	displayName: `Canonical ${def.canonicalTypes[0]}`,
	name: 'canonicalRecord',
	type: 'json',
	default: '={{ $json }}',
	displayOptions: { show: { bodyMode: ['canonical'] } },
	description: `The canonical ${def.canonicalTypes[0]} record (default: the input item)`,
});

function linesProperty(def: ResourceDefinition): INodeProperties[] {
	if (!def.lines) return [];
	const priceLabel = def.lines.priceField === 'unitPrice' ? 'Price' : 'Direct Unit Cost';
	const price: INodeProperties = {
		displayName: priceLabel,
		name: 'price',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 5 },
		description: `0 keeps the ${priceLabel.toLowerCase()} Business Central finds for the item`,
	};
	const values: INodeProperties[] = [
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Discount %', name: 'discountPercent', type: 'number', default: 0, typeOptions: { numberPrecision: 2 } },
		{
			displayName: 'Line Type',
			name: 'lineType',
			type: 'options',
			default: 'Item',
			options: ['Account', 'Charge', 'Comment', 'Fixed Asset', 'Item', 'Resource'].map((v) => ({ name: v, value: v })),
		},
		{
			displayName: 'Number',
			name: 'lineObjectNumber',
			type: 'string',
			default: '',
			description: 'Item number (or G/L account, resource, charge number for those line types)',
		},
		{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { numberPrecision: 5 } },
		{ displayName: 'Unit of Measure Code', name: 'unitOfMeasureCode', type: 'string', default: '' },
	];
	// Alphabetical, as n8n lists collection values.
	values.splice(def.lines.priceField === 'unitPrice' ? 4 : 1, 0, price);
	return [
		{
			displayName: 'Lines',
			name: 'lines',
			type: 'fixedCollection',
			placeholder: 'Add Line',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			displayOptions: { show: { bodyMode: ['fields'] } },
			description: 'Document lines, created together with the document in one request (deep insert)',
			options: [{ name: 'line', displayName: 'Line', values }],
		},
	];
}

function linesFromParameter(def: ResourceDefinition, value: IDataObject | undefined): IDataObject[] {
	const rows = (value?.line as IDataObject[] | undefined) ?? [];
	return rows.map((row) => {
		const line: IDataObject = { lineType: row.lineType ?? 'Item' };
		if (!isEmpty(row.lineObjectNumber)) line.lineObjectNumber = String(row.lineObjectNumber).trim();
		if (!isEmpty(row.description)) line.description = row.description;
		if (row.quantity !== undefined) line.quantity = row.quantity;
		if (typeof row.price === 'number' && row.price !== 0) line[def.lines!.priceField] = row.price;
		if (typeof row.discountPercent === 'number' && row.discountPercent !== 0) line.discountPercent = row.discountPercent;
		if (!isEmpty(row.unitOfMeasureCode)) line.unitOfMeasureCode = row.unitOfMeasureCode;
		return line;
	});
}

const isParameter = (spec: FieldSpec) => spec.required === true;

export function writeProperties(def: ResourceDefinition, mode: 'create' | 'update'): INodeProperties[] {
	const fields: INodeProperties[] =
		mode === 'create'
			? [
					...def.fields.filter(isParameter).map((spec) => ({ ...fieldProperty(spec, true), displayOptions: { show: { bodyMode: ['fields'] } } })),
					{
						displayName: 'Additional Fields',
						name: 'additionalFields',
						type: 'collection',
						placeholder: 'Add Field',
						default: {},
						displayOptions: { show: { bodyMode: ['fields'] } },
						options: def.fields.filter((spec) => !isParameter(spec)).map((spec) => fieldProperty(spec)),
					},
					...linesProperty(def),
				]
			: [
					{
						displayName: 'Update Fields',
						name: 'updateFields',
						type: 'collection',
						placeholder: 'Add Field',
						default: {},
						displayOptions: { show: { bodyMode: ['fields'] } },
						options: def.fields.map((spec) => fieldProperty(spec)),
					},
				];
	return [bodyModeProperty(def), ...fields, jsonProperty, canonicalProperty(def)];
}

function canonicalBody(ctx: IExecuteFunctions, def: ResourceDefinition, itemIndex: number): IDataObject {
	const type = def.canonicalTypes[0];
	const value = jsonObject(ctx.getNode(), ctx.getNodeParameter('canonicalRecord', itemIndex, {}), `Canonical ${type}`, itemIndex);
	if (!isCanonical(value, type as CanonicalType)) {
		throw new NodeOperationError(ctx.getNode(), `Canonical ${type} is not a canonical ${type} record`, {
			itemIndex,
			description: `Expected an object with type "${type}" and externalIds (got type "${String(value.type ?? '')}").`,
		});
	}
	return fromCanonical(type, value as unknown as AnyCanonical);
}

/** The request body of a create or update from the chosen input, checked for the fields Business Central requires. */
export function writeBody(ctx: IExecuteFunctions, def: ResourceDefinition, mode: 'create' | 'update', itemIndex: number): IDataObject {
	const bodyMode = ctx.getNodeParameter('bodyMode', itemIndex, 'fields') as string;
	let body: IDataObject;
	if (bodyMode === 'json') {
		body = jsonObject(ctx.getNode(), ctx.getNodeParameter('bodyJson', itemIndex, '{}'), 'JSON Body', itemIndex);
	} else if (bodyMode === 'canonical') {
		body = canonicalBody(ctx, def, itemIndex);
		if (mode === 'update' && def.lines) delete body[def.lines.set];
	} else if (mode === 'create') {
		const values: IDataObject = {};
		for (const spec of def.fields.filter(isParameter)) values[spec.name] = ctx.getNodeParameter(spec.name, itemIndex, '');
		Object.assign(values, ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
		body = buildBody(def.fields, values);
		if (def.lines) {
			const lines = linesFromParameter(def, ctx.getNodeParameter('lines', itemIndex, {}) as IDataObject);
			if (lines.length > 0) body[def.lines.set] = lines;
		}
	} else {
		body = buildBody(def.fields, ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	}
	if (mode === 'create') requireFields(ctx.getNode(), def.fields, body, def.noun, itemIndex);
	if (mode === 'update' && Object.keys(body).length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Update Fields: choose at least one field to update', {
			itemIndex,
			description: `Nothing would change on the ${def.noun}.`,
		});
	}
	return body;
}

export function createOperation(def: ResourceDefinition): OperationModule {
	const notice: INodeProperties = {
		displayName: `Business Central has no idempotency keys: running this again creates another ${def.noun}.${def.upsertKey ? ' Use "Create or Update" to make repeated runs safe.' : ''}`,
		name: 'notIdempotentNotice',
		type: 'notice',
		default: '',
	};
	return {
		description: stamp(def, 'create', [...scope(def), notice, ...writeProperties(def, 'create')]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await businessCentralApi<IDataObject>(this, {
				method: 'POST',
				path: collectionPath(def, this, itemIndex),
				body: writeBody(this, def, 'create', itemIndex),
				itemIndex,
			});
		},
	};
}

/** The current `@odata.etag` of a record, read when the user gave none. */
async function currentEtag(ctx: IExecuteFunctions, path: string, itemIndex: number): Promise<string> {
	const record = await businessCentralApi<IDataObject>(ctx, { path, qs: { $select: 'id' }, itemIndex });
	const etag = record['@odata.etag'];
	if (typeof etag !== 'string' || !etag) {
		throw toNodeOperationError(ctx.getNode(), 'Business Central returned the record without an @odata.etag', { itemIndex, errorClass: 'unknown' });
	}
	return etag;
}

/** PATCH with If-Match: the given ETag, or the one just read. */
export async function patchRecord(ctx: IExecuteFunctions, path: string, body: IDataObject, etag: string | undefined, itemIndex: number): Promise<IDataObject> {
	const ifMatch = etag && etag.trim() ? etag.trim() : await currentEtag(ctx, path, itemIndex);
	return await businessCentralApi<IDataObject>(ctx, {
		method: 'PATCH',
		path,
		body,
		headers: { 'If-Match': ifMatch },
		// The same values written twice give the same record; a changed record fails its ETag instead.
		idempotent: true,
		itemIndex,
	});
}

export function updateOperation(def: ResourceDefinition): OperationModule {
	const properties: INodeProperties[] = [
		...scope(def),
		def.id,
		...writeProperties(def, 'update'),
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [etagOption] },
	];
	return {
		description: stamp(def, 'update', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const body = writeBody(this, def, 'update', itemIndex);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			return await patchRecord(this, recordPath(def, this, itemIndex), body, options.etag as string | undefined, itemIndex);
		},
	};
}

export function deleteOperation(def: ResourceDefinition): OperationModule {
	const properties: INodeProperties[] = [
		...scope(def),
		def.id,
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [etagOption] },
	];
	return {
		description: stamp(def, 'delete', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const path = recordPath(def, this, itemIndex);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const etag = typeof options.etag === 'string' && options.etag.trim() ? options.etag.trim() : '*';
			await businessCentralApi(this, { method: 'DELETE', path, headers: { 'If-Match': etag }, idempotent: true, itemIndex });
			return { id: guidParameter(this, def.id.name, def.id.displayName, itemIndex), deleted: true };
		},
	};
}

/**
 * Create or Update by a business key: look the key up with `$filter`, then PATCH the one record found
 * (If-Match with its ETag) or create it. A retried run finds what the first run created.
 */
export function upsertOperation(def: ResourceDefinition): OperationModule {
	const key = def.upsertKey!;
	const keyProperty: INodeProperties = {
		displayName: key.displayName,
		name: 'upsertKeyValue',
		type: 'string',
		default: '',
		required: true,
		description: key.description,
	};
	return {
		description: stamp(def, 'upsert', [...scope(def), keyProperty, ...writeProperties(def, 'create')]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const value = String(this.getNodeParameter('upsertKeyValue', itemIndex, '')).trim();
			if (!value) throw new NodeOperationError(this.getNode(), `${key.displayName} is required to create or update a ${def.noun}`, { itemIndex });
			const body = { ...writeBody(this, def, 'create', itemIndex), [key.field]: value };
			const path = collectionPath(def, this, itemIndex);
			const found = await businessCentralList(this, {
				path,
				query: { filter: `${key.field} eq ${odataString(value)}` },
				returnAll: false,
				limit: 2,
				itemIndex,
			});
			if (found.length > 1) {
				throw toNodeOperationError(this.getNode(), `${found.length} ${def.plural} have ${key.displayName} "${value}"; cannot tell which one to update`, {
					itemIndex,
					errorClass: 'duplicate',
					description: `Make ${key.displayName} unique in Business Central, or update the intended ${def.noun} by its ID.`,
				});
			}
			if (found.length === 0) {
				return await businessCentralApi<IDataObject>(this, { method: 'POST', path, body, itemIndex });
			}
			const existing = found[0];
			const patch = { ...body };
			// Lines are not replaced on an existing document; they are managed on the document itself.
			if (def.lines) delete patch[def.lines.set];
			return await patchRecord(this, `${path}(${String(existing.id)})`, patch, existing['@odata.etag'] as string | undefined, itemIndex);
		},
	};
}
