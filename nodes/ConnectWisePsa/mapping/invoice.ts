import { compareDecimals, multiplyDecimals } from '../../common/canonical';
import type { Address, CreditMemo, Invoice, LineItem, Reference, Totals } from '../../common/canonical';
import {
	compact,
	currencyFrom,
	cwDate,
	decimal,
	fromRef,
	identity,
	isoDate,
	obj,
	refId,
	str,
	toRef,
} from './common';
import type { CwRecord } from './common';

function siteAddress(invoice: CwRecord, prefix: 'billing' | 'shipping'): Address | undefined {
	const site = obj(invoice[`${prefix}Site`]);
	const address = compact<Address>({
		type: prefix,
		name: str(site?.name),
		attention: str(prefix === 'billing' ? invoice.attention : invoice.shipToAttention),
		city: str(invoice[`${prefix}SiteCity`]),
		region: str(invoice[`${prefix}SiteState`]),
		postalCode: str(invoice[`${prefix}SiteZip`]),
		country: str(invoice[`${prefix}SiteCountry`]),
		externalIds: site?.id !== undefined ? { connectWisePsa: String(site.id) } : undefined,
	});
	return Object.keys(address).length > 1 ? address : undefined;
}

function totalsOf(invoice: CwRecord): Totals {
	return compact<Totals>({
		subtotal: decimal(invoice.subtotal),
		tax: decimal(invoice.salesTax),
		total: decimal(invoice.total),
		amountPaid: decimal(invoice.payments),
		balance: decimal(invoice.balance),
	});
}

/** Paid status follows the amounts: billing status names are configurable in ConnectWise. */
function statusOf(totals: Totals): Invoice['status'] {
	if (totals.balance === undefined) return undefined;
	if (compareDecimals(totals.balance, 0) <= 0 && totals.total !== undefined && compareDecimals(totals.total, 0) > 0) {
		return 'paid';
	}
	if (totals.amountPaid !== undefined && compareDecimals(totals.amountPaid, 0) > 0) return 'partially_paid';
	return 'open';
}

/** A procurement product billed on the invoice, as a canonical line. */
export function fromConnectWiseInvoiceProduct(product: CwRecord): LineItem {
	const catalogItem = obj(product.catalogItem);
	const quantity = decimal(product.quantity);
	const unitPrice = decimal(product.price);
	return compact<LineItem>({
		externalIds: product.id !== undefined ? { connectWisePsa: String(product.id) } : undefined,
		lineNumber: str(product.sequenceNumber),
		item: catalogItem
			? compact({
					externalIds: catalogItem.id !== undefined ? { connectWisePsa: String(catalogItem.id) } : undefined,
					sku: str(catalogItem.identifier),
				})
			: undefined,
		description: str(product.description),
		quantity,
		unitPrice,
		unitCost: decimal(product.cost),
		amount: quantity !== undefined && unitPrice !== undefined ? multiplyDecimals(quantity, unitPrice) : undefined,
		taxable: typeof product.taxableFlag === 'boolean' ? product.taxableFlag : undefined,
	});
}

function applyTo(invoice: CwRecord, type: string, ref: unknown): Reference | undefined {
	return fromRef(ref) ?? (invoice.applyToType === type ? fromRef({ id: invoice.applyToId }) : undefined);
}

/** A ConnectWise invoice as a canonical Invoice, or CreditMemo for invoices of type CreditMemo. */
export function fromConnectWiseInvoice(invoice: CwRecord, products?: CwRecord[]): Invoice | CreditMemo {
	const totals = totalsOf(invoice);
	const common = {
		...identity(invoice),
		number: str(invoice.invoiceNumber),
		customer: fromRef(invoice.company) ?? {},
		date: isoDate(invoice.date),
		currency: currencyFrom(invoice.currency),
		billTo: siteAddress(invoice, 'billing'),
		shipTo: siteAddress(invoice, 'shipping'),
		lines: products?.map(fromConnectWiseInvoiceProduct) ?? [],
		totals,
		poNumber: str(invoice.customerPO),
		notes: str(invoice.internalNotes),
	};
	if (invoice.type === 'CreditMemo') {
		return compact<CreditMemo>({
			type: 'CreditMemo',
			...common,
			status: totals.balance === undefined ? undefined : compareDecimals(totals.balance, 0) === 0 ? 'applied' : 'open',
			reason: str(invoice.adjustmentReason),
		});
	}
	return compact<Invoice>({
		type: 'Invoice',
		...common,
		dueDate: isoDate(invoice.dueDate),
		status: statusOf(totals),
		paymentTerms: str(obj(invoice.billingTerms)?.name),
		order: applyTo(invoice, 'SalesOrder', invoice.salesOrder),
		project: applyTo(invoice, 'Project', invoice.project),
		agreement: applyTo(invoice, 'Agreement', invoice.agreement),
	});
}

/** The ConnectWise invoice fields a canonical Invoice or CreditMemo sets (lines are products, written separately). */
export function toConnectWiseInvoice(document: Invoice | CreditMemo): CwRecord {
	const invoice = document.type === 'Invoice' ? document : undefined;
	const target: Array<[string, Reference | undefined]> = [
		['Project', invoice?.project],
		['Agreement', invoice?.agreement],
		['SalesOrder', invoice?.order],
	];
	const [applyToType, applyToRef] = target.find(([, ref]) => refId(ref) !== undefined) ?? [];
	return compact({
		type: document.type === 'CreditMemo' ? 'CreditMemo' : 'Standard',
		company: toRef(document.customer),
		date: cwDate(document.date),
		dueDate: cwDate(invoice?.dueDate),
		customerPO: document.poNumber,
		internalNotes: document.notes,
		applyToType,
		applyToId: refId(applyToRef),
	});
}
