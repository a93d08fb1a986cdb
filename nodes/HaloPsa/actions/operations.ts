import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AnyCanonical } from '../../common/canonical';
import { returnAllOrLimit } from '../../common/descriptions';
import type { ItemResult } from '../../common/execution';
import { haloPsaMappings } from '../mapping';
import { haloApi, haloList, haloRequest } from '../transport';
import type { ResourceDefinition } from './definitions';
import { buildRecord, collectionOptions, fieldProperty, otherFieldsProperty } from './fields';

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

function stamp(def: ResourceDefinition, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [def.resource], operation: [operation] } }, properties);
}

function mappingOf(def: ResourceDefinition) {
	return def.canonical ? haloPsaMappings[def.canonical as keyof typeof haloPsaMappings] : undefined;
}

/** The record picker: from a searchable list, or by ID. */
export function recordLocator(def: ResourceDefinition): INodeProperties {
	return {
		displayName: `${def.noun[0].toUpperCase()}${def.noun.slice(1)}`,
		name: 'recordId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchRecords', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1042',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'The ID is a number' } }],
			},
		],
	};
}

function recordId(ctx: IExecuteFunctions, itemIndex: number, noun: string): number {
	const value = ctx.getNodeParameter('recordId', itemIndex, undefined, { extractValue: true }) as unknown;
	const id = Number(value);
	if (!Number.isInteger(id) || id <= 0) {
		throw new NodeOperationError(ctx.getNode(), `The ${noun} ID must be a positive whole number, got "${String(value)}"`, { itemIndex });
	}
	return id;
}

const outputOption = (type: string): INodeProperties => ({
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{ name: 'Raw', value: 'raw', description: 'Records as HaloPSA returns them' },
		{ name: `Canonical ${type}`, value: 'canonical', description: `Records as the pack's canonical ${type}` },
	],
	default: 'raw',
});

function toOutput(def: ResourceDefinition, options: IDataObject, records: IDataObject[]): IDataObject[] {
	const mapping = mappingOf(def);
	if (options.output !== 'canonical' || !mapping) return records;
	return records.map((record) => mapping.toCanonical(record) as unknown as IDataObject);
}

export function getOperation(def: ResourceDefinition): OperationModule {
	const properties: INodeProperties[] = [
		recordLocator(def),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Include Details',
					name: 'includeDetails',
					type: 'boolean',
					default: true,
					description: 'Whether to ask Halo for the full record (includedetails=true)',
				},
				...(def.canonical ? [outputOption(def.canonical)] : []),
			],
		},
	];
	return {
		description: stamp(def, 'get', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const id = recordId(this, itemIndex, def.noun);
			const record = await haloApi<IDataObject>(this, {
				path: `${def.path}/${id}`,
				qs: options.includeDetails === false ? undefined : { includedetails: true },
				itemIndex,
			});
			return toOutput(def, options, [record]);
		},
	};
}

