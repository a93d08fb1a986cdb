import type { Invoice, LineItem } from '../../common/canonical';
import { compact, decimal, fromIdName, haloDate, identity, isoDate, num, ownId, str, toId } from './common';
import type { HaloRecord } from './common';

function lineFrom(line: HaloRecord, index: number): LineItem {
	const item = fromIdName(line.item_id, line.description);
	return compact<LineItem>({
		externalIds: line.id !== undefined ? { haloPsa: String(line.id) } : undefined,
		lineNumber: String(index + 1),
		item: item ? { ...item, sku: str(line.item_code) } : undefined,
		description: str(line.description),
		quantity: decimal(line.qty_order),
		unitPrice: decimal(line.unit_price),
		taxAmount: decimal(line.tax_amount),
		amount: decimal(line.net_amount),
	});
}

function statusOf(invoice: HaloRecord): Invoice['status'] {
	if (invoice.posted === false) return 'draft';
	const due = decimal(invoice.amountdue);
	const total = decimal(invoice.total);
	if (due === '0') return 'paid';
	if (due !== undefined && total !== undefined && due !== total) return 'partially_paid';
	return 'open';
}

/** A Halo invoice with its lines as a canonical Invoice. */
export function fromHaloInvoice(invoice: HaloRecord): Invoice {
	const lines = Array.isArray(invoice.lines) ? (invoice.lines as HaloRecord[]) : [];
	return compact<Invoice>({
		type: 'Invoice',
		...identity(invoice),
		number: str(invoice.invoicenumber),
		customer: fromIdName(invoice.client_id, invoice.client_name) ?? { externalIds: {} },
		date: isoDate(invoice.invoice_date),
		dueDate: isoDate(invoice.due_date),
		currency: str(invoice.currency_code),
		status: statusOf(invoice),
		lines: lines.map(lineFrom),
		totals: compact({ total: decimal(invoice.total), balance: decimal(invoice.amountdue) }),
		project: fromIdName(invoice.ticket_id),
		poNumber: str(invoice.ponumber),
		notes: str(invoice.notes),
	});
}

export function toHaloInvoice(invoice: Invoice): HaloRecord {
	return compact({
		id: ownId(invoice),
		client_id: toId(invoice.customer),
		invoicenumber: invoice.number,
		invoice_date: haloDate(invoice.date),
		due_date: haloDate(invoice.dueDate),
		ponumber: invoice.poNumber,
		notes: invoice.notes,
		ticket_id: toId(invoice.project),
		lines: invoice.lines?.map((line) =>
			compact({
				item_id: toId(line.item),
				item_code: line.item?.sku,
				description: line.description,
				qty_order: num(line.quantity),
				unit_price: num(line.unitPrice),
			}),
		),
	});
}
