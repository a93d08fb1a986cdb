import type { CreditMemo, Invoice, LineItem } from '../../common/canonical';
import { compact, date, fromAddress, idOf, metadataOf, obj, ref, str, stripeId, SYSTEM, toSeconds, type StripeRecord } from './common';
import { fromMinorUnits, toMinorUnits } from './currency';

const INVOICE_STATUS: Record<string, Invoice['status']> = {
	draft: 'draft',
	open: 'open',
	paid: 'paid',
	void: 'void',
	uncollectible: 'open',
};

function lineOf(raw: StripeRecord, currency: string): LineItem {
	const pricing = obj(raw.pricing);
	const priceDetails = obj(pricing?.price_details);
	const quantity = raw.quantity !== undefined && raw.quantity !== null ? String(raw.quantity) : undefined;
	return compact<LineItem>({
		externalIds: { [SYSTEM]: String(raw.id) },
		item: priceDetails?.price ? { externalIds: { [SYSTEM]: String(priceDetails.price) } } : undefined,
		description: str(raw.description),
		quantity,
		unitPrice: pricing?.unit_amount_decimal !== undefined && pricing?.unit_amount_decimal !== null ? fromMinorUnits(pricing.unit_amount_decimal, currency) : undefined,
		amount: fromMinorUnits(raw.amount, currency),
	});
}

function linesOf(document: StripeRecord, currency: string): LineItem[] {
	const data = obj(document.lines)?.data;
	return Array.isArray(data) ? data.map((line) => lineOf(obj(line) ?? {}, currency)) : [];
}

/** A Stripe invoice as a canonical Invoice; amounts from minor units, exactly. */
export function fromStripeInvoice(invoice: StripeRecord): Invoice {
	const currency = str(invoice.currency) ?? 'usd';
	const money = (value: unknown) => fromMinorUnits(value, currency);
	const subscription = obj(obj(invoice.parent)?.subscription_details)?.subscription ?? invoice.subscription;
	const status = str(invoice.status) ?? '';
	const paid = Number(invoice.amount_paid ?? 0);
	return compact<Invoice>({
		type: 'Invoice',
		externalIds: { [SYSTEM]: String(invoice.id) },
		source: { system: SYSTEM, id: String(invoice.id) },
		number: str(invoice.number),
		customer: compact({ ...(ref(invoice.customer) ?? {}), name: str(invoice.customer_name), code: undefined }),
		date: date(invoice.effective_at) ?? date(invoice.created),
		dueDate: date(invoice.due_date),
		status: status === 'open' && paid > 0 ? 'partially_paid' : INVOICE_STATUS[status],
		currency: currency.toUpperCase(),
		billTo: fromAddress(invoice.customer_address, 'billing'),
		lines: linesOf(invoice, currency),
		totals: compact({
			subtotal: money(invoice.subtotal),
			tax: money(invoice.tax ?? (Array.isArray(invoice.total_taxes) ? (invoice.total_taxes as StripeRecord[]).reduce((s, t) => s + Number(t.amount ?? 0), 0) : undefined)),
			total: money(invoice.total),
			amountPaid: money(invoice.amount_paid),
			balance: money(invoice.amount_remaining),
		}),
		agreement: subscription ? { externalIds: { [SYSTEM]: String(idOf(subscription)) } } : undefined,
		notes: str(invoice.description),
		extensions: { [SYSTEM]: compact({ collectionMethod: invoice.collection_method, hostedInvoiceUrl: invoice.hosted_invoice_url, metadata: metadataOf(invoice) }) },
	});
}

/** A Stripe credit note as a canonical CreditMemo. */
export function fromStripeCreditNote(note: StripeRecord): CreditMemo {
	const currency = str(note.currency) ?? 'usd';
	return compact<CreditMemo>({
		type: 'CreditMemo',
		externalIds: { [SYSTEM]: String(note.id) },
		source: { system: SYSTEM, id: String(note.id) },
		number: str(note.number),
		customer: ref(note.customer) ?? {},
		date: date(note.effective_at) ?? date(note.created),
		currency: currency.toUpperCase(),
		lines: linesOf(note, currency),
		totals: compact({ subtotal: fromMinorUnits(note.subtotal, currency), total: fromMinorUnits(note.total ?? note.amount, currency) }),
		status: note.status === 'void' ? 'void' : 'open',
		invoice: ref(note.invoice),
		reason: str(note.reason),
		notes: str(note.memo),
	});
}

/**
 * Create parameters of an invoice from a canonical Invoice, plus its lines as invoice items
 * (Stripe adds lines with POST /v1/invoiceitems pointing at the draft).
 */
export function toStripeInvoice(invoice: Invoice): { invoice: StripeRecord; items: StripeRecord[] } {
	const currency = (invoice.currency ?? 'usd').toLowerCase();
	const due = toSeconds(invoice.dueDate);
	const items = invoice.lines.map((line) => {
		const price = stripeId(line.item);
		if (price) return compact({ pricing: { price }, quantity: line.quantity, description: line.description });
		const amount = line.amount ?? (line.unitPrice && line.quantity ? undefined : line.unitPrice);
		if (line.unitPrice !== undefined && line.quantity !== undefined && line.amount === undefined) {
			return compact({ unit_amount_decimal: toMinorUnits(line.unitPrice, currency, true), quantity: line.quantity, currency, description: line.description });
		}
		return compact({ amount: amount !== undefined ? toMinorUnits(amount, currency) : undefined, currency, description: line.description });
	});
	return {
		invoice: compact({
			customer: stripeId(invoice.customer),
			currency,
			description: invoice.notes,
			collection_method: due ? 'send_invoice' : undefined,
			due_date: due,
			metadata: compact({ po_number: invoice.poNumber, number: invoice.number }),
		}),
		items,
	};
}

/** Create parameters of a credit note from a canonical CreditMemo: custom lines for its amounts. */
export function toStripeCreditNote(memo: CreditMemo): StripeRecord {
	const currency = (memo.currency ?? 'usd').toLowerCase();
	return compact({
		invoice: stripeId(memo.invoice),
		memo: memo.notes,
		lines: memo.lines.map((line) =>
			compact({
				type: 'custom_line_item',
				description: line.description ?? memo.reason ?? 'Credit',
				quantity: line.quantity && /^\d+$/.test(line.quantity) ? line.quantity : '1',
				unit_amount: toMinorUnits(line.quantity && /^\d+$/.test(line.quantity) && line.unitPrice ? line.unitPrice : (line.amount ?? line.unitPrice ?? '0'), currency),
			}),
		),
	});
}
