/**
 * One small vendor-shaped record per system and canonical type, as each system's API returns it (taken
 * from, or modelled on, the records in the system nodes' own tests and sandbox seeds), for the round
 * trips of the Record Mapper.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { parseX12 } from '../../nodes/X12/core';
import { treeSegment } from '../../nodes/X12/core/tree';
import type { Segment } from '../../nodes/X12/core/types';

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The first transaction set of a corpus file, as an item of the X12 EDI node's Parse operation. */
export function x12SetItem(file: string, index = 0): IDataObject {
	const parsed = parseX12(readFileSync(join(__dirname, '../fixtures/x12/corpus', file)));
	const sets: Array<{ isa: Segment; gs?: Segment; segments: Segment[] }> = [];
	for (const interchange of parsed.interchanges) {
		let gs: Segment | undefined;
		let current: { isa: Segment; gs?: Segment; segments: Segment[] } | undefined;
		for (const seg of interchange.segments) {
			if (seg.id === 'GS') gs = seg;
			if (seg.id === 'ST') sets.push((current = { isa: interchange.segments[0], gs, segments: [] }));
			if (current) current.segments.push(seg);
			if (seg.id === 'SE') current = undefined;
		}
	}
	const set = sets[index];
	const el = (seg: Segment | undefined, n: number) => seg?.elements[n - 1]?.[0]?.[0]?.trim() ?? '';
	return {
		transactionSet: el(set.segments[0], 1),
		controlNumber: el(set.segments[0], 2),
		interchange: { senderQualifier: el(set.isa, 5), sender: el(set.isa, 6), receiverQualifier: el(set.isa, 7), receiver: el(set.isa, 8) },
		group: { sender: el(set.gs, 2), receiver: el(set.gs, 3), version: el(set.gs, 8) },
		segments: set.segments.map(treeSegment) as unknown as IDataObject[],
	};
}

const nsLines = {
	items: [
		{ line: 1, item: { id: '301', refName: 'HB-0500' }, description: 'Hex bolt, box of 100', quantity: 3, rate: 19.99, amount: 59.97 },
		{ line: 2, item: { id: '302', refName: 'WS-0250' }, description: 'Washer', quantity: 10, rate: 0.1, amount: 1 },
	],
};

