import type { IDataObject } from 'n8n-workflow';

import { compact, toDecimal } from '../../common/canonical';
import type { CreditMemo, Invoice, InvoiceStatus, LineItem, Payment } from '../../common/canonical';
import { SYSTEM, addressFrom, addressTo, dateOf, fromMinor, fromUnix, idsOf, str, toMinor, toUnix } from './common';

function linesFrom(record: IDataObject): LineItem[] {
	const currency = record.currency_code;
	return ((Array.isArray(record.line_items) ? record.line_items : []) as IDataObject[]).map((line, index) =>
		compact({
			externalIds: idsOf(line.id),
			lineNumber: String(index + 1),
			item: str(line.entity_id) ? { code: String(line.entity_id), externalIds: idsOf(line.entity_id) } : undefined,
			description: str(line.description),
			quantity: toDecimal(line.quantity),
			unitPrice: fromMinor(line.unit_amount, currency),
			discountAmount: fromMinor(line.discount_amount, currency),
			taxAmount: fromMinor(line.tax_amount, currency),
			amount: fromMinor(line.amount, currency),
		}),
	);
}

function linesTo(lines: LineItem[], currency: unknown): IDataObject[] {
	return lines.map((line) =>
		compact({
			description: line.description ?? line.item?.code ?? 'Charge',
			unit_amount: toMinor(line.unitPrice ?? line.amount, currency),
			quantity: line.quantity !== undefined ? Number(line.quantity) : undefined,
		}) as IDataObject,
	);
}

const INVOICE_STATUS: Record<string, InvoiceStatus> = {
	paid: 'paid',
	posted: 'open',
	payment_due: 'open',
	not_paid: 'open',
	pending: 'draft',
	voided: 'void',
};

export function fromChargebeeInvoice(record: IDataObject): Invoice {
	const currency = record.currency_code;
	const paid = fromMinor(record.amount_paid, currency);
	let status = INVOICE_STATUS[String(record.status)];
	if (status === 'open' && paid !== undefined && paid !== '0') status = 'partially_paid';
	return compact({
		type: 'Invoice' as const,
		externalIds: idsOf(record.id),
		source: str(record.id) ? compact({ system: SYSTEM, id: String(record.id), updatedAt: fromUnix(record.updated_at) }) : undefined,
		number: str(record.id),
		customer: { externalIds: idsOf(record.customer_id) },
		agreement: str(record.subscription_id) ? { externalIds: idsOf(record.subscription_id) } : undefined,
		date: dateOf(record.date),
		dueDate: dateOf(record.due_date),
		status,
		currency: str(currency),
		poNumber: str(record.po_number),
		billTo: addressFrom(record.billing_address, 'billing'),
		lines: linesFrom(record),
		totals: {
			subtotal: fromMinor(record.sub_total, currency),
			tax: fromMinor(record.tax, currency),
			total: fromMinor(record.total, currency),
			amountPaid: paid,
			balance: fromMinor(record.amount_due, currency),
		},
	});
}

/** A canonical Invoice as the body of `POST /invoices/create_for_charge_items_and_charges` (one-off charges). */
export function toChargebeeInvoice(invoice: Invoice): IDataObject {
	return compact({
		customer_id: invoice.customer.externalIds?.[SYSTEM] ?? invoice.customer.code,
		subscription_id: invoice.agreement?.externalIds?.[SYSTEM],
		currency_code: invoice.currency,
		po_number: invoice.poNumber,
		invoice_date: toUnix(invoice.date),
		billing_address: addressTo(invoice.billTo),
		charges: linesTo(invoice.lines, invoice.currency).map((line) => ({ amount: Number(line.unit_amount) * Number(line.quantity ?? 1), description: line.description })),
	}) as IDataObject;
}

const CREDIT_STATUS: Record<string, CreditMemo['status']> = { adjusted: 'applied', refunded: 'applied', refund_due: 'open', voided: 'void' };

export function fromChargebeeCreditNote(record: IDataObject): CreditMemo {
	const currency = record.currency_code;
	return compact({
		type: 'CreditMemo' as const,
		externalIds: idsOf(record.id),
		source: str(record.id) ? compact({ system: SYSTEM, id: String(record.id), updatedAt: fromUnix(record.updated_at) }) : undefined,
		number: str(record.id),
		customer: { externalIds: idsOf(record.customer_id) },
		invoice: str(record.reference_invoice_id) ? { externalIds: idsOf(record.reference_invoice_id), code: String(record.reference_invoice_id) } : undefined,
		date: dateOf(record.date),
		status: CREDIT_STATUS[String(record.status)],
		currency: str(currency),
		reason: str(record.create_reason_code) ?? str(record.reason_code),
		lines: linesFrom(record),
		totals: { subtotal: fromMinor(record.sub_total, currency), total: fromMinor(record.total, currency) },
	});
}

/** A canonical CreditMemo as the body of `POST /credit_notes`. */
export function toChargebeeCreditNote(memo: CreditMemo): IDataObject {
	return compact({
		reference_invoice_id: memo.invoice?.externalIds?.[SYSTEM] ?? memo.invoice?.code,
		customer_id: memo.customer.externalIds?.[SYSTEM],
		type: 'refundable',
		total: toMinor(memo.totals?.total, memo.currency),
		create_reason_code: memo.reason,
		date: toUnix(memo.date),
	}) as IDataObject;
}

const PAYMENT_STATUS: Record<string, Payment['status']> = {
	success: 'succeeded',
	in_progress: 'pending',
	needs_attention: 'pending',
	failure: 'failed',
	timeout: 'failed',
	voided: 'void',
};

/** A transaction (payment or refund) as a canonical Payment. */
export function fromChargebeeTransaction(record: IDataObject): Payment {
	const currency = record.currency_code;
	const refund = record.type === 'refund';
	return compact({
		type: 'Payment' as const,
		externalIds: idsOf(record.id),
		source: str(record.id) ? compact({ system: SYSTEM, id: String(record.id), updatedAt: fromUnix(record.updated_at) }) : undefined,
		direction: refund ? ('outgoing' as const) : ('incoming' as const),
		party: { externalIds: idsOf(record.customer_id) },
		date: dateOf(record.date),
		amount: fromMinor(record.amount, currency) ?? '0',
		currency: str(currency),
		method: str(record.payment_method),
		reference: str(record.id_at_gateway) ?? str(record.reference_number),
		status: record.status === 'success' && refund ? ('refunded' as const) : PAYMENT_STATUS[String(record.status)],
		applications: ((Array.isArray(record.linked_invoices) ? record.linked_invoices : []) as IDataObject[]).map((link) => ({
			document: { externalIds: idsOf(link.invoice_id), code: str(link.invoice_id) },
			amount: fromMinor(link.applied_amount, currency) ?? '0',
		})),
	});
}

/** A canonical Payment as the body of `POST /invoices/{id}/record_payment` (`transaction[...]`). */
export function toChargebeeTransaction(payment: Payment): IDataObject {
	return compact({
		transaction: compact({
			amount: toMinor(payment.amount, payment.currency),
			payment_method: payment.method ?? 'other',
			reference_number: payment.reference,
			date: toUnix(payment.date),
		}),
	}) as IDataObject;
}
