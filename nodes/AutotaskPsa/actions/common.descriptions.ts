import type { INodeProperties } from 'n8n-workflow';

import type { EntityDef } from './entities';

export const FILTER_OPERATORS = [
	{ name: 'Begins With', value: 'beginsWith' },
	{ name: 'Contains', value: 'contains' },
	{ name: 'Ends With', value: 'endsWith' },
	{ name: 'Equals', value: 'eq' },
	{ name: 'Exists (Not Empty)', value: 'exist' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gte' },
	{ name: 'In List', value: 'in' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lte' },
	{ name: 'Not Equal', value: 'noteq' },
	{ name: 'Not Exists (Empty)', value: 'notExist' },
	{ name: 'Not In List', value: 'notIn' },
];

/** The record picker of get / update / delete: from a searchable list, by ID, or by an Autotask URL. */
export function recordLocator(def: EntityDef): INodeProperties {
	return {
		displayName: `${def.displayName}`,
		name: 'recordId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${def.noun} to use`,
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
				placeholder: 'e.g. 29684512',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'Must be a numeric Autotask ID' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://ww3.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=123',
				extractValue: { type: 'regex', regex: '[?&][A-Za-z]*ID=(\\d+)' },
				validation: [
					{ type: 'regex', properties: { regex: '.*[?&][A-Za-z]*ID=\\d+.*', errorMessage: 'Not an Autotask record URL' } },
				],
			},
		],
	};
}

export function parentIdProperty(def: EntityDef, required: boolean): INodeProperties[] {
	if (!def.parent) return [];
	return [
		{
			displayName: def.parent.displayName,
			name: 'parentId',
			type: 'number',
			default: 0,
			required,
			description: `The ${def.parent.entity.replace(/ies$/, 'y').replace(/s$/, '').toLowerCase()} the ${def.noun} belongs to (Autotask writes ${def.plural} through it)`,
		},
	];
}

export const parallelOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10 },
	default: 1,
	description:
		'How many input items to process at once. Autotask allows 3 requests in flight per endpoint and integration; the node never sends more, whatever this says.',
};

export const picklistLabelsOption: INodeProperties = {
	displayName: 'Add Picklist Labels',
	name: 'picklistLabels',
	type: 'boolean',
	default: false,
	description: 'Whether to add a field named like the picklist field plus "_label" (e.g. status_label) with the label Autotask shows for its value',
};

export function outputOption(canonicalType: string): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'raw',
		options: [
			{ name: 'Autotask Record', value: 'raw', description: 'The record as Autotask returns it' },
			{ name: `Canonical ${canonicalType}`, value: 'canonical', description: `The pack's canonical ${canonicalType}` },
		],
	};
}

export function inputModeProperty(def: EntityDef): INodeProperties {
	return {
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Pick fields and type values (picklist labels are accepted)' },
			{ name: 'JSON', value: 'json', description: 'The Autotask record as JSON' },
			...(def.canonical
				? [{ name: `Canonical ${def.canonical.type}`, value: 'canonical', description: `A canonical ${def.canonical.type} record` }]
				: []),
		],
	};
}

export function inputProperties(def: EntityDef): INodeProperties[] {
	return [
		inputModeProperty(def),
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { inputMode: ['fields'] } },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Name or ID',
							name: 'name',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getWritableFields' },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'For picklist fields, the label (e.g. "Complete") or the value; empty clears the field',
						},
					],
				},
			],
		},
		{
			displayName: 'JSON',
			name: 'json',
			type: 'json',
			default: '{}',
			displayOptions: { show: { inputMode: ['json'] } },
			description: 'Field names as Autotask spells them, e.g. {"title": "Printer offline", "status": 1}',
		},
		{
			displayName: 'Canonical Record',
			name: 'canonicalRecord',
			type: 'json',
			default: '={{ $json }}',
			displayOptions: { show: { inputMode: ['canonical'] } },
			description: `A canonical ${def.canonical?.type ?? 'record'}; by default the input item itself`,
		},
	];
}

export function filterProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Condition',
			default: {},
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'field',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getQueryableFields' },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{ displayName: 'Operator', name: 'op', type: 'options', options: FILTER_OPERATORS, default: 'eq' },
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Picklist labels are accepted; for In List, separate values with commas',
						},
						{
							displayName: 'User-Defined Field',
							name: 'udf',
							type: 'boolean',
							default: false,
							description: 'Whether the field is a user-defined field (type its name as an expression)',
						},
					],
				},
			],
		},
		{
			displayName: 'Match',
			name: 'match',
			type: 'options',
			default: 'all',
			options: [
				{ name: 'All Conditions (AND)', value: 'all' },
				{ name: 'Any Condition (OR)', value: 'any' },
			],
		},
	];
}

const OPERATION_TEXT: Record<string, { name: string; description: (d: EntityDef) => string; action: (d: EntityDef) => string }> = {
	create: { name: 'Create', description: (d) => `Create a ${d.noun}`, action: (d) => `Create a ${d.noun}` },
	delete: { name: 'Delete', description: (d) => `Delete a ${d.noun}`, action: (d) => `Delete a ${d.noun}` },
	get: { name: 'Get', description: (d) => `Get a ${d.noun} by ID`, action: (d) => `Get a ${d.noun}` },
	getAll: { name: 'Get Many', description: (d) => `Query ${d.plural} with a filter`, action: (d) => `Get many ${d.plural}` },
	update: { name: 'Update', description: (d) => `Update fields of a ${d.noun}`, action: (d) => `Update a ${d.noun}` },
};

/** The Operation selector of a resource, listing only what Autotask allows on that entity. */
export function operationSelector(def: EntityDef): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [def.resource] } },
		options: [...def.operations]
			.sort((a, b) => OPERATION_TEXT[a].name.localeCompare(OPERATION_TEXT[b].name))
			.map((op) => ({ name: OPERATION_TEXT[op].name, value: op, description: OPERATION_TEXT[op].description(def), action: OPERATION_TEXT[op].action(def) })),
		default: 'get',
	};
}
