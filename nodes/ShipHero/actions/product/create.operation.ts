import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Item } from '../../../common/canonical';
import { errorClassOf } from '../../../common/errors';
import { toShipHeroProduct } from '../../mapping';
import { shipHeroGraphql } from '../../transport';
import { warehouseProperty } from '../common.descriptions';
import { accountFilter, canonicalInput, canonicalJsonProperty, canonicalModeProperty, runMutation, stamp } from '../operations';
import { FIELDS, getQuery } from '../queries';

const fields = { show: { inputMode: ['fields'] } };

const properties: INodeProperties[] = [
	canonicalModeProperty('Item'),
	canonicalJsonProperty('Item'),
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '', required: true, displayOptions: fields },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, displayOptions: fields },
	{ ...warehouseProperty('warehouseId', false), description: 'Where the product is stocked first. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Empty uses the account’s first warehouse.' },
	{
		displayName: 'If SKU Exists',
		name: 'ifExists',
		type: 'options',
		default: 'returnExisting',
		description: 'SKUs are unique in ShipHero; returning the existing product makes a repeated run safe',
		options: [
			{ name: 'Fail', value: 'error' },
			{ name: 'Return Existing', value: 'returnExisting' },
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: fields,
		options: [
			{ displayName: 'Barcode', name: 'barcode', type: 'string', default: '' },
			{ displayName: 'Cost (Value)', name: 'value', type: 'string', default: '', description: 'Unit cost as a decimal string' },
			{ displayName: 'Country of Manufacture', name: 'country_of_manufacture', type: 'string', default: '', placeholder: 'e.g. US' },
			{ displayName: 'Customs Value', name: 'customs_value', type: 'string', default: '' },
			{ displayName: 'Initial On Hand', name: 'onHand', type: 'number', default: 0 },
			{ displayName: 'Price', name: 'price', type: 'string', default: '', description: 'Unit price as a decimal string' },
			{ displayName: 'Tariff Code', name: 'tariff_code', type: 'string', default: '' },
			{ displayName: 'Weight', name: 'weight', type: 'string', default: '', description: 'Weight in the account’s unit (lb by default)' },
		],
	},
];

export const description = stamp('product', 'create', properties);

async function existing(ctx: IExecuteFunctions, sku: string, itemIndex: number): Promise<IDataObject | undefined> {
	const { query, variables } = getQuery('product', { sku: { type: 'String', value: sku }, ...(await accountFilter(ctx)) }, FIELDS.product);
	let failure: unknown;
	try {
		const data = await shipHeroGraphql<IDataObject>(ctx, { query, variables, itemIndex });
		return ((data.product ?? {}) as IDataObject).data as IDataObject | undefined;
	} catch (error) {
		failure = error;
	}
	if (errorClassOf(failure) === 'not_found') return undefined;
	throw failure;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	let data: IDataObject;
	if (this.getNodeParameter('inputMode', itemIndex) === 'canonical') {
		data = toShipHeroProduct(canonicalInput<Item>(this, 'Item', itemIndex));
	} else {
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const { onHand, weight, ...rest } = extra;
		data = {
			sku: String(this.getNodeParameter('sku', itemIndex)).trim(),
			name: this.getNodeParameter('name', itemIndex) as string,
			...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '')),
			...(weight ? { dimensions: { weight: String(weight) } } : {}),
		};
		const warehouseId = this.getNodeParameter('warehouseId', itemIndex, '') as string;
		if (warehouseId || onHand) data.warehouse_products = [{ ...(warehouseId ? { warehouse_id: warehouseId } : {}), on_hand: Number(onHand ?? 0) }];
	}
	if (this.getNodeParameter('ifExists', itemIndex, 'returnExisting') === 'returnExisting') {
		const found = await existing(this, String(data.sku), itemIndex);
		if (found) return found;
	}
	return await runMutation(this, itemIndex, { root: 'product_create', input: 'CreateProductInput', key: 'product', kind: 'product', data });
}
