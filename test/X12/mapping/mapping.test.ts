import type { Invoice, OrderAck, PurchaseOrder, Shipment } from '../../../nodes/common/canonical';
import { addDecimals, multiplyDecimals } from '../../../nodes/common/canonical';
import { formatSegments, parseX12 } from '../../../nodes/X12/core';
import {
	fromInvoice,
	fromOrderAck,
	fromPurchaseOrder,
	fromShipment,
	toInvoice,
	toOrderAck,
	toPurchaseOrder,
	toSalesOrder,
	toShipment,
} from '../../../nodes/X12/core/mapping';
import { setsOf } from './helpers';

const sumLines = (lines: Array<{ quantity?: string; unitPrice?: string }>) =>
	addDecimals(...lines.map((line) => multiplyDecimals(line.quantity ?? '0', line.unitPrice ?? '0')));
const delimiters = { element: '*', component: '>', segment: '~' };
/** Writes body segments as X12 and reads them back, so round trips also cross the text format. */
function throughText(body: ReturnType<typeof fromPurchaseOrder>) {
	const text = formatSegments(
		[
			{ id: 'ISA', elements: ['00', '          ', '00', '          ', 'ZZ', 'A              ', 'ZZ', 'B              ', '240101', '1200', 'U', '00401', '000000001', '0', 'T', '>'].map((v) => [[v]]) },
			...body,
		],
		delimiters,
	);
	return parseX12(text).interchanges[0].segments.slice(1);
}

