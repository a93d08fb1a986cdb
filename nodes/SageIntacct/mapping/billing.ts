import type { CreditMemo, Invoice, InvoiceStatus, LineItem, Payment } from '../../common/canonical';
import { children, compact, dateFrom, dateTo, dec, ids, ref, refId, source, str, SYSTEM } from './common';
import type { IntacctRecord } from './common';

const INVOICE_STATES: Record<string, InvoiceStatus> = {
	Draft: 'draft',
	Posted: 'open',
	'Partially Paid': 'partially_paid',
	Paid: 'paid',
	Reversed: 'void',
};

function amountLines(container: unknown, item: string): LineItem[] {
	return children(container, item).map((line) =>
		compact<LineItem>({
			externalIds: str(line.RECORDNO) ? { [SYSTEM]: String(line.RECORDNO) } : undefined,
			lineNumber: str(line.LINE_NO),
			description: str(line.MEMO) ?? str(line.ENTRYDESCRIPTION),
			amount: dec(line.AMOUNT ?? line.TRX_AMOUNT),
			item: str(line.ITEMID) ? { externalIds: { [SYSTEM]: String(line.ITEMID) }, sku: String(line.ITEMID) } : undefined,
		}),
	);
}

function amountLinesTo(lines: LineItem[], item: string, account?: string): IntacctRecord {
	return {
		[item]: lines.map((line) =>
			compact({
				ACCOUNTNO: account,
				AMOUNT: line.amount,
				MEMO: line.description,
				ITEMID: line.item?.sku,
			}),
		),
	};
}

export function fromIntacctInvoice(record: IntacctRecord): Invoice {
	return compact<Invoice>({
		type: 'Invoice',
		externalIds: ids(record),
		source: source(record),
		number: str(record.RECORDID),
		customer: ref(record.CUSTOMERID, record.CUSTOMERNAME) ?? {},
		date: dateFrom(record.WHENCREATED),
		dueDate: dateFrom(record.WHENDUE),
		status: INVOICE_STATES[str(record.STATE) ?? ''],
		currency: str(record.CURRENCY),
		paymentTerms: str(record.TERMNAME),
		poNumber: str(record.DOCNUMBER),
		lines: amountLines(record.ARINVOICEITEMS, 'arinvoiceitem'),
		totals: compact({ total: dec(record.TOTALENTERED), amountPaid: dec(record.TOTALPAID), balance: dec(record.TOTALDUE) }),
		notes: str(record.DESCRIPTION),
	});
}

export function toIntacctInvoice(invoice: Invoice, revenueAccount?: string): IntacctRecord {
	return compact({
		CUSTOMERID: refId(invoice.customer),
		WHENCREATED: dateTo(invoice.date),
		WHENDUE: dateTo(invoice.dueDate),
		RECORDID: invoice.number,
		DOCNUMBER: invoice.poNumber,
		CURRENCY: invoice.currency,
		TERMNAME: invoice.paymentTerms,
		DESCRIPTION: invoice.notes,
		ARINVOICEITEMS: amountLinesTo(invoice.lines, 'arinvoiceitem', revenueAccount),
	});
}

export function fromIntacctCreditMemo(record: IntacctRecord): CreditMemo {
	const state = str(record.STATE);
	return compact<CreditMemo>({
		type: 'CreditMemo',
		externalIds: ids(record),
		source: source(record),
		number: str(record.RECORDID),
		customer: ref(record.CUSTOMERID, record.CUSTOMERNAME) ?? {},
		date: dateFrom(record.WHENCREATED),
		status: state === 'Paid' || state === 'Applied' ? 'applied' : state === 'Reversed' ? 'void' : state ? 'open' : undefined,
		currency: str(record.CURRENCY),
		lines: amountLines(record.ARADJUSTMENTITEMS, 'aradjustmentitem'),
		totals: compact({ total: dec(record.TOTALENTERED), balance: dec(record.TOTALDUE) }),
		reason: str(record.DESCRIPTION),
	});
}

export function toIntacctCreditMemo(memo: CreditMemo, account?: string): IntacctRecord {
	return compact({
		CUSTOMERID: refId(memo.customer),
		WHENCREATED: dateTo(memo.date),
		RECORDID: memo.number,
		CURRENCY: memo.currency,
		DESCRIPTION: memo.reason,
		ARADJUSTMENTITEMS: amountLinesTo(memo.lines, 'aradjustmentitem', account),
	});
}

export function fromIntacctPayment(record: IntacctRecord): Payment {
	const state = str(record.STATE);
	return compact<Payment>({
		type: 'Payment',
		externalIds: ids(record),
		source: source(record),
		direction: 'incoming',
		party: ref(record.CUSTOMERID, record.CUSTOMERNAME) ?? {},
		date: dateFrom(record.RECEIPTDATE ?? record.PAYMENTDATE),
		amount: dec(record.TOTALENTERED ?? record.PAYMENTAMOUNT) ?? '0',
		currency: str(record.CURRENCY),
		method: str(record.PAYMENTMETHOD),
		reference: str(record.DOCNUMBER),
		status: state === 'Voided' || state === 'Reversed' ? 'void' : state ? 'succeeded' : undefined,
		applications: children(record.ARPYMTDETAILS, 'arpymtdetail').map((d) => ({
			document: { externalIds: { [SYSTEM]: String(d.RECORDKEY ?? '') } },
			amount: dec(d.TRX_PAYMENTAMOUNT) ?? '0',
		})),
	});
}

export function toIntacctPayment(payment: Payment): IntacctRecord {
	const applications = payment.applications ?? [];
	return compact({
		CUSTOMERID: refId(payment.party),
		PAYMENTMETHOD: payment.method,
		DOCNUMBER: payment.reference,
		RECEIPTDATE: dateTo(payment.date),
		CURRENCY: payment.currency,
		// Applied payments carry their amount in the details; Intacct totals them.
		PAYMENTAMOUNT: applications.length === 0 ? payment.amount : undefined,
		ARPYMTDETAILS:
			applications.length > 0
				? { arpymtdetail: applications.map((a) => ({ RECORDKEY: refId(a.document), TRX_PAYMENTAMOUNT: a.amount })) }
				: undefined,
	});
}
