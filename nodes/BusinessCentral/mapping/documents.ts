import { compact, compareDecimals } from '../../common/canonical';
import type { CreditMemo, Invoice, LineItem, OrderStatus, PurchaseOrder, SalesOrder, Shipment, ShipmentLine } from '../../common/canonical';
import { date, decimal, guid, identity, num, readAddress, ref, refId, str, SYSTEM, writeAddress, type BcRecord } from './common';

function lines(record: BcRecord, set: string): BcRecord[] {
	const value = record[set];
	return Array.isArray(value) ? (value as BcRecord[]) : [];
}

function fromLine(line: BcRecord, priceField: 'unitPrice' | 'directUnitCost'): LineItem {
	const isItem = str(line.lineType) === 'Item';
	return compact({
		externalIds: str(line.id) ? { [SYSTEM]: String(line.id) } : undefined,
		lineNumber: str(line.sequence),
		item: isItem ? compact({ ...ref(line.itemId, line.lineObjectNumber), sku: str(line.lineObjectNumber) }) : undefined,
		description: str(line.description),
		quantity: decimal(line.quantity),
		unitOfMeasure: str(line.unitOfMeasureCode),
		[priceField === 'unitPrice' ? 'unitPrice' : 'unitCost']: decimal(line[priceField]),
		discountAmount: decimal(line.discountAmount),
		taxAmount: decimal(line.totalTaxAmount),
		amount: decimal(line.amountExcludingTax),
		requestedDate: date(line.shipmentDate ?? line.expectedReceiptDate),
		extensions: undefined,
	}) as LineItem;
}

function toLine(line: LineItem, priceField: 'unitPrice' | 'directUnitCost'): BcRecord {
	const itemId = line.item?.externalIds?.[SYSTEM];
	const number = line.item?.sku ?? line.item?.code;
	const price = priceField === 'unitPrice' ? line.unitPrice : (line.unitCost ?? line.unitPrice);
	return compact({
		lineType: itemId || number ? 'Item' : 'Comment',
		itemId,
		lineObjectNumber: itemId ? undefined : number,
		description: line.description,
		quantity: num(line.quantity),
		unitOfMeasureCode: line.unitOfMeasure,
		[priceField]: num(price),
		discountAmount: num(line.discountAmount),
	});
}

function totals(record: BcRecord, balance?: unknown) {
	return compact({
		subtotal: decimal(record.totalAmountExcludingTax),
		discount: decimal(record.discountAmount),
		tax: decimal(record.totalTaxAmount),
		total: decimal(record.totalAmountIncludingTax),
		balance: decimal(balance),
	});
}

function orderStatus(record: BcRecord, complete: unknown): OrderStatus | undefined {
	const status = str(record.status);
	if (complete === true) return 'fulfilled';
	if (status === 'Draft' || status === 'In Review') return 'draft';
	if (status === 'Open' || status === 'Released') return 'open';
	return undefined;
}

/** A Business Central sales order (with `salesOrderLines` when expanded) as a canonical SalesOrder. */
export function fromBusinessCentralSalesOrder(record: BcRecord): SalesOrder {
	return compact({
		type: 'SalesOrder' as const,
		...identity(record),
		number: str(record.number),
		poNumber: str(record.externalDocumentNumber),
		customer: ref(record.customerId, record.customerNumber, record.customerName) ?? {},
		orderDate: date(record.orderDate),
		requestedDate: date(record.requestedDeliveryDate),
		status: orderStatus(record, record.fullyShipped),
		currency: str(record.currencyCode),
		billTo: readAddress(record, 'billTo', 'billing', record.billToName),
		shipTo: readAddress(record, 'shipTo', 'shipping', record.shipToName),
		lines: lines(record, 'salesOrderLines').map((l) => fromLine(l, 'unitPrice')),
		totals: totals(record),
		extensions: { [SYSTEM]: compact({ status: str(record.status), salesperson: str(record.salesperson) }) },
	});
}

export function toBusinessCentralSalesOrder(order: SalesOrder): BcRecord {
	const customerId = refId(order.customer);
	return compact({
		externalDocumentNumber: order.poNumber,
		orderDate: order.orderDate,
		requestedDeliveryDate: order.requestedDate,
		customerId,
		customerNumber: customerId ? undefined : order.customer.code,
		currencyCode: order.currency,
		shipToName: order.shipTo?.name,
		...writeAddress(order.shipTo, 'shipTo'),
		salesOrderLines: order.lines.map((l) => toLine(l, 'unitPrice')),
	});
}

export function fromBusinessCentralPurchaseOrder(record: BcRecord): PurchaseOrder {
	return compact({
		type: 'PurchaseOrder' as const,
		...identity(record),
		number: str(record.number),
		supplier: ref(record.vendorId, record.vendorNumber, record.vendorName) ?? {},
		orderDate: date(record.orderDate),
		expectedDate: date(record.requestedReceiptDate),
		status: orderStatus(record, record.fullyReceived),
		currency: str(record.currencyCode),
		billTo: readAddress(record, 'payTo', 'remit_to', record.payToName),
		shipTo: readAddress(record, 'shipTo', 'shipping', record.shipToName),
		lines: lines(record, 'purchaseOrderLines').map((l) => fromLine(l, 'directUnitCost')),
		totals: totals(record),
		extensions: { [SYSTEM]: compact({ status: str(record.status), purchaser: str(record.purchaser) }) },
	});
}

