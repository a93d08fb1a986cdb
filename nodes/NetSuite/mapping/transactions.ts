import type { CreditMemo, Invoice, InvoiceStatus, OrderStatus, PurchaseOrder, SalesOrder, Shipment, ShipmentLine, Payment } from '../../common/canonical';
import { compact, decimal, externalIdFor, fromRef, identity, isoDate, linesFrom, linesTo, num, obj, str, sublist, toRef } from './common';
import type { NsRecord } from './common';

const SO_STATUS: Record<string, OrderStatus> = {
	A: 'draft',
	B: 'open',
	C: 'cancelled',
	D: 'partially_fulfilled',
	E: 'partially_fulfilled',
	F: 'fulfilled',
	G: 'closed',
	H: 'closed',
};
const PO_STATUS: Record<string, OrderStatus> = { A: 'draft', B: 'open', C: 'cancelled', D: 'partially_fulfilled', E: 'partially_fulfilled', F: 'fulfilled', G: 'closed', H: 'closed' };
const INVOICE_STATUS: Record<string, InvoiceStatus> = { A: 'open', B: 'paid', V: 'void' };

const statusId = (record: NsRecord): string | undefined => str(obj(record.status)?.id);

function totals(record: NsRecord) {
	return compact({
		subtotal: decimal(record.subtotal),
		tax: decimal(record.taxTotal),
		discount: decimal(record.discountTotal),
		shipping: decimal(record.shippingCost),
		total: decimal(record.total),
		balance: decimal(record.amountRemaining),
	});
}

export function fromNetSuiteSalesOrder(record: NsRecord): SalesOrder {
	const status = statusId(record);
	return compact<SalesOrder>({
		type: 'SalesOrder',
		...identity(record),
		number: str(record.tranId),
		orderDate: isoDate(record.tranDate),
		status: status ? SO_STATUS[status] : undefined,
		currency: str(obj(record.currency)?.refName),
		customer: fromRef(record.entity) ?? {},
		poNumber: str(record.otherRefNum),
		lines: linesFrom(record),
		totals: totals(record),
		notes: str(record.memo),
		shippingMethod: str(obj(record.shipMethod)?.refName),
	});
}

export function toNetSuiteSalesOrder(order: SalesOrder): NsRecord {
	return compact({
		entity: toRef(order.customer),
		tranDate: order.orderDate,
		otherRefNum: order.poNumber,
		memo: order.notes,
		item: linesTo(order.lines),
		externalId: externalIdFor(order),
	});
}

export function fromNetSuitePurchaseOrder(record: NsRecord): PurchaseOrder {
	const status = statusId(record);
	return compact<PurchaseOrder>({
		type: 'PurchaseOrder',
		...identity(record),
		number: str(record.tranId),
		orderDate: isoDate(record.tranDate),
		expectedDate: isoDate(record.dueDate),
		status: status ? PO_STATUS[status] : undefined,
		currency: str(obj(record.currency)?.refName),
		supplier: fromRef(record.entity) ?? {},
		lines: linesFrom(record),
		totals: totals(record),
		notes: str(record.memo),
	});
}

export function toNetSuitePurchaseOrder(order: PurchaseOrder): NsRecord {
	return compact({
		entity: toRef(order.supplier),
		tranDate: order.orderDate,
		dueDate: order.expectedDate,
		memo: order.notes,
		item: linesTo(order.lines),
		externalId: externalIdFor(order),
	});
}

export function fromNetSuiteInvoice(record: NsRecord): Invoice {
	const status = statusId(record);
	return compact<Invoice>({
		type: 'Invoice',
		...identity(record),
		number: str(record.tranId),
		customer: fromRef(record.entity) ?? {},
		date: isoDate(record.tranDate),
		dueDate: isoDate(record.dueDate),
		status: status ? INVOICE_STATUS[status] : undefined,
		currency: str(obj(record.currency)?.refName),
		poNumber: str(record.otherRefNum),
		order: fromRef(record.createdFrom),
		lines: linesFrom(record),
		totals: totals(record),
		notes: str(record.memo),
	});
}

