import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { RecordMapperError } from '../../core/errors';
import { checkIds, type CrossReferenceTable, type Ids, type XrefEntity } from '../../core/xref';
import { jsonParameter } from '../common';

export const SYSTEM_HINT = 'System key as in externalIds, e.g. netSuite, connectWisePsa, stripe, x12:ACME, gtin';

export const tableField: INodeProperties = {
	displayName: 'Table',
	name: 'table',
	type: 'string',
	required: true,
	default: 'customers',
	placeholder: 'customers',
	description: 'Cross-reference table: one per kind of business object (customers, items, suppliers…)',
	displayOptions: { show: { resource: ['crossReference'] } },
};

/** An entity as an output item. */
export function entityJson(table: CrossReferenceTable, entity: XrefEntity, extra: IDataObject = {}): IDataObject {
	return { table: table.table, ...entity, ...extra } as unknown as IDataObject;
}

/** The System / ID pair list and its JSON alternative, for `operations`. */
export function idsFields(operation: string, label: string): INodeProperties[] {
	const show = { resource: ['crossReference'], operation: [operation] };
	return [
		{
			displayName: 'IDs Input',
			name: 'idsSource',
			type: 'options',
			noDataExpression: true,
			default: 'fields',
			options: [
				{ name: 'System / ID Pairs', value: 'fields' },
				{ name: 'JSON Object', value: 'json', description: 'An object of system → ID, e.g. from an expression' },
			],
			displayOptions: { show },
		},
		{
			displayName: label,
			name: 'ids',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add System ID',
			default: {},
			displayOptions: { show: { ...show, idsSource: ['fields'] } },
			options: [
				{
					name: 'pairs',
					displayName: 'System ID',
					values: [
						{ displayName: 'System', name: 'system', type: 'string', default: '', placeholder: 'netSuite', description: SYSTEM_HINT },
						{ displayName: 'ID', name: 'id', type: 'string', default: '', placeholder: '412', description: "The record's ID in that system; empty links nothing" },
					],
				},
			],
		},
		{
			displayName: `${label} (JSON)`,
			name: 'idsJson',
			type: 'json',
			default: '{\n  "netSuite": "412",\n  "connectWisePsa": "250"\n}',
			description: 'Object of system → ID; empty values are skipped',
			displayOptions: { show: { ...show, idsSource: ['json'] } },
		},
	];
}

export function readIds(ctx: IExecuteFunctions, itemIndex: number): Ids {
	if (ctx.getNodeParameter('idsSource', itemIndex, 'fields') === 'json') return checkIds(jsonParameter(ctx, 'idsJson', itemIndex, 'IDs (JSON)') ?? {});
	const pairs = (ctx.getNodeParameter('ids', itemIndex, {}) as { pairs?: Array<{ system: string; id: string }> }).pairs ?? [];
	const out: Record<string, unknown> = {};
	pairs.forEach(({ system, id }, i) => {
		if (!system?.trim()) {
			if (id !== undefined && id !== '') throw new RecordMapperError(`System ID row ${i + 1} has an ID but no system`, 'validation', 'Fill in the System of the row.');
			return;
		}
		if (Object.hasOwn(out, system.trim()) && out[system.trim()] !== id) {
			throw new RecordMapperError(`System "${system.trim()}" is given twice with different IDs`, 'validation', 'One entity has one ID per system.');
		}
		out[system.trim()] = id;
	});
	return checkIds(out);
}

/** Entity by ID, or found by one system's ID: for Update and Delete. */
export function locateFields(operation: string): INodeProperties[] {
	const show = { resource: ['crossReference'], operation: [operation] };
	return [
		{
			displayName: 'Find Entity By',
			name: 'locateBy',
			type: 'options',
			noDataExpression: true,
			default: 'systemId',
			options: [
				{ name: 'A System ID', value: 'systemId', description: 'The entity that a system ID belongs to' },
				{ name: 'Entity ID', value: 'entity', description: 'The canonical ID of the entity' },
			],
			displayOptions: { show },
		},
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { ...show, locateBy: ['entity'] } },
		},
		{
			displayName: 'System',
			name: 'locateSystem',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'netSuite',
			description: SYSTEM_HINT,
			displayOptions: { show: { ...show, locateBy: ['systemId'] } },
		},
		{
			displayName: 'ID',
			name: 'locateId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '412',
			displayOptions: { show: { ...show, locateBy: ['systemId'] } },
		},
	];
}

/** The entity ID that the Find Entity By parameters name; undefined when a system ID belongs to none. */
export async function locate(ctx: IExecuteFunctions, itemIndex: number, table: CrossReferenceTable): Promise<string | undefined> {
	if (ctx.getNodeParameter('locateBy', itemIndex) === 'entity') return String(ctx.getNodeParameter('entityId', itemIndex)).trim();
	const system = ctx.getNodeParameter('locateSystem', itemIndex) as string;
	const id = ctx.getNodeParameter('locateId', itemIndex) as string;
	return (await table.lookup(system, id))?.id;
}
