import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isCanonical } from '../../common/canonical';
import { returnAllOrLimit } from '../../common/descriptions';
import type { ItemResult } from '../../common/execution';
import { autotaskApi, autotaskQuery } from '../transport';
import { coerceRecord, entityFields, withPicklistLabels } from '../transport/metadata';
import {
	filterProperties,
	inputProperties,
	outputOption,
	parallelOption,
	parentIdProperty,
	picklistLabelsOption,
	recordLocator,
} from './common.descriptions';
import type { EntityDef } from './entities';
import { buildFilter } from './filter';
import type { ConditionRow } from './filter';

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

function stamp(def: EntityDef, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [def.resource], operation: [operation] } }, properties);
}

function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

function outputOptions(def: EntityDef): INodeProperties[] {
	return [...(def.canonical ? [outputOption(def.canonical.type)] : []), picklistLabelsOption];
}

export function recordIdOf(ctx: IExecuteFunctions, def: EntityDef, itemIndex: number): number {
	const value = ctx.getNodeParameter('recordId', itemIndex, undefined, { extractValue: true }) as unknown;
	const text = String(value ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw new NodeOperationError(ctx.getNode(), `${def.displayName}: "${text}" is not an Autotask ID`, {
			itemIndex,
			description: `Pick the ${def.noun} from the list, or give its numeric ID.`,
		});
	}
	return Number(text);
}

function parentIdOf(ctx: IExecuteFunctions, def: EntityDef, itemIndex: number, body?: IDataObject): number {
	const param = Number(ctx.getNodeParameter('parentId', itemIndex, 0));
	const fromBody = Number(body?.[def.parent!.field]);
	const id = param > 0 ? param : fromBody;
	if (!Number.isInteger(id) || id <= 0) {
		throw new NodeOperationError(ctx.getNode(), `${def.parent!.displayName} is required for a ${def.noun}`, {
			itemIndex,
			description: `Autotask writes ${def.plural} through their parent: set ${def.parent!.displayName}.`,
		});
	}
	return id;
}

/** Where writes go: the entity, or the parent's child collection. */
function writePath(ctx: IExecuteFunctions, def: EntityDef, itemIndex: number, body?: IDataObject): string {
	if (!def.parent) return def.entity;
	return `${def.parent.entity}/${parentIdOf(ctx, def, itemIndex, body)}/${def.parent.child}`;
}

export async function fetchRecord(ctx: IExecuteFunctions, def: EntityDef, id: number, itemIndex: number): Promise<IDataObject> {
	const body = await autotaskApi<IDataObject>(ctx, { path: `${def.entity}/${id}`, itemIndex });
	// Autotask answers an unknown id with 200 and `"item": null`.
	const item = body?.item;
	if (!item || typeof item !== 'object') {
		throw new NodeOperationError(ctx.getNode(), `${def.displayName} ${id} was not found`, {
			itemIndex,
			description: `Check the ID: the ${def.noun} does not exist or the API user cannot see it (security level, line of business).`,
		});
	}
	return item as IDataObject;
}

async function toOutput(ctx: IExecuteFunctions, def: EntityDef, options: IDataObject, records: IDataObject[], itemIndex: number) {
	if (options.output === 'canonical' && def.canonical) {
		return records.map((record) => def.canonical!.toCanonical(record) as unknown as IDataObject);
	}
	if (options.picklistLabels === true && records.length > 0) {
		const fields = await entityFields(ctx, def.entity, itemIndex);
		return records.map((record) => withPicklistLabels(fields, record));
	}
	return records;
}

export function getOperation(def: EntityDef): OperationModule {
	return {
		description: stamp(def, 'get', [recordLocator(def), optionsCollection([...outputOptions(def), parallelOption])]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const record = await fetchRecord(this, def, recordIdOf(this, def, itemIndex), itemIndex);
			return await toOutput(this, def, options, [record], itemIndex);
		},
	};
}

export function getAllOperation(def: EntityDef): OperationModule {
	const properties: INodeProperties[] = [
		...returnAllOrLimit(),
		...filterProperties(),
		optionsCollection([
			{
				displayName: 'Filter (JSON)',
				name: 'filterJson',
				type: 'json',
				default: '',
				placeholder: '{"filter":[{"op":"eq","field":"status","value":1}]}',
				description:
					'Autotask query filter JSON, AND-ed with the conditions above; use it for nested and/or groups and operators on user-defined fields',
			},
			{
				displayName: 'Include Fields',
				name: 'includeFields',
				type: 'string',
				default: '',
				placeholder: 'e.g. title,status,dueDateTime',
				description: 'Comma-separated fields to return (IncludeFields); all fields if empty',
			},
			...outputOptions(def),
			parallelOption,
		]),
	];
	return {
		description: stamp(def, 'getAll', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const rows = ((this.getNodeParameter('filters', itemIndex, {}) as IDataObject).condition ?? []) as ConditionRow[];
			const match = this.getNodeParameter('match', itemIndex, 'all') as 'all' | 'any';
			// Field metadata types the typed values (and turns picklist labels into values); only needed with rows.
			const fields = rows.length ? await entityFields(this, def.entity, itemIndex) : [];
			const filter = buildFilter(rows, match, options.filterJson, fields, (message) => {
				throw new NodeOperationError(this.getNode(), message, { itemIndex });
			});
			const includeFields = String(options.includeFields ?? '')
				.split(',')
				.map((f) => f.trim())
				.filter(Boolean);
			const records = await autotaskQuery(this, def.entity, { filter, includeFields }, { returnAll, limit, itemIndex });
			return await toOutput(this, def, options, records, itemIndex);
		},
	};
}

