import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const DASHBOARD = 'https://dashboard.stripe.com';

/**
 * A record picker: from a searchable list, by ID, or by the record's Stripe Dashboard URL
 * (test or live mode).
 */
export function locator(options: {
	name: string;
	displayName: string;
	/** Id prefix, e.g. "cus". */
	prefix: string;
	/** Dashboard path segment, e.g. "customers". */
	dashboardPath?: string;
	searchMethod?: string;
	required?: boolean;
	description?: string;
}): INodeProperties {
	const { name, displayName, prefix, dashboardPath, searchMethod, required = true, description } = options;
	const idPattern = `${prefix}_[A-Za-z0-9]+`;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: searchMethod ? 'list' : 'id', value: '' },
		required,
		description,
		modes: [
			...(searchMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							typeOptions: { searchListMethod: searchMethod, searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string' as const,
				placeholder: `e.g. ${prefix}_1Pgc6tB7WZ01zgkW`,
				validation: [{ type: 'regex' as const, properties: { regex: `^${idPattern}$`, errorMessage: `Not a valid ID (${prefix}_…)` } }],
			},
			...(dashboardPath
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: `e.g. ${DASHBOARD}/test/${dashboardPath}/${prefix}_1Pgc6tB7WZ01zgkW`,
							extractValue: { type: 'regex' as const, regex: `/${dashboardPath}/(${idPattern})` },
							validation: [
								{ type: 'regex' as const, properties: { regex: `.*/${dashboardPath}/${idPattern}.*`, errorMessage: 'Not a Stripe Dashboard URL of this record type' } },
							],
						},
					]
				: []),
		],
	};
}

export const customerLocator = (name = 'customerId', displayName = 'Customer') =>
	locator({ name, displayName, prefix: 'cus', dashboardPath: 'customers', searchMethod: 'searchCustomers' });
export const productLocator = (name = 'productId', displayName = 'Product') =>
	locator({ name, displayName, prefix: 'prod', dashboardPath: 'products', searchMethod: 'searchProducts' });
export const priceLocator = (name = 'priceId', displayName = 'Price') =>
	locator({ name, displayName, prefix: 'price', dashboardPath: 'prices', searchMethod: 'searchPrices' });
export const subscriptionLocator = (name = 'subscriptionId', displayName = 'Subscription') =>
	locator({ name, displayName, prefix: 'sub', dashboardPath: 'subscriptions', searchMethod: 'searchSubscriptions' });
export const invoiceLocator = (name = 'invoiceId', displayName = 'Invoice') =>
	locator({ name, displayName, prefix: 'in', dashboardPath: 'invoices', searchMethod: 'searchInvoices' });
export const meterLocator = (name = 'meterId', displayName = 'Meter') =>
	locator({ name, displayName, prefix: 'mtr', dashboardPath: 'meters', searchMethod: 'searchMeters' });

/** `metadata[key]=value` pairs; Stripe allows 50 keys of up to 40 characters. */
export const metadataProperty: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Metadata',
	default: {},
	description: 'Key-value pairs stored on the object (an empty value removes the key on update)',
	options: [
		{
			name: 'entries',
			displayName: 'Entry',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const additionalParametersProperty: INodeProperties = {
	displayName: 'Additional Parameters (JSON)',
	name: 'additionalParameters',
	type: 'json',
	default: '{}',
	description:
		'More Stripe parameters as a JSON object; nested objects and arrays are form-encoded the Stripe way (e.g. {"payment_settings": {"payment_method_types": ["card"]}})',
};

export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			description:
				'Stripe replays the first result for 24 hours for the same key. Empty: a key derived from the workflow, node, operation and input item, so re-running with the same input never writes twice.',
		},
		{
			displayName: 'Expand',
			name: 'expand',
			type: 'string',
			default: '',
			placeholder: 'e.g. customer, latest_invoice',
			description: 'Comma-separated fields to expand into objects (expand[])',
		},
	],
};

export const expandOption: INodeProperties = {
	displayName: 'Expand',
	name: 'expand',
	type: 'string',
	default: '',
	placeholder: 'e.g. customer',
	description: 'Comma-separated fields to expand into objects (expand[])',
};

export function outputOption(canonicalType: string): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'raw',
		options: [
			{ name: 'Raw Stripe Object', value: 'raw' },
			{ name: `Canonical ${canonicalType}`, value: 'canonical', description: `The pack's canonical ${canonicalType} model` },
		],
	};
}

export function inputModeProperty(canonicalType: string): INodeProperties {
	return {
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Fields Below', value: 'fields' },
			{
				name: `Canonical ${canonicalType} (Input Item)`,
				value: 'canonical',
				description: `The input item is a canonical ${canonicalType} record (e.g. from the Record Mapper or another system's node)`,
			},
		],
	};
}

export const createdAfterFilter: INodeProperties = {
	displayName: 'Created After',
	name: 'createdAfter',
	type: 'dateTime',
	default: '',
	description: 'Only objects created at or after this time (created[gte])',
};

export const createdBeforeFilter: INodeProperties = {
	displayName: 'Created Before',
	name: 'createdBefore',
	type: 'dateTime',
	default: '',
	description: 'Only objects created before this time (created[lt])',
};

export const currencyProperty = (): INodeProperties => ({
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: 'usd',
	required: true,
	placeholder: 'e.g. usd',
	description: 'Three-letter ISO code, lower case (usd, eur, jpy, kwd)',
});

export const amountDescription =
	'In major units as a decimal (12.50 USD, 5000 JPY, 1.250 KWD); converted exactly to Stripe’s minor units for the currency';

export function opt(name: string, value: string, description?: string): INodePropertyOptions {
	const option: INodePropertyOptions = { name, value };
	if (description) option.description = description;
	return option;
}
