import { compact } from '../../common/canonical';
import type { Payment } from '../../common/canonical';
import { date, decimal, identity, num, ref, refId, str, SYSTEM, type BcRecord } from './common';

/** A line of a customer payment journal: a received payment, pending until the journal is posted. */
export function fromBusinessCentralPayment(record: BcRecord): Payment {
	const invoice = ref(record.appliesToInvoiceId, record.appliesToInvoiceNumber);
	const amount = decimal(record.amount) ?? '0';
	return compact({
		type: 'Payment' as const,
		...identity(record),
		direction: 'incoming' as const,
		party: ref(record.customerId, record.customerNumber) ?? {},
		date: date(record.postingDate),
		amount,
		reference: str(record.externalDocumentNumber) ?? str(record.documentNumber),
		status: 'pending' as const,
		applications: invoice ? [{ document: invoice, amount }] : [],
		extensions: { [SYSTEM]: compact({ journalId: str(record.journalId), documentNumber: str(record.documentNumber), description: str(record.description) }) },
	});
}

export function toBusinessCentralPayment(payment: Payment): BcRecord {
	const customerId = refId(payment.party);
	const applied = payment.applications?.[0]?.document;
	const invoiceId = refId(applied);
	return compact({
		customerId,
		customerNumber: customerId ? undefined : payment.party.code,
		postingDate: payment.date,
		amount: num(payment.amount),
		externalDocumentNumber: payment.reference,
		appliesToInvoiceId: invoiceId,
		appliesToInvoiceNumber: invoiceId ? undefined : applied?.code,
	});
}