/** The record body from the chosen input: picked fields, JSON, or a canonical record. */
async function inputBody(ctx: IExecuteFunctions, def: EntityDef, itemIndex: number): Promise<IDataObject> {
	const mode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (mode === 'json') {
		const raw = ctx.getNodeParameter('json', itemIndex, '{}') as unknown;
		const value = typeof raw === 'string' ? safeParse(ctx, raw, itemIndex) : raw;
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			throw new NodeOperationError(ctx.getNode(), 'JSON must be an object of Autotask fields', { itemIndex });
		}
		return value as IDataObject;
	}
	if (mode === 'canonical' && def.canonical) {
		const raw = ctx.getNodeParameter('canonicalRecord', itemIndex, {}) as unknown;
		const value = typeof raw === 'string' ? safeParse(ctx, raw, itemIndex) : raw;
		if (!isCanonical(value, def.canonical.type)) {
			throw new NodeOperationError(ctx.getNode(), `The input is not a canonical ${def.canonical.type}`, {
				itemIndex,
				description: `Expected an object with "type": "${def.canonical.type}" and "externalIds".`,
			});
		}
		return def.canonical.fromCanonical(value);
	}
	const rows = ((ctx.getNodeParameter('fields', itemIndex, {}) as IDataObject).field ?? []) as Array<{ name?: string; value?: unknown }>;
	const values: IDataObject = {};
	for (const row of rows) if (row.name) values[row.name] = row.value as IDataObject[string];
	const fields = Object.keys(values).length ? await entityFields(ctx, def.entity, itemIndex) : [];
	return coerceRecord(fields, values);
}

function safeParse(ctx: IExecuteFunctions, text: string, itemIndex: number): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `The JSON input is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
}

function writtenId(ctx: IExecuteFunctions, def: EntityDef, body: IDataObject | undefined, itemIndex: number): number {
	const id = Number(body?.itemId);
	if (!Number.isInteger(id) || id <= 0) {
		throw new NodeOperationError(ctx.getNode(), `Autotask did not return the ${def.noun}'s ID`, { itemIndex });
	}
	return id;
}

export function createOperation(def: EntityDef): OperationModule {
	const notice: INodeProperties = {
		displayName: `Autotask has no idempotency keys: running this twice creates two ${def.plural}. Look the ${def.noun} up first when a retry is possible.`,
		name: 'notIdempotentNotice',
		type: 'notice',
		default: '',
	};
	return {
		description: stamp(def, 'create', [
			notice,
			...parentIdProperty(def, false),
			...inputProperties(def),
			optionsCollection([...outputOptions(def), parallelOption]),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const body = await inputBody(this, def, itemIndex);
			const path = writePath(this, def, itemIndex, body);
			if (def.parent) body[def.parent.field] = Number(path.split('/')[1]);
			const created = await autotaskApi<IDataObject>(this, { method: 'POST', path, body, itemIndex });
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const record = await fetchRecord(this, def, writtenId(this, def, created, itemIndex), itemIndex);
			return await toOutput(this, def, options, [record], itemIndex);
		},
	};
}

export function updateOperation(def: EntityDef): OperationModule {
	return {
		description: stamp(def, 'update', [
			recordLocator(def),
			...parentIdProperty(def, true),
			...inputProperties(def),
			optionsCollection([...outputOptions(def), parallelOption]),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = recordIdOf(this, def, itemIndex);
			const body = await inputBody(this, def, itemIndex);
			delete body.id;
			if (Object.keys(body).length === 0) {
				throw new NodeOperationError(this.getNode(), 'Choose at least one field to update', {
					itemIndex,
					description: `Nothing would change on ${def.noun} ${id}.`,
				});
			}
			// PATCH changes only the fields sent; sending the same values twice has the same result.
			await autotaskApi<IDataObject>(this, {
				method: 'PATCH',
				path: writePath(this, def, itemIndex, body),
				body: { ...body, id },
				idempotent: true,
				itemIndex,
			});
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			return await toOutput(this, def, options, [await fetchRecord(this, def, id, itemIndex)], itemIndex);
		},
	};
}

export function deleteOperation(def: EntityDef): OperationModule {
	return {
		description: stamp(def, 'delete', [recordLocator(def), ...parentIdProperty(def, true), optionsCollection([parallelOption])]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = recordIdOf(this, def, itemIndex);
			await autotaskApi(this, { method: 'DELETE', path: `${writePath(this, def, itemIndex)}/${id}`, itemIndex });
			return { id, deleted: true };
		},
	};
}

export const BUILDERS = {
	get: getOperation,
	getAll: getAllOperation,
	create: createOperation,
	update: updateOperation,
	delete: deleteOperation,
};
