import type { Agreement, AgreementLine, Interval } from '../../common/canonical';
import {
	compact,
	currencyFrom,
	cwDate,
	decimal,
	fromRef,
	identity,
	isoDate,
	lookup,
	num,
	obj,
	str,
	toRef,
} from './common';
import type { CwRecord } from './common';

const STATUSES: Record<string, NonNullable<Agreement['status']>> = {
	Active: 'active',
	Cancelled: 'cancelled',
	Expired: 'expired',
	Inactive: 'inactive',
};

// Billing cycles are configurable records; the names ConnectWise ships with are recognised.
const CYCLES: Record<string, Interval> = {
	Weekly: { unit: 'week', count: 1 },
	'Bi-Weekly': { unit: 'week', count: 2 },
	Monthly: { unit: 'month', count: 1 },
	'Bi-Monthly': { unit: 'month', count: 2 },
	Quarterly: { unit: 'month', count: 3 },
	'Semi-Annual': { unit: 'month', count: 6 },
	'Semi-Annually': { unit: 'month', count: 6 },
	Annual: { unit: 'year', count: 1 },
	Annually: { unit: 'year', count: 1 },
	Yearly: { unit: 'year', count: 1 },
};

const BILL_CUSTOMER: Record<string, boolean> = { Billable: true, DoNotBill: false, NoCharge: false };

/** An agreement addition as a canonical agreement line. */
export function fromConnectWiseAddition(addition: CwRecord): AgreementLine {
	const product = obj(addition.product);
	const billable = lookup(BILL_CUSTOMER, addition.billCustomer);
	return compact<AgreementLine>({
		externalIds: addition.id !== undefined ? { connectWisePsa: String(addition.id) } : undefined,
		lineNumber: str(addition.sequenceNumber),
		item: product
			? compact({
					externalIds: product.id !== undefined ? { connectWisePsa: String(product.id) } : undefined,
					sku: str(product.identifier),
					code: str(product.identifier),
					name: str(product.description) ?? str(product.name),
				})
			: undefined,
		description: str(addition.description) ?? str(addition.invoiceDescription),
		quantity: decimal(addition.quantity),
		unitOfMeasure: str(addition.uom),
		unitPrice: decimal(addition.unitPrice),
		unitCost: decimal(addition.unitCost),
		amount: decimal(addition.extPrice),
		taxable: typeof addition.taxableFlag === 'boolean' ? addition.taxableFlag : undefined,
		effectiveDate: isoDate(addition.effectiveDate),
		cancelledDate: isoDate(addition.cancelledDate),
		billable,
	});
}

/** The ConnectWise addition fields of a canonical line; the product goes by id, else by identifier. */
export function toConnectWiseAddition(line: AgreementLine): CwRecord {
	const id = line.item?.externalIds?.connectWisePsa;
	const identifier = line.item?.sku ?? line.item?.code;
	return compact({
		product: id && /^\d+$/.test(id) ? { id: Number(id) } : identifier ? { identifier } : undefined,
		description: line.description,
		quantity: num(line.quantity),
		unitPrice: num(line.unitPrice),
		unitCost: num(line.unitCost),
		uom: line.unitOfMeasure,
		taxableFlag: line.taxable,
		effectiveDate: cwDate(line.effectiveDate),
		cancelledDate: cwDate(line.cancelledDate),
		billCustomer: line.billable === undefined ? undefined : line.billable ? 'Billable' : 'DoNotBill',
	});
}

/** A ConnectWise agreement (with its additions, when read) as a canonical Agreement. */
export function fromConnectWiseAgreement(agreement: CwRecord, additions?: CwRecord[]): Agreement {
	const contact = obj(agreement.contact);
	const cycle = str(obj(agreement.billingCycle)?.name);
	let status = lookup(STATUSES, agreement.agreementStatus);
	if (!status && agreement.cancelledFlag === true) status = 'cancelled';
	return compact<Agreement>({
		type: 'Agreement',
		...identity(agreement),
		name: str(agreement.name),
		customer: fromRef(agreement.company) ?? {},
		contact: contact ? compact({ name: str(contact.name), externalIds: contact.id !== undefined ? { connectWisePsa: String(contact.id) } : undefined }) : undefined,
		plan: fromRef(agreement.type),
		status,
		startDate: isoDate(agreement.startDate),
		endDate: agreement.noEndingDateFlag === true ? undefined : isoDate(agreement.endDate),
		cancelledAt: isoDate(agreement.dateCancelled),
		cancellationReason: str(agreement.reasonCancelled),
		billingInterval: lookup(CYCLES, cycle),
		amount: decimal(agreement.billAmount),
		currency: currencyFrom(agreement.currency),
		nextBillingDate: isoDate(agreement.nextInvoiceDate),
		poNumber: str(agreement.customerPO),
		lines: additions?.map(fromConnectWiseAddition),
		notes: str(agreement.internalNotes),
	});
}

/** The ConnectWise agreement fields a canonical Agreement sets (additions are written separately). */
export function toConnectWiseAgreement(agreement: Agreement): CwRecord {
	const contactId = agreement.contact?.externalIds?.connectWisePsa;
	return compact({
		name: agreement.name,
		company: toRef(agreement.customer),
		contact: contactId && /^\d+$/.test(contactId) ? { id: Number(contactId) } : undefined,
		type: toRef(agreement.plan),
		startDate: cwDate(agreement.startDate),
		endDate: cwDate(agreement.endDate),
		noEndingDateFlag: agreement.startDate || agreement.endDate ? !agreement.endDate : undefined,
		billAmount: num(agreement.amount),
		customerPO: agreement.poNumber,
		internalNotes: agreement.notes,
	});
}