export function toBusinessCentralPurchaseOrder(order: PurchaseOrder): BcRecord {
	const vendorId = refId(order.supplier);
	return compact({
		orderDate: order.orderDate,
		requestedReceiptDate: order.expectedDate ?? order.requestedDate,
		vendorId,
		vendorNumber: vendorId ? undefined : order.supplier.code,
		currencyCode: order.currency,
		shipToName: order.shipTo?.name,
		...writeAddress(order.shipTo, 'shipTo'),
		purchaseOrderLines: order.lines.map((l) => toLine(l, 'directUnitCost')),
	});
}

/** Posted sales shipments (with `salesShipmentLines` when expanded); read-only in Business Central. */
export function fromBusinessCentralShipment(record: BcRecord): Shipment {
	return compact({
		type: 'Shipment' as const,
		...identity(record),
		number: str(record.number),
		orderNumber: str(record.orderNumber),
		order: str(record.orderNumber) ? { code: str(record.orderNumber) } : undefined,
		shipDate: date(record.postingDate),
		status: 'shipped' as const,
		carrier: str(record.shipmentMethodCode),
		shipTo: readAddress(record, 'shipTo', 'shipping', record.shipToName),
		lines: lines(record, 'salesShipmentLines').map(
			(l): ShipmentLine =>
				compact({
					externalIds: str(l.id) ? { [SYSTEM]: String(l.id) } : undefined,
					lineNumber: str(l.sequence),
					item: str(l.lineType) === 'Item' ? { sku: str(l.lineObjectNumber), code: str(l.lineObjectNumber) } : undefined,
					description: str(l.description),
					quantityShipped: decimal(l.quantity) ?? '0',
					unitOfMeasure: str(l.unitOfMeasureCode),
					unitPrice: decimal(l.unitPrice),
					orderNumber: str(record.orderNumber),
				}),
		),
	});
}

/** Shipments are posted from orders in Business Central; the way back only identifies the shipment. */
export function toBusinessCentralShipment(shipment: Shipment): BcRecord {
	return compact({ id: shipment.externalIds?.[SYSTEM], number: shipment.number, orderNumber: shipment.orderNumber ?? shipment.order?.code });
}

function invoiceStatus(record: BcRecord): Invoice['status'] {
	switch (str(record.status)) {
		case 'Draft':
		case 'In Review':
			return 'draft';
		case 'Paid':
			return 'paid';
		case 'Canceled':
			return 'void';
		case 'Open': {
			const total = decimal(record.totalAmountIncludingTax);
			const remaining = decimal(record.remainingAmount);
			return total && remaining && compareDecimals(remaining, total) < 0 ? 'partially_paid' : 'open';
		}
		default:
			return undefined;
	}
}

export function fromBusinessCentralInvoice(record: BcRecord): Invoice {
	return compact({
		type: 'Invoice' as const,
		...identity(record),
		number: str(record.number),
		customer: ref(record.customerId, record.customerNumber, record.customerName) ?? {},
		date: date(record.invoiceDate),
		dueDate: date(record.dueDate),
		status: invoiceStatus(record),
		currency: str(record.currencyCode),
		poNumber: str(record.externalDocumentNumber),
		order: ref(record.orderId, record.orderNumber),
		billTo: readAddress(record, 'billTo', 'billing', record.billToName),
		shipTo: readAddress(record, 'shipTo', 'shipping', record.shipToName),
		lines: lines(record, 'salesInvoiceLines').map((l) => fromLine(l, 'unitPrice')),
		totals: totals(record, record.remainingAmount),
		extensions: { [SYSTEM]: compact({ status: str(record.status) }) },
	});
}

export function toBusinessCentralInvoice(invoice: Invoice): BcRecord {
	const customerId = refId(invoice.customer);
	return compact({
		externalDocumentNumber: invoice.poNumber,
		invoiceDate: invoice.date,
		dueDate: invoice.dueDate,
		customerId,
		customerNumber: customerId ? undefined : invoice.customer.code,
		currencyCode: invoice.currency,
		salesInvoiceLines: invoice.lines.map((l) => toLine(l, 'unitPrice')),
	});
}

export function fromBusinessCentralCreditMemo(record: BcRecord): CreditMemo {
	const status = str(record.status);
	return compact({
		type: 'CreditMemo' as const,
		...identity(record),
		number: str(record.number),
		customer: ref(record.customerId, record.customerNumber, record.customerName) ?? {},
		date: date(record.creditMemoDate),
		status: status === 'Open' ? ('open' as const) : status === 'Paid' ? ('applied' as const) : status === 'Canceled' ? ('void' as const) : undefined,
		currency: str(record.currencyCode),
		poNumber: str(record.externalDocumentNumber),
		invoice: ref(record.invoiceId, record.invoiceNumber),
		billTo: readAddress(record, 'billTo', 'billing', record.billToName),
		lines: lines(record, 'salesCreditMemoLines').map((l) => fromLine(l, 'unitPrice')),
		totals: totals(record),
		extensions: { [SYSTEM]: compact({ status }) },
	});
}

export function toBusinessCentralCreditMemo(memo: CreditMemo): BcRecord {
	const customerId = refId(memo.customer);
	return compact({
		externalDocumentNumber: memo.poNumber,
		creditMemoDate: memo.date,
		customerId,
		customerNumber: customerId ? undefined : memo.customer.code,
		currencyCode: memo.currency,
		invoiceId: guid(refId(memo.invoice)),
		salesCreditMemoLines: memo.lines.map((l) => toLine(l, 'unitPrice')),
	});
}
