import { fromChargebeeCreditNote, fromChargebeeInvoice, fromChargebeeTransaction } from '../mapping';
import { readResource } from './shared';

export const invoice = readResource({
	resource: 'invoice',
	noun: 'invoice',
	plural: 'invoices',
	path: '/invoices',
	key: 'invoice',
	segment: 'invoices',
	canonical: { name: 'Invoice', map: (r) => fromChargebeeInvoice(r) },
	sortFields: ['date', 'updated_at'],
});

export const creditNote = readResource({
	resource: 'creditNote',
	noun: 'credit note',
	plural: 'credit notes',
	path: '/credit_notes',
	key: 'credit_note',
	segment: 'credit_notes',
	canonical: { name: 'Credit Memo', map: (r) => fromChargebeeCreditNote(r) },
	sortFields: ['date'],
});

export const item = readResource({ resource: 'item', noun: 'item', plural: 'items', path: '/items', key: 'item', segment: 'items', sortFields: ['name', 'id', 'updated_at'] });

export const itemPrice = readResource({
	resource: 'itemPrice',
	noun: 'item price',
	plural: 'item prices',
	path: '/item_prices',
	key: 'item_price',
	segment: 'item_prices',
	sortFields: ['name', 'id', 'updated_at'],
});

export const paymentSource = readResource({
	resource: 'paymentSource',
	noun: 'payment source',
	plural: 'payment sources',
	path: '/payment_sources',
	key: 'payment_source',
	segment: 'payment_sources',
	sortFields: ['created_at', 'updated_at'],
});

export const transaction = readResource({
	resource: 'transaction',
	noun: 'transaction',
	plural: 'transactions',
	path: '/transactions',
	key: 'transaction',
	segment: 'transactions',
	canonical: { name: 'Payment', map: (r) => fromChargebeeTransaction(r) },
	sortFields: ['date', 'updated_at'],
});
