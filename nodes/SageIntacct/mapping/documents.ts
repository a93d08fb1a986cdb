import type { LineItem, OrderStatus, PurchaseOrder, SalesOrder, Shipment, ShipmentLine } from '../../common/canonical';
import { addressFrom, children, compact, dateFrom, dateTo, dec, ids, lineFrom, obj, ref, refId, source, str } from './common';
import type { IntacctRecord } from './common';


/** Order Entry / Purchasing document states (as readByQuery returns them). */
const STATES: Record<string, OrderStatus> = {
	Draft: 'draft',
	Pending: 'open',
	'In Progress': 'open',
	'Partially Converted': 'partially_fulfilled',
	'Partially Converted By Line': 'partially_fulfilled',
	Converted: 'fulfilled',
	'Converted By Line': 'fulfilled',
	Closed: 'closed',
	Canceled: 'cancelled',
};

const LINE = { qty: 'QUANTITY', price: 'PRICE', amount: 'TOTAL' };

function entries(record: IntacctRecord, readName: string, createName: string, createItem: string): IntacctRecord[] {
	const read = children(record[readName], readName.replace(/IES$/, 'Y'));
	return read.length > 0 ? read : children(record[createName], createItem);
}

function totals(record: IntacctRecord) {
	return compact({ subtotal: dec(record.SUBTOTAL), total: dec(record.TOTAL) });
}

export function fromIntacctSalesOrder(record: IntacctRecord): SalesOrder {
	return compact<SalesOrder>({
		type: 'SalesOrder',
		externalIds: ids(record),
		source: source(record),
		number: str(record.DOCNO) ?? str(record.DOCID),
		orderDate: dateFrom(record.WHENCREATED),
		requestedDate: dateFrom(record.WHENDUE),
		status: STATES[str(record.STATE) ?? ''],
		currency: str(record.CURRENCY),
		customer: ref(record.CUSTVENDID ?? record.CUSTOMERID, record.CUSTVENDNAME) ?? {},
		poNumber: str(record.PONUMBER),
		billTo: addressFrom(record.BILLTO, 'billing'),
		shipTo: addressFrom(record.SHIPTO, 'shipping'),
		lines: entries(record, 'SODOCUMENTENTRIES', 'SOTRANSITEMS', 'sotransitem').map((l) => lineFrom(l, LINE)),
		totals: totals(record),
		paymentTerms: str(record.TERMNAME),
		shippingMethod: str(record.SHIPVIA),
		notes: str(record.MESSAGE) ?? str(record.NOTE),
	});
}

function linesTo(lines: LineItem[], item: string): IntacctRecord {
	return {
		[item]: lines.map((line) =>
			compact({
				ITEMID: line.item?.sku ?? refId(line.item),
				ITEMDESC: line.description,
				QUANTITY: line.quantity,
				UNIT: line.unitOfMeasure,
				PRICE: line.unitPrice,
			}),
		),
	};
}

/** The generic create shape: TRANSACTIONTYPE + SOTRANSITEMS/sotransitem (the read shape differs). */
export function toIntacctSalesOrder(order: SalesOrder, transactionType = 'Sales Order'): IntacctRecord {
	return compact({
		TRANSACTIONTYPE: transactionType,
		DATECREATED: dateTo(order.orderDate),
		DATEDUE: dateTo(order.requestedDate),
		CUSTOMERID: refId(order.customer),
		DOCUMENTNO: order.number,
		PONUMBER: order.poNumber,
		CURRENCY: order.currency,
		TERMNAME: order.paymentTerms,
		SHIPVIA: order.shippingMethod,
		MESSAGE: order.notes,
		SOTRANSITEMS: linesTo(order.lines, 'sotransitem'),
	});
}

export function fromIntacctPurchaseOrder(record: IntacctRecord): PurchaseOrder {
	return compact<PurchaseOrder>({
		type: 'PurchaseOrder',
		externalIds: ids(record),
		source: source(record),
		number: str(record.DOCNO) ?? str(record.DOCID),
		orderDate: dateFrom(record.WHENCREATED),
		expectedDate: dateFrom(record.WHENDUE),
		status: STATES[str(record.STATE) ?? ''],
		currency: str(record.CURRENCY),
		supplier: ref(record.CUSTVENDID ?? record.VENDORID, record.CUSTVENDNAME) ?? {},
		shipTo: addressFrom(record.SHIPTO, 'shipping'),
		lines: entries(record, 'PODOCUMENTENTRIES', 'POTRANSITEMS', 'potransitem').map((l) => lineFrom(l, LINE)),
		totals: totals(record),
		paymentTerms: str(record.TERMNAME),
		notes: str(record.MESSAGE),
	});
}

export function toIntacctPurchaseOrder(order: PurchaseOrder, transactionType = 'Purchase Order'): IntacctRecord {
	return compact({
		TRANSACTIONTYPE: transactionType,
		DATECREATED: dateTo(order.orderDate),
		DATEDUE: dateTo(order.expectedDate),
		VENDORID: refId(order.supplier),
		DOCUMENTNO: order.number,
		CURRENCY: order.currency,
		TERMNAME: order.paymentTerms,
		MESSAGE: order.notes,
		POTRANSITEMS: linesTo(order.lines, 'potransitem'),
	});
}

/** A shipper: an Order Entry document converted from the sales order (CREATEDFROM names it). */
export function fromIntacctShipment(record: IntacctRecord): Shipment {
	const state = str(record.STATE);
	const lines = entries(record, 'SODOCUMENTENTRIES', 'SOTRANSITEMS', 'sotransitem').map(
		(l): ShipmentLine => ({ ...lineFrom(l, LINE), quantityShipped: dec(l.QUANTITY) ?? '0' }),
	);
	const createdFrom = str(record.CREATEDFROM);
	return compact<Shipment>({
		type: 'Shipment',
		externalIds: ids(record),
		source: source(record),
		number: str(record.DOCNO) ?? str(record.DOCID),
		order: createdFrom ? { code: createdFrom } : undefined,
		orderNumber: createdFrom?.replace(/^.*-/, ''),
		shipDate: dateFrom(record.WHENCREATED),
		status: state === 'Draft' ? 'pending' : state === 'Canceled' ? 'cancelled' : 'shipped',
		carrier: str(record.SHIPVIA),
		trackingNumbers: str(record.TRACKINGNUMBER) ? [String(record.TRACKINGNUMBER)] : undefined,
		shipTo: addressFrom(obj(record.SHIPTO), 'shipping'),
		lines,
	});
}

export function toIntacctShipment(shipment: Shipment, transactionType = 'Shipper'): IntacctRecord {
	return compact({
		TRANSACTIONTYPE: transactionType,
		DATECREATED: dateTo(shipment.shipDate),
		CREATEDFROM: shipment.order?.code,
		CUSTOMERID: undefined,
		DOCUMENTNO: shipment.number,
		SHIPVIA: shipment.carrier,
		TRACKINGNUMBER: shipment.trackingNumbers?.[0],
		SOTRANSITEMS: {
			sotransitem: shipment.lines.map((line) =>
				compact({ ITEMID: line.item?.sku ?? refId(line.item), QUANTITY: line.quantityShipped, UNIT: line.unitOfMeasure }),
			),
		},
	});
}
