import type { IDataObject } from 'n8n-workflow';

/**
 * The GraphQL documents of the node: one selection per record type, and builders that declare
 * exactly the variables a call uses (a declared but unused variable is a validation error).
 */
const ADDRESS = 'first_name last_name company address1 address2 city state state_code zip country country_code email phone';

export const FIELDS = {
	product:
		'id legacy_id account_id name sku barcode country_of_manufacture tariff_code customs_value kit active created_at updated_at dimensions { weight height width length } warehouse_products { id warehouse_id warehouse_identifier price value on_hand allocated available inventory_bin }',
	warehouseProduct:
		'id legacy_id account_id sku warehouse_id warehouse_identifier price value on_hand allocated available backorder reserve_inventory inventory_bin active created_at updated_at',
	order: `id legacy_id order_number partner_order_id shop_name fulfillment_status order_date required_ship_date currency email subtotal total_tax total_discounts total_price packing_note tags created_at updated_at shipping_lines { title carrier method price } shipping_address { ${ADDRESS} } billing_address { ${ADDRESS} } holds { fraud_hold address_hold shipping_method_hold operator_hold payment_hold client_hold } line_items(first: 20) { edges { node { id sku partner_line_item_id product_id quantity price product_name fulfillment_status quantity_allocated quantity_pending_fulfillment quantity_shipped backorder_quantity } } }`,
	shipment:
		'id legacy_id order_id warehouse_id created_date shipped_off_shiphero dropshipment address { name address1 address2 city state country zip phone } shipping_labels { id tracking_number carrier shipping_name shipping_method cost status } line_items(first: 50) { edges { node { id line_item_id quantity line_item { sku product_name } } } }',
	purchaseOrder:
		'id legacy_id po_number account_id warehouse_id vendor_id created_at po_date date_closed fulfillment_status po_note description subtotal shipping_price total_price tracking_number vendor { id name } line_items(first: 50) { edges { node { id sku vendor_sku product_name quantity quantity_received quantity_rejected price fulfillment_status expected_weight_in_lbs } } }',
};

export type RecordKind = keyof typeof FIELDS;

/** One filter argument of a root query: its GraphQL type and value (undefined/'' = not sent). */
export type Filters = Record<string, { type: string; value: unknown }>;

function used(filters: Filters): Array<[string, { type: string; value: unknown }]> {
	return Object.entries(filters).filter(([, f]) => f.value !== undefined && f.value !== null && f.value !== '');
}

/** `query ($first: Int!, $after: String, ...filters) { <root>(filters) { request_id complexity data(first, after) { ... } } }`. */
export function listQuery(root: string, filters: Filters, fields: string): { query: string; variables: IDataObject } {
	const active = used(filters);
	const declarations = ['$first: Int!', '$after: String', ...active.map(([name, f]) => `$${name}: ${f.type}`)].join(', ');
	const args = active.map(([name]) => `${name}: $${name}`).join(', ');
	return {
		query: `query ShipHero_${root}(${declarations}) { ${root}${args ? `(${args})` : ''} { request_id complexity data(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } } }`,
		variables: Object.fromEntries(active.map(([name, f]) => [name, f.value])) as IDataObject,
	};
}

/** A root query that returns one record: `<root>(args) { request_id complexity data { ... } }`. */
export function getQuery(root: string, filters: Filters, fields: string): { query: string; variables: IDataObject } {
	const active = used(filters);
	const declarations = active.map(([name, f]) => `$${name}: ${f.type}`).join(', ');
	const args = active.map(([name]) => `${name}: $${name}`).join(', ');
	return {
		query: `query ShipHero_${root}${declarations ? `(${declarations})` : ''} { ${root}${args ? `(${args})` : ''} { request_id complexity data { ${fields} } } }`,
		variables: Object.fromEntries(active.map(([name, f]) => [name, f.value])) as IDataObject,
	};
}

/** `mutation ($data: <Input>!) { <root>(data: $data) { request_id complexity <result> { ... } } }`. */
export function mutation(root: string, input: string, result?: { key: string; fields: string }): string {
	const selection = result ? ` ${result.key} { ${result.fields} }` : '';
	return `mutation ShipHero_${root}($data: ${input}!) { ${root}(data: $data) { request_id complexity${selection} } }`;
}

/** The cost preview of a list: `analyze: true` returns the complexity without running it. */
export function analyzeQuery(root: string, filters: Filters, fields: string): { query: string; variables: IDataObject } {
	const { query, variables } = listQuery(root, filters, fields);
	const analyzed = query.replace(new RegExp(`\\{ ${root}(?:\\(([^)]*)\\))? \\{`), (_match, args: string | undefined) => `{ ${root}(${args ? `${args}, ` : ''}analyze: true) {`);
	return { query: analyzed, variables };
}
