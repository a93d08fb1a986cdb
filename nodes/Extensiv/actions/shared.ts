import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../common/descriptions';
import type { ItemResult } from '../../common/execution';

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

export const stamp = (resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] =>
	updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);

/** A record picked by ID or by pasting its link (…/orders/123). */
export function idLocator(name: string, displayName: string, noun: string, path: string, searchListMethod?: string): INodeProperties {
	return recordLocator({
		name,
		displayName,
		noun,
		searchListMethod,
		idPlaceholder: 'e.g. 1042',
		idPattern: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Not a valid ID (digits only)' },
		urlPlaceholder: `e.g. https://secure-wms.com/${path}/1042`,
		urlExtract: `/${path}/(\\d+)`,
		urlPattern: { regex: `^https?://.*/${path}/\\d+.*$`, errorMessage: `Not a link to a ${noun}` },
	});
}

export function idParameter(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const raw = ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as unknown;
	const id = Number(String(raw ?? '').trim());
	if (!Number.isInteger(id) || id <= 0) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a positive whole number, got "${String(raw)}"`, { itemIndex });
	}
	return id;
}

export const customerIdProperty: INodeProperties = {
	displayName: 'Customer Name or ID',
	name: 'customerId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCustomers' },
	default: '',
	required: true,
	description:
		'The 3PL’s customer (the goods owner). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const facilityIdProperty: INodeProperties = {
	displayName: 'Facility ID',
	name: 'facilityId',
	type: 'number',
	default: 0,
	required: true,
	description: 'The ID of the warehouse (facility)',
};

export function positiveNumber(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const value = Number(ctx.getNodeParameter(name, itemIndex, 0));
	if (!Number.isInteger(value) || value <= 0) {
		throw new NodeOperationError(ctx.getNode(), `${label} is required (a positive whole number)`, { itemIndex });
	}
	return value;
}

export function outputOption(types: Array<{ value: string; name: string }>): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'raw',
		options: [
			{ name: 'Extensiv Record', value: 'raw', description: 'The record as Extensiv returns it' },
			...types.map((t) => ({ name: t.name, value: t.value, description: 'The pack’s system-neutral shape, for mapping to other systems' })),
		],
	};
}

export const rqlOption: INodeProperties = {
	displayName: 'RQL Filter',
	name: 'rql',
	type: 'string',
	default: '',
	placeholder: 'e.g. readOnly.status==0;referenceNum==PO-1*',
	description:
		'Extensiv’s RQL filter: ; is AND, , is OR, operators == != =gt= =ge= =lt= =le= =in= =out=, * as a wildcard in values',
};

export const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000 },
	default: 1000,
	description: 'Records per request (pgsiz, at most 1000); smaller pages keep each response small on slow links',
};

export const sortOption: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'string',
	default: '',
	placeholder: 'e.g. -readOnly.lastModifiedDate',
	description: 'Field to sort by; a leading - sorts descending',
};

export const lineItemsProperty = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Line',
	options: [
		{
			name: 'line',
			displayName: 'Line',
			values: [
				{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'The customer’s SKU' },
				{ displayName: 'Quantity', name: 'qty', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
			],
		},
	],
});

export function linesFrom(ctx: IExecuteFunctions, name: string, itemIndex: number): IDataObject[] {
	const value = ctx.getNodeParameter(name, itemIndex, {}) as { line?: Array<{ sku: string; qty: number }> };
	return (value.line ?? [])
		.filter((l) => String(l.sku ?? '').trim() !== '')
		.map((l) => ({ itemIdentifier: { sku: String(l.sku).trim() }, qty: Number(l.qty) }));
}

export function parseJson(node: INode, value: unknown, label: string, itemIndex: number): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	try {
		const parsed = JSON.parse(String(value)) as unknown;
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
		return parsed as IDataObject;
	} catch (error) {
		throw new NodeOperationError(node, `${label} is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
}

/** Quotes an RQL value when it holds characters that RQL reads as syntax. */
export function rqlValue(value: string | number): string {
	const text = String(value);
	return /^[\w.\-@]+$/.test(text) ? text : `"${text.replace(/"/g, '\\"')}"`;
}

export const andRql = (...terms: Array<string | undefined>): string | undefined =>
	terms.filter((t): t is string => typeof t === 'string' && t.trim() !== '').join(';') || undefined;

/** The ETag of a response, as `If-Match` wants it back. */
export const etagOf = (headers: Record<string, string>): string | undefined => headers.etag || undefined;
