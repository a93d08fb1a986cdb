import type { INodeProperties } from 'n8n-workflow';

export const GUID_PATTERN = '^\\s*\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?\\s*$';

/** A record picked from a searchable list or by its GUID. */
export function guidLocator(options: {
	name: string;
	displayName: string;
	noun: string;
	searchListMethod?: string;
	description?: string;
}): INodeProperties {
	const { name, displayName, noun, searchListMethod } = options;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: searchListMethod ? 'list' : 'id', value: '' },
		required: true,
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
				placeholder: 'e.g. f2a5738a-44e3-ea11-bb43-000d3a2feca1',
				validation: [{ type: 'regex', properties: { regex: GUID_PATTERN, errorMessage: `Not a valid ${noun} ID (a GUID)` } }],
			},
		],
	};
}

export const companyLocator: INodeProperties = guidLocator({
	name: 'companyId',
	displayName: 'Company',
	noun: 'company',
	searchListMethod: 'searchCompanies',
	description: 'The Business Central company to work in',
});

export function outputOption(canonicalTypes: string[]): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'raw',
		options: [
			{ name: 'Business Central Record', value: 'raw', description: 'The entity as the API returns it' },
			...canonicalTypes.map((type) => ({
				name: `Canonical ${type}`,
				value: canonicalTypes.length === 1 ? 'canonical' : `canonical:${type}`,
				description: `The pack’s system-neutral ${type} shape, for mapping to other systems`,
			})),
		],
	};
}

export const selectOption: INodeProperties = {
	displayName: 'Select',
	name: 'select',
	type: 'string',
	default: '',
	placeholder: 'e.g. number,displayName,lastModifiedDateTime',
	description: 'Comma-separated properties to return (OData $select); empty returns all',
};

export const filterOption: INodeProperties = {
	displayName: 'Filter',
	name: 'filter',
	type: 'string',
	default: '',
	placeholder: "e.g. lastModifiedDateTime gt 2025-01-01T00:00:00Z and city eq 'Seattle'",
	description:
		'OData $filter: eq ne gt ge lt le, and/or/not, contains(), startswith(); strings in single quotes, dates and GUIDs unquoted',
};

export const orderByOption: INodeProperties = {
	displayName: 'Order By',
	name: 'orderBy',
	type: 'string',
	default: '',
	placeholder: 'e.g. number desc',
	description: 'OData $orderby',
};

export const etagOption: INodeProperties = {
	displayName: 'ETag',
	name: 'etag',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json["@odata.etag"] }}',
	description:
		'The @odata.etag of the version you read. The write fails with "changed since read" when the record has changed since. Empty reads the current version first.',
};
