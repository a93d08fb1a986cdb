import type { INodeProperties } from 'n8n-workflow';

/** The standard Return All / Limit pair of every list operation. */
export function returnAllOrLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** A list of name/value pairs (query parameters, headers) for a Custom API Call. */
export function nameValueList(name: string, displayName: string, namePlaceholder: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Parameter',
		options: [
			{
				name: 'parameters',
				displayName: 'Parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: namePlaceholder },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** The pairs of a `nameValueList` parameter as an object; rows without a name are skipped. */
export function nameValuePairs(value: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	for (const { name, value: v } of (value as { parameters?: Array<{ name: string; value: string }> } | undefined)?.parameters ?? []) {
		if (name) out[name] = v;
	}
	return out;
}

export interface RecordLocatorOptions {
	name: string;
	displayName: string;
	/** What the record is, in the description and placeholders ("customer"). */
	noun: string;
	/** A listSearch method: adds a "From List" mode (the default). */
	searchListMethod?: string;
	idPlaceholder: string;
	/** A regex the id must match, with its message. */
	idPattern?: { regex: string; errorMessage: string };
	urlPlaceholder: string;
	/** Captures the id from a pasted link. */
	urlExtract: string;
	/** A pasted link must match this. */
	urlPattern: { regex: string; errorMessage: string };
}

/** A record picked from a list (when searchable), by id, or by pasting its link in the vendor's app. */
export function recordLocator(o: RecordLocatorOptions): INodeProperties {
	return {
		displayName: o.displayName,
		name: o.name,
		type: 'resourceLocator',
		default: { mode: o.searchListMethod ? 'list' : 'id', value: '' },
		required: true,
		description: `The ${o.noun} to use`,
		modes: [
			...(o.searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: `Select a ${o.noun}...`,
							typeOptions: { searchListMethod: o.searchListMethod, searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: o.idPlaceholder,
				...(o.idPattern ? { validation: [{ type: 'regex' as const, properties: o.idPattern }] } : {}),
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: o.urlPlaceholder,
				extractValue: { type: 'regex', regex: o.urlExtract },
				validation: [{ type: 'regex', properties: o.urlPattern }],
			},
		],
	};
}
