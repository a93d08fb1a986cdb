import type { INodeProperties } from 'n8n-workflow';

/** How a record is picked: from a searchable list, by ID, or by pasting its ConnectWise link. */
export function recordLocator(options: {
	name: string;
	displayName: string;
	noun: string;
	searchListMethod?: string;
	required?: boolean;
	description?: string;
}): INodeProperties {
	const { name, displayName, noun, searchListMethod, required = true } = options;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: searchListMethod ? 'list' : 'id', value: '' },
		required,
		description: options.description ?? `The ${noun} to use`,
		modes: [
			...(searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: `Select a ${noun}...`,
							typeOptions: { searchListMethod, searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 250',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Not a valid ID (digits only)' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://na.myconnectwise.net/v4_6_release/services/system_io/router/openrecord.rails?recid=250',
				extractValue: { type: 'regex', regex: '(?:[?&]recid=|/)(\\d+)(?:[/?#&]|$)' },
				validation: [
					{
						type: 'regex',
						properties: { regex: '^https?://.*\\d+.*$', errorMessage: 'Not a ConnectWise link with a record ID' },
					},
				],
			},
		],
	};
}

export const companyLocator = (name = 'companyId', displayName = 'Company'): INodeProperties =>
	recordLocator({ name, displayName, noun: 'company', searchListMethod: 'searchCompanies' });

export const agreementLocator = (name = 'agreementId', displayName = 'Agreement'): INodeProperties =>
	recordLocator({ name, displayName, noun: 'agreement', searchListMethod: 'searchAgreements' });

/** Output of operations that return records of a canonical type. */
export function outputOption(canonicalType: string): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'raw',
		options: [
			{
				name: `Canonical ${canonicalType}`,
				value: 'canonical',
				description: `The pack’s system-neutral ${canonicalType} shape, for mapping to other systems`,
			},
			{ name: 'ConnectWise Record', value: 'raw', description: 'The record as ConnectWise returns it' },
		],
	};
}

export const fieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'string',
	default: '',
	placeholder: 'e.g. id,name,status/name',
	description: 'Comma-separated fields to return (ConnectWise "fields" parameter); empty returns all fields',
};

/** The Options collection of Get Many: ConnectWise's native filters, order, fields and paging. */
export function getManyOptions(canonicalType?: string): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Child Conditions',
			name: 'childConditions',
			type: 'string',
			default: '',
			placeholder: 'e.g. communicationItems/value like "%@example.com"',
			description: 'Filter on child lists, in ConnectWise condition syntax',
		},
		{
			displayName: 'Conditions',
			name: 'conditions',
			type: 'string',
			default: '',
			placeholder: 'e.g. status/name="New" and lastUpdated > [2024-01-01T00:00:00Z]',
			description:
				'ConnectWise condition syntax: strings in double quotes, dates in [brackets], operators = != &lt; &lt;= &gt; &gt;= contains like in not, joined with and / or',
		},
		{
			displayName: 'Custom Field Conditions',
			name: 'customFieldConditions',
			type: 'string',
			default: '',
			placeholder: 'e.g. caption="Region" and value="West"',
			description: 'Filter on custom field values, in ConnectWise condition syntax',
		},
		fieldsOption,
		{
			displayName: 'Order By',
			name: 'orderBy',
			type: 'string',
			default: '',
			placeholder: 'e.g. lastUpdated desc',
			description:
				'Sort order. Empty reads in ID order with forward-only paging, which neither skips nor repeats records while others write.',
		},
		...(canonicalType ? [outputOption(canonicalType)] : []),
		{
			displayName: 'Parallel Pages',
			name: 'parallelPages',
			type: 'boolean',
			default: false,
			displayOptions: { show: { '/returnAll': [true] } },
			description:
				'Whether to read the count first and fetch numbered pages concurrently (within the credential’s concurrency limit), in ID order unless Order By is set. Faster for large reads; records written during the read may be missed or repeated.',
		},
	];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

export const notIdempotentNotice = (noun: string): INodeProperties => ({
	displayName: `ConnectWise has no idempotency keys: running this again (e.g. retrying a failed execution) creates another ${noun}. Look the record up first when a run may be repeated.`,
	name: 'notIdempotentNotice',
	type: 'notice',
	default: '',
});
