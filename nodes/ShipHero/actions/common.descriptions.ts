import type { INodeProperties } from 'n8n-workflow';

import type { FilterSpec } from './operations';

/** An order picked from a searchable list, by ID (UUID or legacy number) or by its ShipHero app link. */
export const orderLocator = (name = 'orderId', displayName = 'Order'): INodeProperties => ({
	displayName,
	name,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The ShipHero order',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an order...',
			typeOptions: { searchListMethod: 'searchOrders', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. T3JkZXI6MjAwMDAw or 200000',
			validation: [{ type: 'regex', properties: { regex: '^\\s*[A-Za-z0-9=+/]+\\s*$', errorMessage: 'Not a ShipHero ID (UUID or legacy number)' } }],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://app.shiphero.com/dashboard/orders/details/200000',
			extractValue: { type: 'regex', regex: 'orders/details/(\\d+)' },
			validation: [{ type: 'regex', properties: { regex: '^https?://.*orders/details/\\d+.*$', errorMessage: 'Not a ShipHero order link' } }],
		},
	],
});

export const warehouseProperty = (name = 'warehouseId', required = true): INodeProperties => ({
	displayName: 'Warehouse Name or ID',
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWarehouses' },
	default: '',
	required,
	description: 'The warehouse. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
});

export const skuProperty = (description = 'The product’s SKU'): INodeProperties => ({
	displayName: 'SKU',
	name: 'sku',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. SKU-1000',
	description,
});

export const dateFilter = (arg: string, displayName: string, description: string): FilterSpec => ({
	arg,
	type: 'ISODateTime',
	property: { displayName, name: arg, type: 'dateTime', default: '', description },
});

export const stringFilter = (arg: string, displayName: string, description: string, placeholder?: string): FilterSpec => ({
	arg,
	type: 'String',
	property: { displayName, name: arg, type: 'string', default: '', description, ...(placeholder ? { placeholder } : {}) },
});

/** Order lines as the editor collects them. */
export const lineItemsProperty: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Line Item',
	options: [
		{
			name: 'lines',
			displayName: 'Line',
			values: [
				{
					displayName: 'Partner Line Item ID',
					name: 'partnerLineItemId',
					type: 'string',
					default: '',
					description: 'Your ID of the line;	ShipHero refuses a second line with the same one, which makes retries safe. Empty uses the SKU.',
				},
				{
					displayName: 'Price',
					name: 'price',
					type: 'string',
					default: '0.00',
					description: 'Unit price as a decimal string',
				},
				{
					displayName: 'Product Name',
					name: 'productName',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					default: 1
				},
				{
					displayName: 'SKU',
					name: 'sku',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

export interface LineInput {
	sku: string;
	quantity: number;
	price: string;
	partnerLineItemId?: string;
	productName?: string;
}

/** ShipHero's CreateLineItemInput for the editor's lines. */
export function lineItemsInput(lines: LineInput[], prefix: string) {
	return lines.map((line) => ({
		sku: line.sku,
		quantity: Number(line.quantity),
		price: String(line.price || '0'),
		partner_line_item_id: line.partnerLineItemId || `${prefix}${line.sku}`,
		...(line.productName ? { product_name: line.productName } : {}),
	}));
}