describe('850 ↔ PurchaseOrder', () => {
	it('reads the VICS basic order: 6 lines worth 13045.94, ship-to, partner ids', () => {
		const [set] = setsOf('850-4010VICS-nodex12-basic.edi');
		const po = toPurchaseOrder(set.segments, set.context);
		expect(po.number).toBe('08292233294');
		expect(po.orderDate).toBe('2010-11-27');
		expect(po.requestedDate).toBe('2010-12-14');
		expect(po.lines).toHaveLength(6);
		expect(sumLines(po.lines)).toBe('13045.94');
		expect(po.totals?.total).toBe('13045.94');
		expect(po.lines[0]).toMatchObject({ lineNumber: '1', quantity: '120', unitOfMeasure: 'EA', unitPrice: '9.25', description: 'SMALL WIDGET' });
		expect(po.lines[0].item).toMatchObject({ supplierSku: 'AB3542', customerSku: '065322-117' });
		expect(po.shipTo).toMatchObject({ type: 'shipping', name: 'XYZ RETAIL', line1: '31875 SOLON RD', city: 'SOLON', region: 'OH', postalCode: '44139' });
		expect(po.externalIds).toEqual({ 'x12:4405197800': '08292233294' });
		expect(po.supplier.externalIds).toEqual({ x12: '999999999' });
		expect(po.extensions?.x12).toEqual({ references: { DP: '038', PS: 'R' } });
	});

	it('reads the Stedi 5010 drop-ship order: 2 lines worth 3700, buyer contact', () => {
		const [set] = setsOf('850-5010-stedi-dropship.edi');
		const po = toPurchaseOrder(set.segments, set.context);
		expect(po.lines).toHaveLength(2);
		expect(po.lines[0].quantity).toBe('8');
		expect(sumLines(po.lines)).toBe('3700');
		expect(po.totals?.total).toBe('3700');
		expect(po.lines[0].item).toMatchObject({ sku: 'ACM/8900-400', supplierSku: 'VND1234567' });
		expect(po.buyer).toMatchObject({ name: 'Marvin Acme', phone: '973-555-1212', email: 'marvin@acme.com' });
		expect(po.shipTo).toMatchObject({ name: 'Wile E Coyote', country: 'US' });
		expect(po.shippingMethod).toBe('FHD');
	});

	it('reads the same order as an inbound SalesOrder', () => {
		const [set] = setsOf('850-4010VICS-nodex12-basic.edi');
		const order = toSalesOrder(set.segments, set.context);
		expect(order.type).toBe('SalesOrder');
		expect(order.poNumber).toBe('08292233294');
		expect(order.customer.externalIds).toEqual({ x12: '4405197800' });
		expect(order.lines).toHaveLength(6);
	});

	it('X12 → canonical → X12 → canonical is stable for every 850 in the corpus', () => {
		for (const file of ['850-4010VICS-nodex12-basic.edi', '850-5010-stedi-dropship.edi', '850-4010-ediengine-sln-composite.edi', 'mixed-810-850-staedi-two-groups.edi']) {
			for (const set of setsOf(file).filter((entry) => entry.id === '850')) {
				const first = toPurchaseOrder(set.segments, set.context);
				const again = toPurchaseOrder(throughText(fromPurchaseOrder(first)), set.context);
				expect(again).toEqual(first);
			}
		}
	});

	it('canonical → X12 → canonical gives the same order', () => {
		const po: PurchaseOrder = {
			type: 'PurchaseOrder',
			externalIds: {},
			number: 'PO-77',
			orderDate: '2024-03-05',
			requestedDate: '2024-03-20',
			currency: 'USD',
			supplier: { name: 'Widget Co', code: 'W1' },
			shipTo: { type: 'shipping', name: 'DC 4', line1: '1 Dock Rd', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' },
			billTo: { type: 'billing', name: 'HQ', externalIds: { 'x12:92': 'HQ1' } },
			lines: [
				{ lineNumber: '1', quantity: '2.5', unitOfMeasure: 'LB', unitPrice: '4.1', item: { sku: 'S-1', gtin: '012345678905' }, description: 'Bolts' },
				{ lineNumber: '2', quantity: '10', unitOfMeasure: 'EA', unitPrice: '0.99', item: { customerSku: 'C-9', externalIds: { 'x12:MG': 'M-1' } } },
			],
			totals: { total: '20.15' },
		};
		const body = fromPurchaseOrder(po);
		expect(body.map((seg) => seg.id)).toEqual(['BEG', 'CUR', 'DTM', 'N1', 'N3', 'N4', 'N1', 'N1', 'PO1', 'PID', 'PO1', 'CTT', 'AMT']);
		expect(toPurchaseOrder(throughText(body))).toEqual(po);
	});
});

describe('855 ↔ OrderAck', () => {
	it('reads ACK codes IA, IR, IR, IA and schedule dates', () => {
		const [set] = setsOf('855-4010-nodex12-ack.edi');
		const ack = toOrderAck(set.segments, set.context);
		expect(ack.orderNumber).toBe('POTEST1112');
		expect(ack.ackDate).toBe('2020-10-15');
		expect(ack.lines.map((line) => line.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
		expect(ack.lines.map((line) => line.quantityAcknowledged)).toEqual(['3', '0', '0', '2']);
		expect(ack.lines[0].scheduledDate).toBe('2004-12-31');
		expect(ack.lines[0].item?.gtin).toBe('9780446360265');
	});

	it('reads the Stedi 855: 2 lines accepted (8 and 4) for order 365465413', () => {
		const [set] = setsOf('855-5010-stedi-dropship.edi');
		const ack = toOrderAck(set.segments, set.context);
		expect(ack).toMatchObject({ orderNumber: '365465413', status: 'accepted', ackDate: '2022-09-13' });
		expect(ack.lines.map((line) => [line.status, line.quantityAcknowledged])).toEqual([
			['accepted', '8'],
			['accepted', '4'],
		]);
	});

	it('round-trips both ways', () => {
		for (const file of ['855-4010-nodex12-ack.edi', '855-5010-stedi-dropship.edi']) {
			const [set] = setsOf(file);
			const first = toOrderAck(set.segments, set.context);
			expect(toOrderAck(throughText(fromOrderAck(first)), set.context)).toEqual(first);
		}
		const ack: OrderAck = {
			type: 'OrderAck',
			externalIds: {},
			orderNumber: 'PO-9',
			order: { code: 'PO-9' },
			ackDate: '2024-01-02',
			status: 'accepted_with_changes',
			lines: [
				{ lineNumber: '1', quantity: '5', unitOfMeasure: 'EA', unitPrice: '3', status: 'changed', quantityAcknowledged: '4', scheduledDate: '2024-02-01' },
				{ lineNumber: '2', quantity: '1', unitOfMeasure: 'EA', status: 'backordered' },
			],
		};
		expect(toOrderAck(throughText(fromOrderAck(ack)))).toEqual(ack);
	});
});

describe('856 ↔ Shipment', () => {
	it('reads the cross-dock S-O-P-I ASN: 2 orders, 5 packs, 5 items, 60 units', () => {
		const [set] = setsOf('856-4010-ediengine-crossdock-sopi.edi');
		const shipment = toShipment(set.segments, set.context);
		expect(shipment.extensions?.x12).toEqual({ billOfLading: '000001' });
		expect(shipment.number).toBe('000009');
		expect(shipment.shipDate).toBe('2009-09-21');
		expect(shipment.expectedDeliveryDate).toBe('2009-09-25');
		expect(shipment.carrier).toBe('OVNT');
		expect(shipment.packages).toHaveLength(5);
		expect(shipment.packages?.[0]).toEqual({ id: '00000715670002152360', sscc: '00000715670002152360', weight: { value: '6', unit: 'LB' } });
		expect(shipment.lines).toHaveLength(5);
		expect(addDecimals(...shipment.lines.map((line) => line.quantityShipped))).toBe('60');
		expect(shipment.lines.map((line) => line.orderNumber)).toEqual(['POREF00', 'POREF00', 'POREF00', 'POREF00', 'POREF01']);
		expect(shipment.lines[4].packageId).toBe('00000715670002152111');
		expect(shipment.shipFrom).toMatchObject({ name: 'SOME COMPANY', city: 'CITY' });
		expect(shipment.shipTo).toMatchObject({ name: 'RETAILER' });
	});

	it('reads the S-O-I ASN: 2 items, 30 units, no packs', () => {
		const [set] = setsOf('856-4060-nodex12-soi.edi');
		const shipment = toShipment(set.segments, set.context);
		expect(shipment.orderNumber).toBe('99999817');
		expect(shipment.packages).toBeUndefined();
		expect(addDecimals(...shipment.lines.map((line) => line.quantityShipped))).toBe('30');
		expect(shipment.lines.every((line) => line.orderNumber === '99999817' && line.packageId === undefined)).toBe(true);
		expect(shipment.lines.map((line) => [line.item?.supplierSku, line.item?.gtin, line.quantityShipped, line.description])).toEqual([
			['87787D', '999999310145', '24', 'BLUE WIDGET'],
			['99887D', '999999311746', '6', 'RED WIDGET'],
		]);
	});

	it('round-trips both ways and rebuilds the HL hierarchy', () => {
		for (const file of ['856-4010-ediengine-crossdock-sopi.edi', '856-4060-nodex12-soi.edi']) {
			const [set] = setsOf(file);
			const first = toShipment(set.segments, set.context);
			const body = fromShipment(first);
			expect(body.filter((seg) => seg.id === 'HL').length).toBe(set.segments.filter((seg) => seg.id === 'HL').length);
			expect(toShipment(throughText(body), set.context)).toEqual(first);
		}
		const shipment: Shipment = {
			type: 'Shipment',
			externalIds: {},
			number: 'ASN1',
			shipDate: '2024-05-01',
			carrier: 'UPSN',
			trackingNumbers: ['1Z999'],
			orderNumber: 'PO-1',
			packages: [{ id: '001234560000000018', sscc: '001234560000000018' }],
			lines: [
				{ lineNumber: '1', item: { sku: 'A' }, quantityShipped: '3', unitOfMeasure: 'EA', packageId: '001234560000000018', orderNumber: 'PO-1' },
				{
					lineNumber: '2',
					item: { sku: 'B' },
					quantityShipped: '1',
					unitOfMeasure: 'EA',
					quantityOrdered: '2',
					orderNumber: 'PO-2',
					lotNumber: 'L77',
					serialNumbers: ['S1', 'S2'],
				},
			],
		};
		const body = fromShipment(shipment);
		expect(body.filter((seg) => seg.id === 'LIN')[1].elements.map((el) => el[0][0])).toEqual(['2', 'SK', 'B', 'LT', 'L77', 'SN', 'S1', 'SN', 'S2']);
		expect(toShipment(throughText(body))).toEqual(shipment);
	});

	it('reports HL links it cannot follow instead of failing', () => {
		const [set] = setsOf('856-4060-nodex12-soi.edi');
		const segments = set.segments.map((seg) =>
			seg.id === 'HL' && seg.elements[0][0][0] === '2' ? { ...seg, elements: [[['2']], [['9']], [['O']]] } : seg,
		);
		const shipment = toShipment(segments, set.context);
		const diagnostics = (shipment.extensions?.x12 as { diagnostics: Array<{ code: string }> }).diagnostics;
		expect(diagnostics.map((d) => d.code)).toEqual(['HL_BAD_PARENT']);
		expect(shipment.lines).toHaveLength(2);
	});
});

describe('810 ↔ Invoice', () => {
	it('reads both staedi invoices: lines, TDS total, parties, terms', () => {
		const sets = setsOf('810-4010-staedi-two-invoices.edi');
		const [a, b] = sets.map((set) => toInvoice(set.segments, set.context));
		expect(a.number).toBe('00001');
		expect(a.date).toBe('1997-12-11');
		expect(a.poNumber).toBe('A99999-01');
		expect(a.lines).toHaveLength(7);
		expect(sumLines(a.lines)).toBe('2554.38');
		expect(a.totals?.total).toBe('2554.38');
		expect(a.lines[0].item?.gtin).toBe('002840022222');
		expect(a.lines[0].description).toBe('CRUNCHY CHIPS LSS');
		expect(a.customer).toMatchObject({ name: 'BUYSNACKS', code: '1223334444' });
		expect(a.billTo).toMatchObject({ line1: 'P.O. BOX 0000', city: 'TEMPLE' });
		expect(a.paymentTerms).toBe('1/15 NET 30');
		expect(b.lines).toHaveLength(2);
		expect(sumLines(b.lines)).toBe('1851');
		expect(b.totals?.total).toBe('2554.38');
	});

	it('round-trips both ways, including SAC charges', () => {
		for (const set of setsOf('810-4010-staedi-two-invoices.edi')) {
			const first = toInvoice(set.segments, set.context);
			expect(toInvoice(throughText(fromInvoice(first)), set.context)).toEqual(first);
		}
		const invoice: Invoice = {
			type: 'Invoice',
			externalIds: {},
			number: 'INV-5',
			date: '2024-06-30',
			poNumber: 'PO-5',
			order: { code: 'PO-5' },
			customer: { name: 'Acme', code: 'AC1' },
			billTo: { type: 'billing', name: 'Acme', externalIds: { 'x12:92': 'AC1' } },
			lines: [{ lineNumber: '1', quantity: '3', unitOfMeasure: 'EA', unitPrice: '10.5', item: { supplierSku: 'X' } }],
			totals: { shipping: '7.25', discount: '1', total: '37.75' },
			extensions: { x12: { charges: [{ indicator: 'C', code: 'H090', amount: '0.5', description: 'Handling' }] } },
		};
		const body = fromInvoice(invoice);
		expect(body.find((seg) => seg.id === 'TDS')?.elements[0][0][0]).toBe('3775');
		expect(toInvoice(throughText(body))).toEqual(invoice);
	});
});
