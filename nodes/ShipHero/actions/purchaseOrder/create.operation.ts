import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addDecimals, multiplyDecimals, toDecimal } from '../../../common/canonical';
import type { PurchaseOrder } from '../../../common/canonical';
import { toShipHeroPurchaseOrder } from '../../mapping';
import { warehouseProperty } from '../common.descriptions';
import { canonicalInput, canonicalJsonProperty, canonicalModeProperty, requiredString, runMutation, stamp } from '../operations';

const fields = { show: { inputMode: ['fields'] } };

const properties: INodeProperties[] = [
	canonicalModeProperty('PurchaseOrder'),
	canonicalJsonProperty('PurchaseOrder'),
	{ displayName: 'PO Number', name: 'poNumber', type: 'string', default: '', required: true, displayOptions: fields, description: 'Unique in ShipHero, so a repeated create fails instead of duplicating the PO' },
	warehouseProperty(),
	{ displayName: 'Vendor ID', name: 'vendorId', type: 'string', default: '', displayOptions: fields },
	{
		displayName: 'Line Items',
		name: 'lineItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Line Item',
		displayOptions: fields,
		options: [
			{
				name: 'lines',
				displayName: 'Line',
				values: [
					{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1 },
					{ displayName: 'Unit Cost', name: 'price', type: 'string', default: '0.00' },
					{ displayName: 'Vendor SKU', name: 'vendorSku', type: 'string', default: '' },
				],
			},
		],
	},
	{ displayName: 'Note', name: 'note', type: 'string', default: '', displayOptions: fields },
];

export const description = stamp('purchaseOrder', 'create', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const warehouseId = requiredString(this, warehouseProperty(), itemIndex);
	let data: IDataObject;
	if (this.getNodeParameter('inputMode', itemIndex) === 'canonical') {
		data = toShipHeroPurchaseOrder(canonicalInput<PurchaseOrder>(this, 'PurchaseOrder', itemIndex), warehouseId);
	} else {
		const lines = ((this.getNodeParameter('lineItems', itemIndex, {}) as { lines?: IDataObject[] }).lines ?? []).filter((l) => l.sku);
		const lineInputs = lines.map((l) => ({
			sku: String(l.sku),
			quantity: Number(l.quantity),
			price: toDecimal(l.price) ?? '0',
			expected_weight_in_lbs: '0',
			...(l.vendorSku ? { vendor_sku: String(l.vendorSku) } : {}),
		}));
		// Money stays decimal: the subtotal is summed exactly from quantity × unit cost.
		const subtotal = addDecimals('0', ...lineInputs.map((l) => multiplyDecimals(l.price, l.quantity)));
		const vendorId = this.getNodeParameter('vendorId', itemIndex, '') as string;
		const note = this.getNodeParameter('note', itemIndex, '') as string;
		data = {
			po_number: String(this.getNodeParameter('poNumber', itemIndex)).trim(),
			warehouse_id: warehouseId,
			subtotal,
			shipping_price: '0',
			total_price: subtotal,
			line_items: lineInputs,
			...(vendorId ? { vendor_id: vendorId } : {}),
			...(note ? { po_note: note } : {}),
		};
	}
	if (!Array.isArray(data.line_items) || data.line_items.length === 0) {
		throw new NodeOperationError(this.getNode(), 'A purchase order needs at least one line item with a SKU', { itemIndex });
	}
	return await runMutation(this, itemIndex, { root: 'purchase_order_create', input: 'CreatePurchaseOrderInput', key: 'purchase_order', kind: 'purchaseOrder', data });
}
