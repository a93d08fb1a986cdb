import { isCanonical } from '../../nodes/common/canonical';
import type { PurchaseOrder, SalesOrder } from '../../nodes/common/canonical';
import {
	fromShipHeroOrder,
	fromShipHeroProduct,
	fromShipHeroPurchaseOrder,
	fromShipHeroShipment,
	fromShipHeroWarehouseProduct,
	shipHeroMappings,
	toShipHeroOrder,
	toShipHeroPurchaseOrder,
} from '../../nodes/ShipHero/mapping';

const order = {
	id: 'T3JkZXI6MjAwMDAw',
	legacy_id: 200000,
	order_number: '#1001',
	partner_order_id: 'HS-50000',
	shop_name: 'harbor-supply.myshopify.com',
	fulfillment_status: 'fulfilled',
	order_date: '2025-01-06T00:00:00+00:00',
	currency: 'USD',
	email: 'ann.lee@example.com',
	subtotal: '0.30',
	total_tax: '0.02',
	total_discounts: '0.00',
	total_price: '8.27',
	shipping_lines: { title: 'Ground', price: '7.95' },
	shipping_address: { first_name: 'Ann', last_name: 'Lee', address1: '1 Main St', city: 'Tampa', state: 'FL', state_code: 'FL', zip: '33602', country: 'US', country_code: 'US' },
	line_items: { edges: [{ node: { id: 'TGluZUl0ZW06MQ==', sku: 'SKU-1', partner_line_item_id: 'L-1', quantity: 3, price: '0.10', product_name: 'Tape' } }] },
	updated_at: '2025-01-07T10:00:00+00:00',
};

describe('ShipHero ↔ canonical', () => {
	it('maps an order to a SalesOrder with exact decimal amounts', () => {
		const so = fromShipHeroOrder(order);
		expect(isCanonical(so, 'SalesOrder')).toBe(true);
		expect(so).toMatchObject({
			externalIds: { shipHero: order.id, shipHeroLegacy: '200000' },
			source: { system: 'shipHero', id: order.id, updatedAt: '2025-01-07T10:00:00Z' },
			number: '#1001',
			poNumber: 'HS-50000',
			status: 'fulfilled',
			orderDate: '2025-01-06',
			customer: { code: 'ann.lee@example.com', name: 'Ann Lee' },
			shipTo: { type: 'shipping', name: 'Ann Lee', line1: '1 Main St', city: 'Tampa', region: 'FL', postalCode: '33602', country: 'US' },
			lines: [{ item: { sku: 'SKU-1' }, quantity: '3', unitPrice: '0.1', amount: '0.3', lineNumber: 'L-1' }],
			totals: { subtotal: '0.3', tax: '0.02', shipping: '7.95', total: '8.27' },
			shippingMethod: 'Ground',
		});
	});

	it('maps a SalesOrder back to an order_create input that round-trips', () => {
		const input = toShipHeroOrder(fromShipHeroOrder(order) as SalesOrder);
		expect(input).toMatchObject({
			order_number: '#1001',
			partner_order_id: 'HS-50000',
			fulfillment_status: 'fulfilled',
			email: 'ann.lee@example.com',
			total_price: '8.27',
			shipping_lines: { title: 'Ground', price: '7.95' },
			shipping_address: { first_name: 'Ann', last_name: 'Lee', address1: '1 Main St', city: 'Tampa', state: 'FL', zip: '33602', country_code: 'US' },
			line_items: [{ sku: 'SKU-1', partner_line_item_id: 'L-1', quantity: 3, price: '0.1', product_name: 'Tape' }],
		});
		const again = fromShipHeroOrder({ ...order, ...input, line_items: { edges: (input.line_items as object[]).map((node) => ({ node })) } });
		expect(again.lines[0]).toMatchObject({ quantity: '3', unitPrice: '0.1', amount: '0.3' });
	});

	it('maps products, warehouse products and shipments', () => {
		expect(
			fromShipHeroProduct({ id: 'P', sku: 'SKU-1', name: 'Tape', barcode: '0123', kit: false, active: true, dimensions: { weight: '1.50' }, warehouse_products: [{ price: '3.25', value: '1.10' }] }),
		).toEqual({ type: 'Item', externalIds: { shipHero: 'P' }, source: { system: 'shipHero', id: 'P' }, sku: 'SKU-1', name: 'Tape', kind: 'inventory', price: '3.25', cost: '1.1', gtin: '0123', active: true, weight: { value: '1.5', unit: 'lb' } });
		expect(fromShipHeroWarehouseProduct({ id: 'WP', sku: 'SKU-1', warehouse_id: 'W1', warehouse_identifier: 'Primary', on_hand: 45, available: 37, allocated: 8 })).toMatchObject({
			type: 'InventoryLevel',
			item: { sku: 'SKU-1' },
			location: { externalIds: { shipHero: 'W1' }, code: 'Primary' },
			onHand: '45',
			available: '37',
			committed: '8',
		});
		expect(
			fromShipHeroShipment({
				id: 'S',
				legacy_id: 800000,
				order_id: order.id,
				created_date: '2025-01-08T00:00:00+00:00',
				shipping_labels: [{ id: 'L', tracking_number: '1ZABC', carrier: 'UPS', shipping_name: 'UPS Ground' }],
				line_items: { edges: [{ node: { line_item_id: 'LI', quantity: 3, line_item: { sku: 'SKU-1' } } }] },
			}),
		).toMatchObject({ type: 'Shipment', number: '800000', order: { externalIds: { shipHero: order.id } }, shipDate: '2025-01-08', carrier: 'UPS', trackingNumbers: ['1ZABC'], lines: [{ item: { sku: 'SKU-1' }, quantityShipped: '3' }] });
	});

	it('maps purchase orders both ways', () => {
		const po = fromShipHeroPurchaseOrder({
			id: 'PO',
			po_number: 'PO-1',
			fulfillment_status: 'pending',
			warehouse_id: 'W1',
			vendor: { id: 'V', name: 'Uline' },
			subtotal: '30.00',
			total_price: '30.00',
			line_items: { edges: [{ node: { id: 'PL', sku: 'SKU-1', vendor_sku: 'U-1', quantity: 10, price: '3.00' } }] },
		});
		expect(po).toMatchObject({ type: 'PurchaseOrder', number: 'PO-1', status: 'open', supplier: { name: 'Uline', externalIds: { shipHero: 'V' } }, lines: [{ quantity: '10', unitCost: '3', amount: '30' }] });
		expect(toShipHeroPurchaseOrder(po as PurchaseOrder)).toMatchObject({
			po_number: 'PO-1',
			warehouse_id: 'W1',
			vendor_id: 'V',
			subtotal: '30',
			line_items: [{ sku: 'SKU-1', quantity: 10, price: '3', vendor_sku: 'U-1' }],
		});
	});

	it('exposes a registry with both directions for every mapped type', () => {
		expect(Object.keys(shipHeroMappings).sort()).toEqual(['InventoryLevel', 'Item', 'PurchaseOrder', 'SalesOrder', 'Shipment']);
		for (const mapping of Object.values(shipHeroMappings)) {
			expect(typeof mapping?.toCanonical).toBe('function');
			expect(typeof mapping?.fromCanonical).toBe('function');
		}
		expect(shipHeroMappings.SalesOrder?.fromCanonical!(fromShipHeroOrder(order))).toMatchObject({ partner_order_id: 'HS-50000' });
	});
});