export const FIXTURES: Record<string, Record<string, IDataObject>> = {
	netSuite: {
		Customer: { id: '45', externalId: 'CRM-45', entityId: 'HARBOR', companyName: 'Harbor Hardware', email: 'ap@harbor.example', phone: '206-555-0100', url: 'https://harbor.example', vatRegNumber: '91-1234567', isInactive: false, comments: 'Key account', parent: { id: '40', refName: 'Harbor Group' }, lastModifiedDate: '2026-03-04T10:11:12Z' },
		Supplier: { id: '77', entityId: 'FASTCO', companyName: 'Fastener Co', email: 'orders@fastco.example', phone: '503-555-0142', isInactive: false },
		Item: { id: '301', itemId: 'HB-0500', displayName: 'Hex Bolt 1/2"', salesDescription: 'Hex bolt, zinc, box of 100', cost: 7.25, salesPrice: 12.5, upcCode: '00012345678905', isInactive: false, vendor: { id: '77', refName: 'Fastener Co' } },
		InventoryLevel: { item: '301', itemid: 'HB-0500', location: '2', locationname: 'East', quantityonhand: '120', quantityavailable: '100', quantitycommitted: '20' },
		SalesOrder: { id: '812', externalId: 'WEB-70001', tranId: 'SO10001', tranDate: '2026-03-04', status: { id: 'B', refName: 'Pending Fulfillment' }, entity: { id: '45', refName: 'Harbor Hardware' }, otherRefNum: 'PO-77', memo: 'Dock 4', currency: { id: '1', refName: 'USD' }, item: nsLines, subtotal: 60.97, total: 60.97 },
		PurchaseOrder: { id: '913', tranId: 'PO2001', tranDate: '2026-03-05', dueDate: '2026-03-20', status: { id: 'B' }, entity: { id: '77', refName: 'Fastener Co' }, memo: 'Rush', item: nsLines },
		Shipment: { id: '5', tranId: 'IF301', tranDate: '2026-03-08', createdFrom: { id: '812' }, shipStatus: { id: 'C' }, trackingNumbers: '1Z999AA10123456784', item: { items: [{ item: { id: '301' }, quantity: 3, itemReceive: true }] } },
		Invoice: { id: '6', tranId: 'INV1001', tranDate: '2026-03-31', dueDate: '2026-04-30', entity: { id: '45' }, status: { id: 'A' }, otherRefNum: 'PO-77', memo: 'March', amountRemaining: 60.97, total: 60.97, item: nsLines },
		CreditMemo: { id: '7', tranId: 'CM1', tranDate: '2026-04-02', entity: { id: '45' }, status: { id: 'A' }, memo: 'Damaged', item: { items: [nsLines.items[1]] } },
		Payment: { id: '8', tranId: 'PYMT1', tranDate: '2026-04-10', customer: { id: '45' }, payment: 60.97, apply: { items: [{ doc: { id: '6' }, apply: true, amount: 60.97 }] } },
	},
	businessCentral: {
		Customer: { id: guid(1), number: 'C10000', displayName: 'Harbor Hardware', type: 'Company', addressLine1: '100 Main St', city: 'Seattle', state: 'WA', country: 'US', postalCode: '98101', phoneNumber: '555-0100', email: 'ap@harbor.example', blocked: ' ', lastModifiedDateTime: '2025-03-04T10:11:12.123Z' },
		Supplier: { id: guid(8), number: 'V20000', displayName: 'Fastener Co', addressLine1: '9 Mill Rd', city: 'Portland', state: 'OR', country: 'US', postalCode: '97201', email: 'orders@fastco.example', blocked: ' ' },
		Item: { id: guid(2), number: '1000', displayName: 'Hex Bolt 1/2"', type: 'Inventory', unitPrice: 12.5, unitCost: 7.25, inventory: 2500, baseUnitOfMeasureCode: 'PCS', blocked: false, gtin: '00012345678905' },
		InventoryLevel: { id: guid(2), number: '1000', displayName: 'Hex Bolt 1/2"', inventory: 2500, baseUnitOfMeasureCode: 'PCS' },
		SalesOrder: {
			id: guid(3), number: 'S-ORD101001', externalDocumentNumber: 'PO-77', customerId: guid(1), customerNumber: 'C10000', customerName: 'Harbor Hardware', orderDate: '2025-03-04', status: 'Open', shipToName: 'Dock 4', shipToCity: 'Tacoma', currencyCode: 'USD',
			salesOrderLines: [{ id: guid(4), sequence: 10000, lineType: 'Item', itemId: guid(5), lineObjectNumber: '1000', description: 'Bolt', quantity: 10, unitPrice: 2.5, amountExcludingTax: 25 }],
		},
		PurchaseOrder: { id: guid(7), number: 'P1', vendorId: guid(8), vendorNumber: 'V20000', orderDate: '2025-03-05', status: 'Released', purchaseOrderLines: [{ lineType: 'Item', itemId: guid(5), lineObjectNumber: '1000', description: 'Bolt', quantity: 5, directUnitCost: 1.25 }] },
		Shipment: { id: guid(11), number: 'S-SHPT1', orderNumber: 'S-ORD101001', postingDate: '2025-02-02', salesShipmentLines: [{ lineType: 'Item', lineObjectNumber: '1000', quantity: 4 }] },
		Invoice: { id: guid(9), number: 'S-INV1', customerId: guid(1), customerNumber: 'C10000', invoiceDate: '2025-03-31', dueDate: '2025-04-30', externalDocumentNumber: 'PO-77', status: 'Open', totalAmountIncludingTax: 100, remainingAmount: 100, salesInvoiceLines: [{ lineType: 'Item', itemId: guid(5), lineObjectNumber: '1000', description: 'Bolt', quantity: 40, unitPrice: 2.5 }] },
		CreditMemo: { id: guid(12), number: 'S-CR1', customerId: guid(1), customerNumber: 'C10000', creditMemoDate: '2025-04-02', invoiceId: guid(9), invoiceNumber: 'S-INV1', status: 'Open', salesCreditMemoLines: [{ lineType: 'Item', itemId: guid(5), description: 'Bolt', quantity: 2, unitPrice: 2.5 }] },
		Payment: { id: guid(13), customerId: guid(1), customerNumber: 'C10000', amount: 1234.5, postingDate: '2025-06-01', externalDocumentNumber: 'CHK1', appliesToInvoiceId: guid(9), appliesToInvoiceNumber: 'S-INV1' },
	},
	sageIntacct: {
		Customer: { RECORDNO: '12', CUSTOMERID: 'C-01012', NAME: 'Harbor Hardware 12', STATUS: 'active', TERMNAME: 'Net 30', CURRENCY: 'USD', DISPLAYCONTACT: { PRINTAS: 'Harbor Hardware 12', EMAIL1: 'ap@harbor.example', PHONE1: '555-0112', MAILADDRESS: { ADDRESS1: '112 Main St', CITY: 'Columbus', STATE: 'OH', ZIP: '43215', COUNTRY: 'United States', COUNTRYCODE: 'US' } }, WHENMODIFIED: '03/04/2025 10:20:30' },
		Supplier: { RECORDNO: '20', VENDORID: 'V-020', NAME: 'Fastener Co', STATUS: 'active', TERMNAME: 'Net 45', CURRENCY: 'USD', DISPLAYCONTACT: { PRINTAS: 'Fastener Co', EMAIL1: 'orders@fastco.example', MAILADDRESS: { ADDRESS1: '9 Mill Rd', CITY: 'Portland', STATE: 'OR', ZIP: '97201', COUNTRYCODE: 'US' } } },
		Item: { RECORDNO: '3', ITEMID: 'ITM-1', NAME: 'Hex Bolt', EXTENDED_DESCRIPTION: 'Hex bolt, box of 100', ITEMTYPE: 'Inventory', STANDARD_UNIT: 'Each', BASEPRICE: '12.50', STANDARD_COST: '7.25', UPC: '00012345678905', STATUS: 'active' },
		InventoryLevel: { RECORDNO: '1', ITEMID: 'ITM-1', WAREHOUSEID: 'WH-EAST', QTYONHAND: '12', QTYONHOLD: '2', QTYONORDER: '5' },
		SalesOrder: { RECORDNO: '4', DOCNO: 'SO0004', DOCPARID: 'Sales Order', STATE: 'Pending', CUSTVENDID: 'C-01012', WHENCREATED: '03/04/2026', WHENDUE: '03/10/2026', PONUMBER: 'PO-77', CURRENCY: 'USD', SODOCUMENTENTRIES: { sodocumententry: [{ ITEMID: 'ITM-1', ITEMDESC: 'Hex bolt', QUANTITY: '4', UNIT: 'Each', PRICE: '12.50' }] } },
		PurchaseOrder: { RECORDNO: '5', DOCNO: 'PO0005', DOCPARID: 'Purchase Order', STATE: 'Pending', CUSTVENDID: 'V-020', WHENCREATED: '03/05/2026', WHENDUE: '03/20/2026', CURRENCY: 'USD', PODOCUMENTENTRIES: { podocumententry: [{ ITEMID: 'ITM-1', QUANTITY: '40', UNIT: 'Each', PRICE: '7.25' }] } },
		Shipment: { RECORDNO: '3', DOCNO: 'SH0005', DOCPARID: 'Shipper', CREATEDFROM: 'Sales Order-SO0004', WHENCREATED: '01/02/2025', SODOCUMENTENTRIES: { sodocumententry: [{ ITEMID: 'ITM-1', QUANTITY: '4' }] } },
		Invoice: { RECORDNO: '5', RECORDID: 'INV-00005', CUSTOMERID: 'C-01012', WHENCREATED: '01/31/2026', WHENDUE: '03/02/2026', STATE: 'Partially Paid', TOTALENTERED: '1234567890123.10', TOTALPAID: '0.20', TOTALDUE: '1234567890122.90', ARINVOICEITEMS: { arinvoiceitem: [{ AMOUNT: '0.10', MEMO: 'Setup' }, { AMOUNT: '0.20', MEMO: 'Support' }] } },
		CreditMemo: { RECORDNO: '9', RECORDID: 'ADJ-009', CUSTOMERID: 'C-01012', WHENCREATED: '02/15/2026', DESCRIPTION: 'Damaged', ARADJUSTMENTITEMS: { aradjustmentitem: [{ AMOUNT: '25.00', MEMO: 'Damaged goods' }] } },
		Payment: { RECORDNO: '900', CUSTOMERID: 'C-7', RECEIPTDATE: '02/01/2026', PAYMENTMETHOD: 'EFT', DOCNUMBER: 'CHK-1', TOTALENTERED: '99.95', STATE: 'Complete', ARPYMTDETAILS: { arpymtdetail: { RECORDKEY: '44', TRX_PAYMENTAMOUNT: '99.95' } } },
	},
	connectWisePsa: {
		Customer: { id: 250, identifier: 'ACME', name: 'Acme Inc', status: { id: 1, name: 'Active' }, addressLine1: '1 Main St', addressLine2: 'Suite 5', city: 'Tampa', state: 'FL', zip: '33601', country: { identifier: 'US' }, phoneNumber: '555-0100', website: 'https://acme.test', taxIdentifier: '12-345', parentCompany: { id: 9, identifier: 'HOLD', name: 'Holding' }, _info: { lastUpdated: '2024-05-01T12:00:00Z' } },
		Supplier: { id: 310, identifier: 'INGRAM', name: 'Ingram Micro', addressLine1: '3351 Michelson Dr', city: 'Irvine', state: 'CA', zip: '92612', country: { identifier: 'US' }, phoneNumber: '714-566-1000' },
		Project: { id: 40, name: 'Migration', company: { id: 250, identifier: 'ACME', name: 'Acme Inc' }, manager: { id: 12, identifier: 'jdoe', name: 'Jane Doe' }, estimatedStart: '2024-03-01T00:00:00Z', estimatedEnd: '2024-04-30T00:00:00Z', billingMethod: 'FixedFee', budgetHours: 120.5, billingAmount: 9000, customerPO: 'PO-1', description: 'Move to cloud', closedFlag: false },
		TimeEntry: { id: 700, chargeToId: 501, chargeToType: 'ServiceTicket', company: { id: 250, identifier: 'ACME' }, member: { id: 12, identifier: 'jdoe', name: 'Jane Doe' }, timeStart: '2024-05-01T06:00:00Z', timeEnd: '2024-05-01T07:15:00Z', actualHours: 1.25, billableOption: 'Billable', hourlyRate: 150, notes: 'Replaced toner', internalNotes: 'Tray 2 worn', status: 'ApprovedByTierTwo', workType: { id: 1, name: 'Remote' } },
		Expense: { id: 800, chargeToId: 77, chargeToType: 'ProjectTicket', member: { id: 12, identifier: 'jdoe' }, type: { id: 2, name: 'Taxi' }, date: '2024-05-02T00:00:00Z', amount: 42.5, billableOption: 'Billable', notes: 'Taxi to site' },
		Agreement: { id: 31, name: 'Acme MSP', type: { id: 4, name: 'MSP Gold' }, company: { id: 250, identifier: 'ACME', name: 'Acme Inc' }, contact: { id: 9, name: 'Ada Lovelace' }, startDate: '2024-01-01T00:00:00Z', endDate: '2024-12-31T00:00:00Z', noEndingDateFlag: false, billAmount: 1250, billingCycle: { id: 2, name: 'Monthly' }, customerPO: 'PO-9', internalNotes: 'Gold tier' },
		Invoice: { id: 90, invoiceNumber: 'INV-1001', type: 'Standard', company: { id: 250, identifier: 'ACME', name: 'Acme Inc' }, date: '2024-05-31T00:00:00Z', dueDate: '2024-06-30T00:00:00Z', customerPO: 'PO-1', internalNotes: 'May', subtotal: 1000, salesTax: 70, total: 1070, currency: { currencyCode: 'USD' }, billingTerms: { id: 1, name: 'Net 30' }, applyToType: 'Project', applyToId: 40 },
	},
	autotaskPsa: {
		Customer: { id: 29683501, companyName: 'Cedar Dental Group', companyNumber: 'C1002', companyType: 1, isActive: true, phone: '813-555-0199', webAddress: 'https://cedardental.example', address1: '12 Bay St', city: 'Tampa', state: 'FL', postalCode: '33602', taxID: '59-7654321', lastTrackedModifiedDateTime: '2025-03-04T10:11:12.123Z' },
		Project: { id: 29684100, projectName: 'Office move', projectNumber: 'P20240001', companyID: 29683501, status: 5, startDateTime: '2024-04-01T00:00:00Z', endDateTime: '2024-05-01T00:00:00Z', estimatedTime: 40, purchaseOrderNumber: 'PO-5', description: 'Move two floors' },
		TimeEntry: { id: 29700001, resourceID: 29682886, ticketID: 7300, dateWorked: '2025-02-03T00:00:00Z', startDateTime: '2025-02-03T14:00:00.000Z', endDateTime: '2025-02-03T15:30:00.000Z', hoursWorked: 1.5, hoursToBill: 1.5, isNonBillable: false, summaryNotes: 'Replaced failing drive', contractID: 29684700 },
		Expense: { id: 14500, expenseReportID: 880, expenseDate: '2025-01-10T00:00:00Z', expenseCurrencyExpenseAmount: 12.3, companyID: 29683501, isBillableToCompany: true, isReimbursable: true, description: 'Parking' },
		Agreement: { id: 29684700, contractName: 'Managed Services', companyID: 29683501, status: 1, startDate: '2024-01-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z', setupFee: 250, contractType: 7, purchaseOrderNumber: 'PO-7', description: 'All-inclusive' },
		Invoice: { id: 5100, invoiceNumber: 'INV-10450', companyID: 29683501, invoiceDateTime: '2025-01-31T00:00:00Z', invoiceTotal: 1070.1, totalTaxValue: 70.1, paidDate: null, isVoided: false, orderNumber: 'PO-8', comments: 'January' },
	},
	haloPsa: {
		Customer: { id: 12, name: 'Harbor Dental Group', inactive: false, toplevel_id: 1, toplevel_name: 'Managed Clients', accountsemailaddress: 'accounts@harbor.example', website: 'https://harbor.example', phonenumber: '555-0101', notes: 'VIP' },
		Project: { id: 1201, summary: 'Server refresh', details: 'Replace the file server', client_id: 4, agent_id: 3, status_id: 2, estimate: 40, budget: 7500.5, startdate: '2026-03-01T00:00:00', targetdate: '2026-04-30T00:00:00' },
		TimeEntry: { id: 5, ticket_id: 42, agent_id: 3, who: 'Sam Okafor', timetaken: 1.5, actionchargehours: 1.5, nonbill: false, actionarrivaldate: '2026-01-05T10:00:00', actioncompletiondate: '2026-01-05T11:30:00', outcome: 'Remote Support', note: 'Fixed' },
		Expense: { id: 3, ticket_id: 15, amount: 19.85, billable: true, note: 'Cable', date: '2026-01-07T00:00:00' },
		Agreement: { id: 4, ref: 'MSA-0004', client_id: 4, start_date: '2025-01-01T00:00:00', end_date: '2099-12-31T00:00:00', billingperiod: 'quarterly', periodchargeamount: 525, active: true },
		Invoice: { id: 7, invoicenumber: 'INV-5007', client_id: 2, client_name: 'Cedar Legal', invoice_date: '2026-02-01T00:00:00', due_date: '2026-03-03T00:00:00', currency_code: 'USD', posted: true, total: 53.4, amountdue: 20, ponumber: 'PO-3', lines: [{ id: 71, item_id: 3, item_code: 'M365-BP', description: 'Microsoft 365', qty_order: 2, unit_price: 22.25, net_amount: 44.5, tax_amount: 8.9 }] },
	},
	shipHero: {
		Item: { id: 'UHJvZHVjdDox', sku: 'SKU-1', name: 'Packing Tape', barcode: '0123456789012', kit: false, active: true, dimensions: { weight: '1.50' }, warehouse_products: [{ price: '3.25', value: '1.10' }] },
		InventoryLevel: { id: 'V2FyZWhvdXNlUHJvZHVjdDox', sku: 'SKU-1', warehouse_id: 'V2FyZWhvdXNlOjE=', warehouse_identifier: 'Primary', on_hand: 45, available: 37, allocated: 8 },
		SalesOrder: {
			id: 'T3JkZXI6MjAwMDAw', legacy_id: 200000, order_number: '#1001', partner_order_id: 'HS-50000', shop_name: 'harbor-supply.myshopify.com', fulfillment_status: 'fulfilled', order_date: '2025-01-06T00:00:00+00:00', currency: 'USD', email: 'ann.lee@example.com', subtotal: '0.30', total_tax: '0.02', total_discounts: '0.00', total_price: '8.27',
			shipping_lines: { title: 'Ground', price: '7.95' },
			shipping_address: { first_name: 'Ann', last_name: 'Lee', address1: '1 Main St', city: 'Tampa', state: 'FL', state_code: 'FL', zip: '33602', country: 'US', country_code: 'US' },
			line_items: { edges: [{ node: { id: 'TGluZUl0ZW06MQ==', sku: 'SKU-1', partner_line_item_id: 'L-1', quantity: 3, price: '0.10', product_name: 'Tape' } }] },
			updated_at: '2025-01-07T10:00:00+00:00',
		},
		Shipment: { id: 'U2hpcG1lbnQ6MQ==', legacy_id: 800000, order_id: 'T3JkZXI6MjAwMDAw', created_date: '2025-01-08T00:00:00+00:00', shipping_labels: [{ id: 'L', tracking_number: '1ZABC', carrier: 'UPS', shipping_name: 'UPS Ground' }], line_items: { edges: [{ node: { line_item_id: 'LI', quantity: 3, line_item: { sku: 'SKU-1' } } }] } },
		PurchaseOrder: { id: 'UE86MQ==', po_number: 'PO-1', po_date: '2025-01-02T00:00:00+00:00', fulfillment_status: 'pending', warehouse_id: 'V2FyZWhvdXNlOjE=', vendor: { id: 'VmVuZG9yOjE=', name: 'Uline' }, subtotal: '30.00', total_price: '30.00', line_items: { edges: [{ node: { id: 'PL', sku: 'SKU-1', vendor_sku: 'U-1', quantity: 10, price: '3.00', product_name: 'Packing Tape' } }] } },
	},
	extensiv: {
		Item: { itemId: 5, sku: 'WID-1', description: 'Widget', description2: 'Blue widget', upc: '0123456789012', price: 19.99, cost: 7.5, readOnly: { deactivated: false } },
		InventoryLevel: { facilityId: 2, itemIdentifier: { id: 5, sku: 'WID-1' }, onHand: 120, available: 100, allocated: 20 },
		SalesOrder: {
			readOnly: { orderId: 5001, status: 0, creationDate: '2026-09-01T10:00:00', lastModifiedDate: '2026-09-02T11:00:00' },
			customerIdentifier: { id: 1, name: 'Northwind', externalId: 'CUST-001' }, facilityIdentifier: { id: 2, name: 'Reno DC' }, referenceNum: 'SO-1', poNum: 'PO-1', notes: 'Fragile',
			routingInfo: { carrier: 'UPS', mode: 'Ground' },
			shipTo: { companyName: 'Store 1', name: 'Receiving', address1: '1 Main', city: 'Reno', state: 'NV', zip: '89501', country: 'US' },
			_embedded: { 'http://api.3plCentral.com/rels/orders/item': [{ readOnly: { orderItemId: 11 }, itemIdentifier: { id: 5, sku: 'WID-1' }, qty: 2.5 }] },
		},
		Shipment: {
			readOnly: { orderId: 5001, status: 1, creationDate: '2026-09-01T10:00:00', processDate: '2026-09-02T11:00:00', packages: [{ packageId: 1, trackingNumber: '1ZA' }] },
			customerIdentifier: { id: 1, name: 'Northwind' }, facilityIdentifier: { id: 2 }, referenceNum: 'SO-1', routingInfo: { carrier: 'UPS', mode: 'Ground', trackingNumber: '1ZA' },
			_embedded: { 'http://api.3plCentral.com/rels/orders/item': [{ readOnly: { orderItemId: 11 }, itemIdentifier: { id: 5, sku: 'WID-1' }, qty: 2.5 }] },
		},
		PurchaseOrder: { readOnly: { receiverId: 801, status: 0 }, customerIdentifier: { id: 1 }, facilityIdentifier: { id: 2 }, referenceNum: 'ASN-1', poNum: 'PO-9', expectedDate: '2026-09-20', supplierIdentifier: { id: 4, name: 'Acme' }, receiveItems: [{ itemIdentifier: { sku: 'WID-1', id: 5 }, qty: 40 }] },
	},
	chargebeeBilling: {
		Customer: { id: 'c1', company: 'Harbor Dental', first_name: 'Ann', last_name: 'Lee', email: 'ann@example.com', phone: '555-0101', net_term_days: 30, preferred_currency_code: 'USD', billing_address: { line1: '1 Main', city: 'Reno', state: 'NV', zip: '89501', country: 'US' } },
		Agreement: {
			id: 'sub_1', customer_id: 'c1', status: 'active', billing_period: 1, billing_period_unit: 'month', currency_code: 'USD', mrr: 11400, started_at: 1790000000, next_billing_at: 1792592000, po_number: 'PO-11',
			subscription_items: [
				{ item_price_id: 'managed-it-USD-monthly', item_type: 'plan', quantity: 1, unit_price: 4900, amount: 4900 },
				{ item_price_id: 'endpoint-USD-monthly', item_type: 'addon', quantity: 10, unit_price: 650, amount: 6500 },
			],
		},
		Invoice: { id: '1001', customer_id: 'c1', subscription_id: 'sub_1', status: 'payment_due', currency_code: 'USD', date: 1790000000, due_date: 1792592000, po_number: 'PO-11', sub_total: 11400, total: 11400, amount_paid: 0, amount_due: 11400, line_items: [{ id: 'li_1', entity_id: 'managed-it-USD-monthly', description: 'Managed IT', quantity: 1, unit_amount: 4900, amount: 4900 }] },
		CreditMemo: { id: 'CN-1', customer_id: 'c1', reference_invoice_id: '1001', status: 'refund_due', total: 650, currency_code: 'USD', date: 1790100000, create_reason_code: 'Service Unsatisfactory', line_items: [] },
		UsageRecord: { id: 'u1', subscription_id: 'sub_1', item_price_id: 'gb', quantity: '12.5', usage_date: 1790000000 },
		Payment: { id: 't1', customer_id: 'c1', type: 'payment', status: 'success', amount: 11400, currency_code: 'USD', payment_method: 'card', date: 1790200000, linked_invoices: [{ invoice_id: '1001', applied_amount: 11400 }] },
	},
	stripe: {
		Customer: { id: 'cus_1', object: 'customer', name: 'Acme Co', email: 'ap@acme.example', phone: '+1 206 555 0100', currency: 'eur', created: 1735689600, address: { line1: '1 Main St', city: 'Seattle', state: 'WA', postal_code: '98101', country: 'US' }, metadata: { erp_customer_id: 'C-1' } },
		Agreement: {
			id: 'sub_1', object: 'subscription', customer: 'cus_1', status: 'active', currency: 'usd', start_date: 1735689600, description: 'Seats',
			items: { data: [{ id: 'si_1', quantity: 12, current_period_end: 1738368000, price: { id: 'price_e', unit_amount: 4500, unit_amount_decimal: '4500', recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed' } } }] },
		},
		Invoice: {
			id: 'in_1', object: 'invoice', number: 'ACME-0007', currency: 'usd', customer: 'cus_1', customer_name: 'Acme Co', status: 'open', created: 1735689600, effective_at: 1735776000, due_date: 1738368000, subtotal: 12550, total: 12550, amount_paid: 0, amount_remaining: 12550, description: 'January',
			lines: { data: [{ id: 'il_1', amount: 12550, description: 'Survey', quantity: 1, pricing: { price_details: { price: 'price_k' }, unit_amount_decimal: '12550' } }] },
		},
		CreditMemo: { id: 'cn_1', object: 'credit_note', amount: 500, total: 500, subtotal: 500, currency: 'usd', customer: 'cus_1', invoice: 'in_1', status: 'issued', memo: 'Duplicate', reason: 'duplicate', lines: { data: [{ id: 'cnli_1', amount: 500, description: 'Credit', quantity: 1, unit_amount: 500 }] } },
		UsageRecord: { object: 'billing.meter_event', event_name: 'api_requests', identifier: 'row-1', payload: { stripe_customer_id: 'cus_1', value: '25' }, timestamp: 1767225600, created: 1767225600 },
		Payment: { id: 'ch_1', object: 'charge', amount: 1000, amount_captured: 1000, currency: 'usd', status: 'succeeded', refunded: false, customer: 'cus_1', payment_intent: 'pi_1', created: 1735689600 },
	},
	x12: {
		PurchaseOrder: x12SetItem('850-4010VICS-nodex12-basic.edi'),
		SalesOrder: x12SetItem('850-5010-stedi-dropship.edi'),
		OrderAck: x12SetItem('855-4010-nodex12-ack.edi'),
		Shipment: x12SetItem('856-4060-nodex12-soi.edi'),
		Invoice: x12SetItem('810-4010-staedi-two-invoices.edi'),
	},
};
