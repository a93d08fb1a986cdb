import type { IDataObject } from 'n8n-workflow';

import type { CreditMemo, Customer, Invoice, Item, Payment, PurchaseOrder, SalesOrder } from '../../nodes/common/canonical';
import { CANONICAL_TYPES, isCanonical } from '../../nodes/common/canonical';
import { businessCentralMappings } from '../../nodes/BusinessCentral/mapping';
import { guid } from './helpers';

const m = businessCentralMappings;

const customer: IDataObject = {
	'@odata.etag': 'W/"x"',
	id: guid(1),
	number: 'C10000',
	displayName: 'Harbor Hardware',
	type: 'Company',
	addressLine1: '100 Main St',
	addressLine2: '',
	city: 'Seattle',
	state: 'WA',
	country: 'US',
	postalCode: '98101',
	phoneNumber: '555-0100',
	email: 'ap@harbor.example',
	website: '',
	taxRegistrationNumber: '',
	currencyCode: '',
	currencyId: '00000000-0000-0000-0000-000000000000',
	blocked: ' ',
	balanceDue: 1234.5,
	creditLimit: 10000,
	lastModifiedDateTime: '2025-03-04T10:11:12.123Z',
};

describe('Business Central canonical mapping', () => {
	it('has both directions for every type the issue names', () => {
		expect(Object.keys(m).sort()).toEqual(
			['CreditMemo', 'Customer', 'InventoryLevel', 'Invoice', 'Item', 'Payment', 'PurchaseOrder', 'SalesOrder', 'Shipment', 'Supplier'].sort(),
		);
		for (const [type, mapping] of Object.entries(m)) {
			expect(CANONICAL_TYPES).toContain(type);
			expect(typeof mapping.toCanonical).toBe('function');
			expect(typeof mapping.fromCanonical).toBe('function');
		}
	});

	it('maps a customer to a canonical Customer, dropping empty GUIDs and blanks, money as decimal strings', () => {
		const c = m.Customer!.toCanonical(customer) as Customer;
		expect(isCanonical(c, 'Customer')).toBe(true);
		expect(c).toEqual({
			type: 'Customer',
			externalIds: { businessCentral: guid(1) },
			source: { system: 'businessCentral', id: guid(1), updatedAt: '2025-03-04T10:11:12.123Z' },
			name: 'Harbor Hardware',
			code: 'C10000',
			status: 'active',
			email: 'ap@harbor.example',
			phone: '555-0100',
			addresses: [{ type: 'billing', line1: '100 Main St', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' }],
			extensions: { businessCentral: { type: 'Company', balanceDue: '1234.5', creditLimit: '10000' } },
		});
	});

	it('round-trips a customer through canonical and back to the writable fields', () => {
		const back = m.Customer!.fromCanonical(m.Customer!.toCanonical(customer));
		expect(back).toEqual({
			number: 'C10000',
			displayName: 'Harbor Hardware',
			email: 'ap@harbor.example',
			phoneNumber: '555-0100',
			addressLine1: '100 Main St',
			city: 'Seattle',
			state: 'WA',
			postalCode: '98101',
			country: 'US',
			blocked: ' ',
		});
		expect(m.Supplier!.fromCanonical({ ...m.Supplier!.toCanonical({ ...customer, blocked: 'All' }) })).toMatchObject({ blocked: 'All' });
	});

	it('maps items and inventory levels; prices stay exact decimal strings', () => {
		const record = { id: guid(2), number: '1000', displayName: 'Hex Bolt 1/2"', type: 'Inventory', unitPrice: 0.1 + 0.2, unitCost: 0.07, inventory: 2500, baseUnitOfMeasureCode: 'PCS', blocked: false, gtin: '' };
		const item = m.Item!.toCanonical(record) as Item;
		expect(item).toMatchObject({ sku: '1000', kind: 'inventory', price: '0.30000000000000004', cost: '0.07', active: true, unitOfMeasure: 'PCS' });
		expect(m.Item!.fromCanonical({ ...item, price: '12.10' } as Item)).toMatchObject({ number: '1000', unitPrice: 12.1, type: 'Inventory', blocked: false });
		expect(m.InventoryLevel!.toCanonical(record)).toMatchObject({ type: 'InventoryLevel', item: { sku: '1000' }, onHand: '2500', unitOfMeasure: 'PCS' });
	});

	it('maps a sales order with lines both ways (deep-insert body)', () => {
		const order = m.SalesOrder!.toCanonical({
			id: guid(3),
			number: 'S-ORD101001',
			externalDocumentNumber: 'PO-77',
			customerId: guid(1),
			customerNumber: 'C10000',
			customerName: 'Harbor Hardware',
			orderDate: '2025-03-04',
			requestedDeliveryDate: '0001-01-01',
			status: 'Draft',
			fullyShipped: false,
			shipToName: 'Dock 4',
			shipToCity: 'Tacoma',
			totalAmountExcludingTax: 25,
			totalTaxAmount: 2,
			totalAmountIncludingTax: 27,
			salesOrderLines: [
				{ id: guid(4), sequence: 10000, lineType: 'Item', itemId: guid(5), lineObjectNumber: '1000', description: 'Bolt', quantity: 10, unitPrice: 2.5, amountExcludingTax: 25, totalTaxAmount: 2 },
				{ id: guid(6), sequence: 20000, lineType: 'Comment', description: 'Leave at dock 4', quantity: 0 },
			],
		}) as SalesOrder;
		expect(order).toMatchObject({
			poNumber: 'PO-77',
			status: 'draft',
			orderDate: '2025-03-04',
			shipTo: { type: 'shipping', name: 'Dock 4', city: 'Tacoma' },
			totals: { subtotal: '25', tax: '2', total: '27' },
			lines: [{ lineNumber: '10000', item: { sku: '1000' }, quantity: '10', unitPrice: '2.5', amount: '25', taxAmount: '2' }, { description: 'Leave at dock 4' }],
		});
		expect(order.requestedDate).toBeUndefined();
		expect(m.SalesOrder!.fromCanonical(order)).toEqual({
			externalDocumentNumber: 'PO-77',
			orderDate: '2025-03-04',
			customerId: guid(1),
			shipToName: 'Dock 4',
			shipToCity: 'Tacoma',
			salesOrderLines: [
				{ lineType: 'Item', itemId: guid(5), description: 'Bolt', quantity: 10, unitPrice: 2.5 },
				{ lineType: 'Comment', description: 'Leave at dock 4', quantity: 0 },
			],
		});
	});

	it('writes a canonical order from another system by customer code and item SKU', () => {
		const body = m.SalesOrder!.fromCanonical({
			type: 'SalesOrder',
			externalIds: { netSuite: '77' },
			customer: { code: 'C10000' },
			poNumber: 'PO-1',
			lines: [{ item: { sku: '1000' }, quantity: '3', unitPrice: '19.99' }],
		} as SalesOrder);
		expect(body).toEqual({ externalDocumentNumber: 'PO-1', customerNumber: 'C10000', salesOrderLines: [{ lineType: 'Item', lineObjectNumber: '1000', quantity: 3, unitPrice: 19.99 }] });
	});

	it('maps purchase orders with direct unit cost', () => {
		const po = m.PurchaseOrder!.toCanonical({ id: guid(7), number: 'P1', vendorId: guid(8), vendorNumber: 'V1', status: 'Released', purchaseOrderLines: [{ lineType: 'Item', lineObjectNumber: '1000', quantity: 5, directUnitCost: 1.25 }] }) as PurchaseOrder;
		expect(po).toMatchObject({ supplier: { code: 'V1' }, status: 'open', lines: [{ unitCost: '1.25', quantity: '5' }] });
		expect(m.PurchaseOrder!.fromCanonical(po)).toMatchObject({ vendorId: guid(8), purchaseOrderLines: [{ lineObjectNumber: '1000', quantity: 5, directUnitCost: 1.25 }] });
	});

	it('derives invoice status from status and remaining amount', () => {
		const base = { id: guid(9), number: 'S-INV1', customerNumber: 'C1', totalAmountIncludingTax: 100 };
		expect((m.Invoice!.toCanonical({ ...base, status: 'Open', remainingAmount: 100 }) as Invoice).status).toBe('open');
		expect((m.Invoice!.toCanonical({ ...base, status: 'Open', remainingAmount: 40 }) as Invoice).status).toBe('partially_paid');
		expect((m.Invoice!.toCanonical({ ...base, status: 'Paid', remainingAmount: 0 }) as Invoice).totals).toMatchObject({ total: '100', balance: '0' });
		expect((m.Invoice!.toCanonical({ ...base, status: 'Canceled' }) as Invoice).status).toBe('void');
		expect((m.CreditMemo!.toCanonical({ ...base, status: 'Open', invoiceId: guid(10), invoiceNumber: 'S-INV9' }) as CreditMemo).invoice).toEqual({ code: 'S-INV9', externalIds: { businessCentral: guid(10) } });
	});

	it('maps shipments read-only and payments both ways', () => {
		expect(
			m.Shipment!.toCanonical({ id: guid(11), number: 'S-SHPT1', orderNumber: 'S-ORD1', postingDate: '2025-02-02', salesShipmentLines: [{ lineType: 'Item', lineObjectNumber: '1000', quantity: 4 }] }),
		).toMatchObject({ status: 'shipped', shipDate: '2025-02-02', orderNumber: 'S-ORD1', lines: [{ quantityShipped: '4', item: { sku: '1000' } }] });
		const payment = m.Payment!.toCanonical({ id: guid(12), customerId: guid(1), customerNumber: 'C1', amount: 1234.5, postingDate: '2025-06-01', externalDocumentNumber: 'CHK1', appliesToInvoiceId: guid(9), appliesToInvoiceNumber: 'S-INV1' }) as Payment;
		expect(payment).toMatchObject({ direction: 'incoming', amount: '1234.5', reference: 'CHK1', applications: [{ document: { code: 'S-INV1' }, amount: '1234.5' }] });
		expect(m.Payment!.fromCanonical(payment)).toEqual({ customerId: guid(1), postingDate: '2025-06-01', amount: 1234.5, externalDocumentNumber: 'CHK1', appliesToInvoiceId: guid(9) });
	});
});
