import { sageIntacctMappings, toCanonical } from '../../nodes/SageIntacct/mapping';
import type { Customer, Invoice, Payment } from '../../nodes/common/canonical';

const customerRecord = {
	RECORDNO: '12',
	CUSTOMERID: 'C-01012',
	NAME: 'Harbor Hardware 12',
	STATUS: 'active',
	TERMNAME: 'Net 30',
	CURRENCY: 'USD',
	DISPLAYCONTACT: {
		PRINTAS: 'Harbor Hardware 12',
		EMAIL1: 'ap@harbor.example',
		PHONE1: '555-0112',
		MAILADDRESS: { ADDRESS1: '112 Main St', CITY: 'Columbus', STATE: 'OH', ZIP: '43215', COUNTRY: 'United States', COUNTRYCODE: 'US' },
	},
	WHENMODIFIED: '03/04/2025 10:20:30',
};

describe('Sage Intacct canonical mapping', () => {
	it('maps a customer both ways', () => {
		const customer = sageIntacctMappings.Customer!.toCanonical(customerRecord) as Customer;
		expect(customer).toEqual({
			type: 'Customer',
			externalIds: { sageIntacct: '12' },
			source: { system: 'sageIntacct', id: '12', updatedAt: '2025-03-04T10:20:30Z' },
			name: 'Harbor Hardware 12',
			code: 'C-01012',
			status: 'active',
			email: 'ap@harbor.example',
			phone: '555-0112',
			currency: 'USD',
			paymentTerms: 'Net 30',
			addresses: [{ type: 'billing', name: 'Harbor Hardware 12', line1: '112 Main St', city: 'Columbus', region: 'OH', postalCode: '43215', country: 'US' }],
			contacts: [{ email: 'ap@harbor.example', phone: '555-0112', role: 'primary' }],
		});
		const back = sageIntacctMappings.Customer!.fromCanonical(customer);
		expect(back).toMatchObject({
			CUSTOMERID: 'C-01012',
			NAME: 'Harbor Hardware 12',
			STATUS: 'active',
			TERMNAME: 'Net 30',
			DISPLAYCONTACT: { EMAIL1: 'ap@harbor.example', MAILADDRESS: { ADDRESS1: '112 Main St', CITY: 'Columbus', ZIP: '43215' } },
		});
	});

	it('keeps money as exact decimal strings (no float rounding)', () => {
		const invoice = sageIntacctMappings.Invoice!.toCanonical({
			RECORDNO: '5',
			RECORDID: 'INV-00005',
			CUSTOMERID: 'C-1',
			WHENCREATED: '01/31/2026',
			WHENDUE: '03/02/2026',
			STATE: 'Partially Paid',
			TOTALENTERED: '1234567890123.10',
			TOTALPAID: '0.20',
			TOTALDUE: '1234567890122.90',
			ARINVOICEITEMS: { arinvoiceitem: [{ AMOUNT: '0.10' }, { AMOUNT: '0.20' }] },
		}) as Invoice;
		expect(invoice.totals).toEqual({ total: '1234567890123.1', amountPaid: '0.2', balance: '1234567890122.9' });
		expect(invoice.lines.map((l) => l.amount)).toEqual(['0.1', '0.2']);
		expect(invoice).toMatchObject({ number: 'INV-00005', date: '2026-01-31', dueDate: '2026-03-02', status: 'partially_paid' });
		expect(sageIntacctMappings.Invoice!.fromCanonical(invoice)).toMatchObject({
			RECORDID: 'INV-00005',
			WHENCREATED: '01/31/2026',
			ARINVOICEITEMS: { arinvoiceitem: [{ AMOUNT: '0.1' }, { AMOUNT: '0.2' }] },
		});
	});

	it('maps payments with their applications', () => {
		const payment = sageIntacctMappings.Payment!.toCanonical({
			RECORDNO: '900',
			CUSTOMERID: 'C-7',
			RECEIPTDATE: '02/01/2026',
			PAYMENTMETHOD: 'EFT',
			DOCNUMBER: 'CHK-1',
			TOTALENTERED: '99.95',
			STATE: 'Complete',
			ARPYMTDETAILS: { arpymtdetail: { RECORDKEY: '44', TRX_PAYMENTAMOUNT: '99.95' } },
		}) as Payment;
		expect(payment).toMatchObject({ direction: 'incoming', amount: '99.95', date: '2026-02-01', applications: [{ document: { externalIds: { sageIntacct: '44' } }, amount: '99.95' }] });
		expect(sageIntacctMappings.Payment!.fromCanonical(payment)).toEqual({
			CUSTOMERID: 'C-7',
			PAYMENTMETHOD: 'EFT',
			DOCNUMBER: 'CHK-1',
			RECEIPTDATE: '02/01/2026',
			ARPYMTDETAILS: { arpymtdetail: [{ RECORDKEY: '44', TRX_PAYMENTAMOUNT: '99.95' }] },
		});
	});

	it('reads an Order Entry document of a shipper definition as a Shipment', () => {
		const shipment = toCanonical(
			'SODOCUMENT',
			{ RECORDNO: '3', DOCNO: 'SH0005', DOCPARID: 'Shipper', CREATEDFROM: 'Sales Order-SO0004', WHENCREATED: '01/02/2025', SODOCUMENTENTRIES: { sodocumententry: [{ ITEMID: 'ITM-1', QUANTITY: '4' }] } },
			['Shipper'],
		);
		expect(shipment).toMatchObject({ type: 'Shipment', number: 'SH0005', orderNumber: 'SO0004', lines: [{ quantityShipped: '4', item: { sku: 'ITM-1' } }] });
		const order = toCanonical('SODOCUMENT', { RECORDNO: '4', DOCNO: 'SO0004', DOCPARID: 'Sales Order', STATE: 'Pending', CUSTVENDID: 'C-1' });
		expect(order).toMatchObject({ type: 'SalesOrder', status: 'open', customer: { code: 'C-1' } });
	});

	it('has a mapping for every type the issue lists', () => {
		expect(Object.keys(sageIntacctMappings).sort()).toEqual(
			['CreditMemo', 'Customer', 'InventoryLevel', 'Invoice', 'Item', 'Payment', 'PurchaseOrder', 'SalesOrder', 'Shipment', 'Supplier'].sort(),
		);
		const level = sageIntacctMappings.InventoryLevel!.toCanonical({ RECORDNO: '1', ITEMID: 'ITM-1', WAREHOUSEID: 'WH-EAST', QTYONHAND: '12', QTYONHOLD: '2', QTYONORDER: '5' });
		expect(level).toMatchObject({ item: { sku: 'ITM-1' }, location: { code: 'WH-EAST' }, onHand: '12', committed: '2', onOrder: '5' });
	});
});
