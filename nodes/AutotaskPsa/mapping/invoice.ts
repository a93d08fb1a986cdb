import type { Invoice } from '../../common/canonical';
import { subtractDecimals } from '../../common/canonical/decimal';
import { compact, decimal, identity, isoDate, ref, refId, str } from './common';
import type { AtRecord } from './common';

/**
 * An Autotask invoice header as a canonical Invoice. Autotask keeps the invoiced lines as billing
 * items (query Billing Items by invoiceID), so `lines` is empty here.
 */
export function fromAutotaskInvoice(invoice: AtRecord): Invoice {
	const total = decimal(invoice.invoiceTotal);
	const tax = decimal(invoice.totalTaxValue);
	const status: Invoice['status'] = invoice.isVoided === true ? 'void' : str(invoice.paidDate) ? 'paid' : 'open';
	return compact<Invoice>({
		type: 'Invoice',
		...identity(invoice),
		number: str(invoice.invoiceNumber),
		customer: ref(invoice.companyID) ?? {},
		date: isoDate(invoice.invoiceDateTime),
		dueDate: isoDate(invoice.dueDate),
		status,
		poNumber: str(invoice.orderNumber),
		notes: str(invoice.comments),
		paymentTerms: str(invoice.paymentTerm),
		lines: [],
		totals: compact({ total, tax, subtotal: total !== undefined && tax !== undefined ? subtractDecimals(total, tax) : undefined }),
	});
}

/** Invoices are created by Autotask's billing; only these header fields can be written. */
export function toAutotaskInvoice(invoice: Invoice): AtRecord {
	return compact({
		companyID: refId(invoice.customer),
		orderNumber: invoice.poNumber,
		comments: invoice.notes,
		isVoided: invoice.status === 'void' ? true : undefined,
	});
}