export function toNetSuiteInvoice(invoice: Invoice): NsRecord {
	return compact({
		entity: toRef(invoice.customer),
		tranDate: invoice.date,
		dueDate: invoice.dueDate,
		otherRefNum: invoice.poNumber,
		memo: invoice.notes,
		item: linesTo(invoice.lines),
		externalId: externalIdFor(invoice),
	});
}

export function fromNetSuiteCreditMemo(record: NsRecord): CreditMemo {
	const status = statusId(record);
	return compact<CreditMemo>({
		type: 'CreditMemo',
		...identity(record),
		number: str(record.tranId),
		customer: fromRef(record.entity) ?? {},
		date: isoDate(record.tranDate),
		status: status === 'B' ? 'applied' : status === 'V' ? 'void' : status ? 'open' : undefined,
		currency: str(obj(record.currency)?.refName),
		invoice: fromRef(record.createdFrom),
		lines: linesFrom(record),
		totals: totals(record),
		notes: str(record.memo),
	});
}

export function toNetSuiteCreditMemo(memo: CreditMemo): NsRecord {
	return compact({
		entity: toRef(memo.customer),
		tranDate: memo.date,
		memo: memo.notes ?? memo.reason,
		item: linesTo(memo.lines),
		externalId: externalIdFor(memo),
	});
}

export function fromNetSuiteItemFulfillment(record: NsRecord): Shipment {
	const ship = str(obj(record.shipStatus)?.id);
	return compact<Shipment>({
		type: 'Shipment',
		...identity(record),
		number: str(record.tranId),
		order: fromRef(record.createdFrom),
		shipDate: isoDate(record.tranDate),
		status: ship === 'C' ? 'shipped' : ship ? 'pending' : undefined,
		carrier: str(obj(record.shipMethod)?.refName),
		trackingNumbers: str(record.trackingNumbers)?.split(/[\s,]+/).filter(Boolean),
		lines: sublist(record, 'item')
			.filter((line) => line.itemReceive !== false)
			.map((line) =>
				compact<ShipmentLine>({
					lineNumber: str(line.line),
					item: fromRef(line.item),
					quantityShipped: decimal(line.quantity) ?? '0',
					description: str(line.description),
				}),
			),
	});
}

/** The body of a `!transform/itemFulfillment` from the sales order: which lines ship, and how many. */
export function toNetSuiteItemFulfillment(shipment: Shipment): NsRecord {
	return compact({
		tranDate: shipment.shipDate,
		trackingNumbers: shipment.trackingNumbers?.join(' '),
		memo: shipment.carrier ? `Carrier: ${shipment.carrier}` : undefined,
		item: {
			items: shipment.lines.map((line) => compact({ item: toRef(line.item), quantity: num(line.quantityShipped), itemReceive: true })),
		},
		externalId: externalIdFor(shipment),
	});
}

export function fromNetSuiteCustomerPayment(record: NsRecord): Payment {
	return compact<Payment>({
		type: 'Payment',
		...identity(record),
		direction: 'incoming',
		party: fromRef(record.customer) ?? {},
		date: isoDate(record.tranDate),
		amount: decimal(record.payment) ?? '0',
		currency: str(obj(record.currency)?.refName),
		method: str(obj(record.paymentMethod)?.refName),
		reference: str(record.tranId),
		status: 'succeeded',
		applications: sublist(record, 'apply')
			.filter((a) => a.apply !== false)
			.map((a) => ({ document: fromRef(a.doc) ?? {}, amount: decimal(a.amount) ?? '0' })),
	});
}

export function toNetSuiteCustomerPayment(payment: Payment): NsRecord {
	return compact({
		customer: toRef(payment.party),
		tranDate: payment.date,
		payment: num(payment.amount),
		memo: payment.reference,
		apply: payment.applications
			? { items: payment.applications.map((a) => compact({ doc: toRef(a.document), apply: true, amount: num(a.amount) })) }
			: undefined,
		externalId: externalIdFor(payment),
	});
}