export function getAllOperation(def: ResourceDefinition): OperationModule {
	const filters: INodeProperties[] = [
		{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Halo’s free-text search over the list' },
		...def.filters,
		...(def.hasInactive
			? [{ displayName: 'Include Inactive', name: 'includeinactive', type: 'boolean', default: false, description: 'Whether to include inactive records' } as INodeProperties]
			: []),
		{ displayName: 'Order By', name: 'order', type: 'string', default: '', placeholder: 'e.g. ID', description: 'Field to order by' },
		{ displayName: 'Descending', name: 'orderdesc', type: 'boolean', default: false, description: 'Whether to order descending' },
		{
			displayName: 'Other Query Parameters',
			name: 'query',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Parameter',
			description: 'Further list filters Halo supports for this entity (e.g. open_only, datesearch, startdate)',
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
	];
	const properties: INodeProperties[] = [
		...returnAllOrLimit(),
		{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: filters },
		...(def.canonical
			? [{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [outputOption(def.canonical)] } as INodeProperties]
			: []),
	];
	return {
		description: stamp(def, 'getAll', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const values = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const options = (def.canonical ? this.getNodeParameter('options', itemIndex, {}) : {}) as IDataObject;
			const qs: IDataObject = {};
			for (const [key, value] of Object.entries(values)) {
				if (key === 'query' || value === '' || value === 0 || value === false || value === undefined) continue;
				qs[key] = typeof value === 'string' ? value.trim() : value;
			}
			const extra = ((values.query as IDataObject | undefined)?.parameter ?? []) as Array<{ name?: string; value?: string }>;
			for (const { name, value } of extra) if (name?.trim()) qs[name.trim()] = value ?? '';
			const records = await haloList(this, { path: def.path, listKey: def.listKey, qs, returnAll, limit, itemIndex });
			return toOutput(def, options, records);
		},
	};
}

export function deleteOperation(def: ResourceDefinition): OperationModule {
	return {
		description: stamp(def, 'delete', [recordLocator(def)]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = recordId(this, itemIndex, def.noun);
			await haloRequest(this, { method: 'DELETE', path: `${def.path}/${id}`, itemIndex });
			return { id, deleted: true };
		},
	};
}

const inputModeProperty = (def: ResourceDefinition): INodeProperties => ({
	displayName: 'Input',
	name: 'inputMode',
	type: 'options',
	options: [
		{ name: 'Fields', value: 'fields', description: 'Set HaloPSA fields below' },
		{ name: `Canonical ${def.canonical}`, value: 'canonical', description: `Map a canonical ${def.canonical} to HaloPSA` },
	],
	default: 'fields',
});

const canonicalProperty = (def: ResourceDefinition): INodeProperties => ({
	displayName: `Canonical ${def.canonical}`,
	name: 'canonical',
	type: 'json',
	default: '={{ $json }}',
	displayOptions: { show: { inputMode: ['canonical'] } },
	description: `A canonical ${def.canonical} record; its haloPsa external ID, when present, makes this an update`,
});

function canonicalRecord(ctx: IExecuteFunctions, def: ResourceDefinition, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('canonical', itemIndex, {}) as unknown;
	const value = typeof raw === 'string' ? jsonParse<unknown>(raw, { fallbackValue: undefined }) : raw;
	if (typeof value !== 'object' || value === null || (value as IDataObject).type !== def.canonical) {
		throw new NodeOperationError(ctx.getNode(), `The input is not a canonical ${def.canonical} (its "type" must be "${def.canonical}")`, { itemIndex });
	}
	return mappingOf(def)!.fromCanonical(value as AnyCanonical);
}

/** Halo creates and updates with one call: POST an array of records, with `id` to update. */
async function save(ctx: IExecuteFunctions, def: ResourceDefinition, record: IDataObject, itemIndex: number): Promise<IDataObject> {
	const saved = await haloApi<IDataObject | IDataObject[]>(ctx, {
		method: 'POST',
		path: def.path,
		body: [record],
		// An update by id sets the same values when resent; a create could duplicate.
		idempotent: record.id !== undefined,
		itemIndex,
	});
	return Array.isArray(saved) ? (saved[0] ?? {}) : saved;
}

const isParameter = (spec: { required?: boolean }) => spec.required === true;

export function createOperation(def: ResourceDefinition): OperationModule {
	const fieldsOnly = def.canonical ? { displayOptions: { show: { inputMode: ['fields'] } } } : {};
	const properties: INodeProperties[] = [
		...(def.canonical ? [inputModeProperty(def), canonicalProperty(def)] : []),
		...def.fields.filter(isParameter).map((spec) => ({ ...fieldProperty(spec, true), ...fieldsOnly })),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			...fieldsOnly,
			options: collectionOptions(def.fields.filter((spec) => !isParameter(spec))),
		},
	];
	return {
		description: stamp(def, 'create', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const mode = def.canonical ? (this.getNodeParameter('inputMode', itemIndex, 'fields') as string) : 'fields';
			let record: IDataObject;
			if (mode === 'canonical') {
				record = canonicalRecord(this, def, itemIndex);
			} else {
				const values: IDataObject = {};
				for (const spec of def.fields.filter(isParameter)) {
					const value = this.getNodeParameter(spec.name, itemIndex, '') as unknown;
					if (value === '' || value === undefined || value === null || (spec.kind === 'number' && value === 0)) {
						throw new NodeOperationError(this.getNode(), `${spec.displayName} is required to create a ${def.noun}`, { itemIndex });
					}
					values[spec.name] = value as IDataObject[string];
				}
				const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
				record = buildRecord(this.getNode(), itemIndex, def.fields, { ...additional, ...values });
			}
			return await save(this, def, { ...def.createDefaults, ...record }, itemIndex);
		},
	};
}

export function updateOperation(def: ResourceDefinition): OperationModule {
	const fieldsOnly = def.canonical ? { displayOptions: { show: { inputMode: ['fields'] } } } : {};
	const properties: INodeProperties[] = [
		recordLocator(def),
		...(def.canonical ? [inputModeProperty(def), canonicalProperty(def)] : []),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			...fieldsOnly,
			options: collectionOptions(def.fields),
		},
	];
	return {
		description: stamp(def, 'update', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = recordId(this, itemIndex, def.noun);
			const mode = def.canonical ? (this.getNodeParameter('inputMode', itemIndex, 'fields') as string) : 'fields';
			const record =
				mode === 'canonical'
					? canonicalRecord(this, def, itemIndex)
					: buildRecord(this.getNode(), itemIndex, def.fields, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
			delete record.id;
			if (Object.keys(record).length === 0) {
				throw new NodeOperationError(this.getNode(), 'Update Fields: choose at least one field to update', {
					itemIndex,
					description: `Nothing would change on the ${def.noun}.`,
				});
			}
			return await save(this, def, { id, ...record }, itemIndex);
		},
	};
}

export { otherFieldsProperty };
