import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { MappingDirection } from '../../../common/canonical/registry';
import { RecordMapperError } from '../../core/errors';
import { setPath } from '../../core/paths';
import { mapRecord, type EnrichRule, type ValueMapRule } from '../../core/pipeline';
import { jsonParameter, listParameter, readPolicy, systemOptions, translatorFor, unknownValueFields, xrefTable } from '../common';

/** The parameters To Canonical and From Canonical share, shown for `operation`. */
export function mappingFields(operation: MappingDirection): INodeProperties[] {
	const show = { resource: ['record'], operation: [operation] };
	const toCanonical = operation === 'toCanonical';
	return [
		{
			displayName: 'System',
			name: 'system',
			type: 'options',
			noDataExpression: true,
			required: true,
			options: systemOptions,
			default: 'netSuite',
			description: toCanonical ? 'The system the record comes from' : 'The system whose record shape to produce',
			displayOptions: { show },
		},
		{
			displayName: 'Canonical Type Name or ID',
			name: 'canonicalType',
			type: 'options',
			noDataExpression: true,
			required: true,
			typeOptions: { loadOptionsMethod: toCanonical ? 'getReadableTypes' : 'getWritableTypes', loadOptionsDependsOn: ['system'] },
			default: '',
			description:
				'The canonical record type; only those the system maps are listed. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show },
		},
		{
			displayName: 'Record',
			name: 'record',
			type: 'json',
			default: '={{ $json }}',
			description: toCanonical
				? 'The system record to map, e.g. the item from a Get of the system node. By default the whole input item.'
				: 'The canonical record to map. By default the whole input item; an expression can take it from another node, e.g. {{ $(\'To Canonical\').item.json }}.',
			displayOptions: { show },
		},
		{
			displayName: 'Field Overrides',
			name: 'overrides',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			typeOptions: {
				loadOptionsDependsOn: ['system', 'canonicalType'],
				resourceMapper: {
					resourceMapperMethod: toCanonical ? 'getCanonicalFields' : 'getSystemFields',
					mode: 'map',
					valuesLabel: 'Overrides',
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: false,
					multiKeyMatch: false,
					supportAutoMap: false,
					noFieldsError: 'Pick a system and a canonical type first',
				},
			},
			description: `Set fields of the ${toCanonical ? 'canonical record' : 'system record'} after the mapping, from expressions. Dotted names reach nested fields; * means every element of a list.`,
			displayOptions: { show },
		},
		{
			displayName: 'Value Maps',
			name: 'valueMaps',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Value Map',
			default: {},
			description: `Translate fields of the output through value maps (${toCanonical ? 'system → canonical' : 'canonical → system'} values)`,
			displayOptions: { show },
			options: [
				{
					name: 'rules',
					displayName: 'Value Map',
					values: [
						{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: toCanonical ? 'lines.*.unitOfMeasure' : 'terms.id', description: 'Path of the field in the output' },
						{ displayName: 'Map Name', name: 'map', type: 'string', default: '', placeholder: 'unit-of-measure' },
					],
				},
			],
		},
		...unknownValueFields(show),
		{
			displayName: 'Fill IDs From Cross-Reference',
			name: 'enrich',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Cross-Reference Table',
			default: {},
			description: toCanonical
				? "After mapping, add the other systems' IDs of the record and of its references from cross-reference tables"
				: "Before mapping, add the other systems' IDs to the canonical record and its references, so references carry this system's IDs",
			displayOptions: { show },
			options: [
				{
					name: 'rules',
					displayName: 'Table',
					values: [
						{ displayName: 'Table', name: 'table', type: 'string', default: 'customers', description: 'Cross-reference table name' },
						{
							displayName: 'Objects',
							name: 'paths',
							type: 'string',
							default: '.',
							placeholder: '., customer, parent',
							description: 'Comma-separated paths of the objects to fill: "." is the record itself; e.g. customer, lines.*.item',
						},
					],
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Ignore Case in Value Maps',
					name: 'ignoreCase',
					type: 'boolean',
					default: false,
					description: 'Whether value maps match values ignoring upper/lower case and surrounding spaces',
				},
				{
					displayName: 'Put Result in Field',
					name: 'resultField',
					type: 'string',
					default: '',
					placeholder: 'canonical',
					description: `Keep the input item and put the ${toCanonical ? 'canonical' : 'system'} record in this field (dotted path). Empty: the output item is the record.`,
				},
			],
		},
	];
}

interface Rules<T> {
	rules?: T[];
}

/** Reads the parameters of item `itemIndex` and maps its record. */
export async function runMapping(ctx: IExecuteFunctions, itemIndex: number, item: INodeExecutionData, direction: MappingDirection): Promise<INodeExecutionData> {
	const system = ctx.getNodeParameter('system', itemIndex) as string;
	const type = ctx.getNodeParameter('canonicalType', itemIndex) as string;
	if (!type) throw new RecordMapperError('No canonical type is selected', 'validation', 'Pick the Canonical Type of the record.');
	const record = jsonParameter(ctx, 'record', itemIndex, 'Record');
	const options = ctx.getNodeParameter('options', itemIndex, {}) as { ignoreCase?: boolean; resultField?: string };
	const valueMaps = ((ctx.getNodeParameter('valueMaps', itemIndex, {}) as Rules<ValueMapRule>).rules ?? []).filter((rule) => rule.field || rule.map);
	const enrichRules = (ctx.getNodeParameter('enrich', itemIndex, {}) as Rules<{ table: string; paths: string }>).rules ?? [];
	const enrich: EnrichRule[] = [];
	for (const rule of enrichRules) {
		const paths = listParameter(rule.paths);
		enrich.push({ table: await xrefTable(ctx, itemIndex, rule.table), paths: paths.length ? paths : ['.'] });
	}
	const overrides = (ctx.getNodeParameter('overrides.value', itemIndex, {}) as IDataObject | null) ?? {};
	for (const rule of valueMaps) {
		if (!rule.map?.trim()) throw new RecordMapperError(`The value map for field "${rule.field}" has no map name`, 'validation', 'Fill in Map Name, or remove the row.');
	}
	const mapped = await mapRecord(record, {
		system,
		type,
		direction,
		overrides,
		valueMaps,
		policy: readPolicy(ctx, itemIndex),
		translator: valueMaps.length ? await translatorFor(ctx, itemIndex, options.ignoreCase === true) : undefined,
		enrich,
	});
	const resultField = options.resultField?.trim();
	let json: IDataObject;
	if (resultField) {
		json = structuredClone(item.json);
		setPath(json, resultField, mapped);
	} else {
		json = mapped as IDataObject;
	}
	return { json, ...(item.binary ? { binary: item.binary } : {}) };
}
