import { extensivMappings, fromExtensivOrder, fromExtensivReceiver, toExtensivOrder, toExtensivReceiver } from '../../nodes/Extensiv/mapping';

const order = {
	readOnly: { orderId: 5001, status: 1, creationDate: '2026-09-01T10:00:00', lastModifiedDate: '2026-09-02T11:00:00', processDate: '2026-09-02T11:00:00', packages: [{ packageId: 1, trackingNumber: '1ZA' }] },
	customerIdentifier: { id: 1, name: 'Northwind', externalId: 'CUST-001' },
	facilityIdentifier: { id: 2, name: 'Reno DC' },
	referenceNum: 'SO-1',
	poNum: 'PO-1',
	routingInfo: { carrier: 'UPS', mode: 'Ground' },
	shipTo: { companyName: 'Store 1', name: 'Receiving', address1: '1 Main', city: 'Reno', state: 'NV', zip: '89501', country: 'US' },
	_embedded: { 'http://api.3plCentral.com/rels/orders/item': [{ readOnly: { orderItemId: 11 }, itemIdentifier: { id: 5, sku: 'WID-1' }, qty: 2.5 }] },
};

describe('Extensiv canonical mapping', () => {
	it('maps an order to a SalesOrder with decimal quantities and back', () => {
		const canonical = fromExtensivOrder(order);
		expect(canonical).toMatchObject({
			type: 'SalesOrder',
			externalIds: { extensiv: '5001' },
			number: 'SO-1',
			poNumber: 'PO-1',
			status: 'fulfilled',
			orderDate: '2026-09-01',
			customer: { externalIds: { extensiv: '1' }, name: 'Northwind', code: 'CUST-001' },
			shipTo: { name: 'Store 1', attention: 'Receiving', city: 'Reno', region: 'NV', postalCode: '89501' },
			lines: [{ item: { sku: 'WID-1' }, quantity: '2.5', externalIds: { extensiv: '11' } }],
		});
		const back = toExtensivOrder(canonical);
		expect(back).toMatchObject({
			customerIdentifier: { id: 1 },
			facilityIdentifier: { id: 2 },
			referenceNum: 'SO-1',
			shipTo: { companyName: 'Store 1', name: 'Receiving', address1: '1 Main', zip: '89501' },
			orderItems: [{ itemIdentifier: { sku: 'WID-1', id: 5 }, qty: 2.5 }],
		});
	});

	it('maps a shipped order to a Shipment and a receiver to a PurchaseOrder (both ways)', () => {
		expect(extensivMappings.Shipment.toCanonical(order)).toMatchObject({ status: 'shipped', shipDate: '2026-09-02', trackingNumbers: ['1ZA'], lines: [{ quantityShipped: '2.5' }] });
		const receiver = {
			readOnly: { receiverId: 801, status: 0 },
			customerIdentifier: { id: 1 },
			facilityIdentifier: { id: 2 },
			referenceNum: 'ASN-1',
			poNum: 'PO-9',
			supplierIdentifier: { id: 4, name: 'Acme' },
			receiveItems: [{ itemIdentifier: { sku: 'WID-1' }, qty: 40 }],
		};
		const po = fromExtensivReceiver(receiver);
		expect(po).toMatchObject({ type: 'PurchaseOrder', number: 'ASN-1', status: 'open', supplier: { name: 'Acme' }, lines: [{ quantity: '40' }] });
		expect(toExtensivReceiver(po)).toMatchObject({ customerIdentifier: { id: 1 }, facilityIdentifier: { id: 2 }, referenceNum: 'ASN-1', poNum: 'PO-9', receiveItems: [{ qty: 40 }] });
	});

	it('registers every canonical type it maps with a resource and both directions', () => {
		expect(Object.keys(extensivMappings).sort()).toEqual(['InventoryLevel', 'Item', 'PurchaseOrder', 'SalesOrder', 'Shipment']);
		const item = extensivMappings.Item.toCanonical({ itemId: 5, sku: 'WID-1', description: 'Widget', price: 19.99, readOnly: { deactivated: false } });
		expect(item).toMatchObject({ sku: 'WID-1', name: 'Widget', price: '19.99', active: true });
		expect(extensivMappings.Item.fromCanonical(item)).toEqual({ sku: 'WID-1', description: 'Widget', price: 19.99 });
	});
});
