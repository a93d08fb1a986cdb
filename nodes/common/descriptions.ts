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
