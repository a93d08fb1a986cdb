import type { IDataObject } from 'n8n-workflow';

import { isCanonical } from '../../nodes/common/canonical';
import {
	fromNetSuiteCustomerPayment,
	fromNetSuiteInventoryRow,
	fromNetSuiteItemFulfillment,
	fromNetSuiteSalesOrder,
	netSuiteMappings,
	toNetSuiteInventoryAdjustment,
	toNetSuiteSalesOrder,
} from '../../nodes/NetSuite/mapping';

const salesOrder = {
	id: '812',
	externalId: 'WEB-70001',
	tranId: 'SO10001',
	tranDate: '2026-03-04',
	lastModifiedDate: '2026-03-04T10:11:12Z',
	status: { id: 'B', refName: 'Pending Fulfillment' },
	entity: { id: '45', refName: 'Harbor Hardware' },
	otherRefNum: 'PO-77',
	currency: { id: '1', refName: 'USD' },
	item: { items: [{ line: 1, item: { id: '301', refName: 'NW-10001' }, quantity: 3, rate: 19.99, amount: 59.97 }, { line: 2, item: { id: '302' }, quantity: 1, rate: 0.1, amount: 0.1 }] },
	subtotal: 60.07,
	total: 60.07,
};

describe('NetSuite canonical mapping', () => {
	it('sales order → canonical: decimal strings (no float noise), references with NetSuite ids, status', () => {
		const order = fromNetSuiteSalesOrder(salesOrder);
		expect(isCanonical(order)).toBe(true);
		expect(order).toMatchObject({
			type: 'SalesOrder',
			number: 'SO10001',
			status: 'open',
			poNumber: 'PO-77',
			currency: 'USD',
			customer: { externalIds: { netSuite: '45' }, name: 'Harbor Hardware' },
			externalIds: { netSuite: '812', netSuiteExternalId: 'WEB-70001' },
			totals: { total: '60.07' },
		});
		expect(order.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
			['3', '19.99', '59.97'],
			['1', '0.1', '0.1'],
		]);
	});

	it('canonical → sales order body, and back, keeps customer, lines and external id', () => {
		const body = toNetSuiteSalesOrder(fromNetSuiteSalesOrder(salesOrder));
		expect(body).toEqual({
			entity: { id: '45' },
			tranDate: '2026-03-04',
			otherRefNum: 'PO-77',
			item: { items: [{ item: { id: '301' }, quantity: 3, rate: 19.99 }, { item: { id: '302' }, quantity: 1, rate: 0.1 }] },
			externalId: 'WEB-70001',
		});
	});

	it('every registered mapping converts both ways for its record type', () => {
		const samples: Record<string, IDataObject> = {
			Customer: { id: '1', companyName: 'A', email: 'a@x', isInactive: false },
			Supplier: { id: '2', companyName: 'B' },
			Item: { id: '3', itemId: 'NW-1', displayName: 'Drill', cost: 10.5, salesPrice: 14 },
			InventoryLevel: { item: '3', location: '2', quantityonhand: '12', quantityavailable: '10' },
			SalesOrder: salesOrder,
			PurchaseOrder: { id: '4', entity: { id: '2' }, item: { items: [] }, status: { id: 'B' } },
			Shipment: { id: '5', createdFrom: { id: '812' }, shipStatus: { id: 'C' }, item: { items: [{ item: { id: '301' }, quantity: 3, itemReceive: true }] } },
			Invoice: { id: '6', entity: { id: '45' }, status: { id: 'A' }, amountRemaining: 5, item: { items: [] } },
			CreditMemo: { id: '7', entity: { id: '45' }, item: { items: [] } },
			Payment: { id: '8', customer: { id: '45' }, payment: 60.07, apply: { items: [{ doc: { id: '6' }, apply: true, amount: 60.07 }] } },
		};
		for (const [type, mapping] of Object.entries(netSuiteMappings)) {
			const canonical = mapping.toCanonical(samples[type]);
			expect(canonical.type).toBe(type);
			expect(typeof mapping.fromCanonical(canonical)).toBe('object');
		}
	});

	it('fulfillment → Shipment with shipped quantities; payment → incoming Payment with applications', () => {
		expect(fromNetSuiteItemFulfillment({ id: '5', createdFrom: { id: '812' }, shipStatus: { id: 'C' }, item: { items: [{ item: { id: '301' }, quantity: 3, itemReceive: true }, { item: { id: '9' }, quantity: 1, itemReceive: false }] } })).toMatchObject({
			status: 'shipped',
			order: { externalIds: { netSuite: '812' } },
			lines: [{ quantityShipped: '3' }],
		});
		expect(fromNetSuiteCustomerPayment({ id: '8', customer: { id: '45' }, payment: 60.07, apply: { items: [{ doc: { id: '6' }, apply: true, amount: 60.07 }] } })).toMatchObject({
			direction: 'incoming',
			amount: '60.07',
			applications: [{ document: { externalIds: { netSuite: '6' } }, amount: '60.07' }],
		});
	});

	it('inventory level from a SuiteQL row, and the adjustment that sets it', () => {
		const level = fromNetSuiteInventoryRow({ item: '301', location: '2', quantityonhand: '12', quantityavailable: '10', quantitycommitted: '2' });
		expect(level).toMatchObject({ onHand: '12', available: '10', committed: '2', item: { externalIds: { netSuite: '301' } } });
		expect(toNetSuiteInventoryAdjustment({ ...level, onHand: '15' }, '12')).toEqual({
			adjLocation: { id: '2' },
			inventory: { items: [{ item: { id: '301' }, location: { id: '2' }, adjustQtyBy: 3 }] },
		});
	});
});
