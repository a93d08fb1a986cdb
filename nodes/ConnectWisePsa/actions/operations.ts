import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../common/descriptions';
import type { ItemResult } from '../../common/execution';
import { buildPatch, buildRecord, collectionOptions, fieldProperty, isEmpty, otherFieldsSpec } from '../helpers/fields';
import type { BuildContext, FieldSpec } from '../helpers/fields';
import { recordId } from '../helpers/values';
import { connectWiseApi, connectWiseList } from '../transport';
import { fieldsOption, getManyOptions, notIdempotentNotice, outputOption } from './common.descriptions';

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

/** One ConnectWise record type as the node exposes it; the operation builders below read it. */
export interface ResourceDefinition {
	resource: string;
	/** Lower-case singular used in texts ("service ticket"). */
	noun: string;
	/** The collection path under apis/3.0, or a function of the parameters (child records). */
	path: string | ((ctx: IExecuteFunctions, itemIndex: number) => string);
	/** Parameters shown before the record, e.g. the parent agreement of an addition. */
	parent?: INodeProperties[];
	/** The parameter that picks one record. */
	id: INodeProperties;
	fields: FieldSpec[];
	/** Last adjustments of a create body (e.g. drop a charge-to type that has no id). */
	prepareCreate?: (body: IDataObject) => IDataObject;
	/** Offered as the "Output" option of Get and Get Many. */
	canonical?: { type: string; map: (record: IDataObject) => object };
}

export function collectionPath(def: ResourceDefinition, ctx: IExecuteFunctions, itemIndex: number): string {
	return typeof def.path === 'function' ? def.path(ctx, itemIndex) : def.path;
}

export function recordIdParameter(ctx: IExecuteFunctions, property: INodeProperties, itemIndex: number): number {
	const value = ctx.getNodeParameter(property.name, itemIndex, undefined, { extractValue: true });
	return recordId(ctx.getNode(), value, property.displayName, itemIndex);
}

export function recordPath(def: ResourceDefinition, ctx: IExecuteFunctions, itemIndex: number): string {
	return `${collectionPath(def, ctx, itemIndex)}/${recordIdParameter(ctx, def.id, itemIndex)}`;
}

/** Node, item and the workflow's time zone, for converting parameter values. */
export function buildContext(ctx: IExecuteFunctions, itemIndex: number): BuildContext {
	return { node: ctx.getNode(), itemIndex, timeZone: ctx.getTimezone() };
}

function stamp(def: ResourceDefinition, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [def.resource], operation: [operation] } }, properties);
}

function toOutput(def: ResourceDefinition, options: IDataObject, records: IDataObject[]): IDataObject[] {
	if (options.output !== 'canonical' || !def.canonical) return records;
	return records.map((record) => def.canonical!.map(record) as IDataObject);
}

export function getOperation(def: ResourceDefinition): OperationModule {
	const properties: INodeProperties[] = [
		...(def.parent ?? []),
		def.id,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [fieldsOption, ...(def.canonical ? [outputOption(def.canonical.type)] : [])],
		},
	];
	return {
		description: stamp(def, 'get', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const fields = typeof options.fields === 'string' && options.fields.trim() ? options.fields.trim() : undefined;
			const record = await connectWiseApi<IDataObject>(this, {
				path: recordPath(def, this, itemIndex),
				qs: fields ? { fields } : undefined,
				itemIndex,
			});
			return toOutput(def, options, [record]);
		},
	};
}

export function getAllOperation(def: ResourceDefinition): OperationModule {
	const properties: INodeProperties[] = [
		...(def.parent ?? []),
		...returnAllOrLimit(),
		getManyOptions(def.canonical?.type),
	];
	return {
		description: stamp(def, 'getAll', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const records = await connectWiseList(this, {
				path: collectionPath(def, this, itemIndex),
				query: {
					conditions: options.conditions as string | undefined,
					childConditions: options.childConditions as string | undefined,
					customFieldConditions: options.customFieldConditions as string | undefined,
					orderBy: options.orderBy as string | undefined,
					fields: options.fields as string | undefined,
				},
				returnAll,
				limit,
				parallel: returnAll && options.parallelPages === true,
				itemIndex,
			});
			return toOutput(def, options, records);
		},
	};
}

export function deleteOperation(def: ResourceDefinition): OperationModule {
	return {
		description: stamp(def, 'delete', [...(def.parent ?? []), def.id]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = recordIdParameter(this, def.id, itemIndex);
			await connectWiseApi(this, {
				method: 'DELETE',
				path: `${collectionPath(def, this, itemIndex)}/${id}`,
				itemIndex,
			});
			return { id, deleted: true };
		},
	};
}

/** Update Fields: every writable field of the resource; the request is a JSON-Patch of `replace` operations. */
export function updateOperation(def: ResourceDefinition): OperationModule {
	const specs = [...def.fields.filter((spec) => !spec.createOnly), otherFieldsSpec];
	const properties: INodeProperties[] = [
		...(def.parent ?? []),
		def.id,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: collectionOptions(specs),
		},
	];
	return {
		description: stamp(def, 'update', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const patch = buildPatch(buildContext(this, itemIndex), specs, values);
			if (patch.length === 0) {
				throw new NodeOperationError(this.getNode(), 'Update Fields: choose at least one field to update', {
					itemIndex,
					description: `Nothing would change on the ${def.noun}.`,
				});
			}
			return await connectWiseApi<IDataObject>(this, {
				method: 'PATCH',
				path: recordPath(def, this, itemIndex),
				body: patch,
				// Replacing fields with the same values twice has the same result.
				idempotent: true,
				itemIndex,
			});
		},
	};
}

const isParameter = (spec: FieldSpec) => spec.required === true || spec.primary === true;

/** The required and primary fields of a resource as parameters, plus Additional Fields for the rest. */
export function createProperties(def: ResourceDefinition): INodeProperties[] {
	const optional = [...def.fields.filter((spec) => !isParameter(spec)), otherFieldsSpec];
	return [
		...def.fields.filter(isParameter).map((spec) => fieldProperty(spec, true)),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: collectionOptions(optional),
		},
	];
}

/** The create body from the required parameters and Additional Fields. */
export function createBody(def: ResourceDefinition, ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const values: IDataObject = {};
	for (const spec of def.fields.filter(isParameter)) {
		const value = ctx.getNodeParameter(spec.name, itemIndex, spec.required ? undefined : '', {
			extractValue: true,
		}) as IDataObject;
		if (spec.required && isEmpty(value)) {
			throw new NodeOperationError(ctx.getNode(), `${spec.displayName} is required to create a ${def.noun}`, {
				itemIndex,
			});
		}
		values[spec.name] = value;
	}
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = buildRecord(buildContext(ctx, itemIndex), [...def.fields, otherFieldsSpec], { ...values, ...additional });
	return def.prepareCreate ? def.prepareCreate(body) : body;
}

export function createOperation(def: ResourceDefinition): OperationModule {
	return {
		description: stamp(def, 'create', [...(def.parent ?? []), notIdempotentNotice(def.noun), ...createProperties(def)]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await connectWiseApi<IDataObject>(this, {
				method: 'POST',
				path: collectionPath(def, this, itemIndex),
				body: createBody(def, this, itemIndex),
				itemIndex,
			});
		},
	};
}

/** Stamps extra properties of a hand-written operation with its resource/operation. */
export function operationDescription(
	def: ResourceDefinition,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return stamp(def, operation, properties);
}
