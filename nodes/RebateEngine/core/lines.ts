/**
 * Input items → `RebateLine`s. Two shapes are read:
 * - a canonical Invoice or CreditMemo (`type`, `number`, `customer`, `date`, `currency`, `lines[]`);
 *   the partner is the customer's `code`, else its `id`, else its first external id (by system name);
 * - a flat line row: `partner`, `invoiceNumber`, `lineNumber`, `sku`, `category`, `date`, `quantity`,
 *   `amount`, `cost` (extended), `discountAmount`, `currency`, optional `documentType` and `lineId`.
 * Credit memo lines (a CreditMemo, or a row with documentType credit_memo) count negative: −|quantity|,
 * −|amount|, −|cost|, so they reduce the base of the period they are dated in. Invoice lines keep their sign.
 * A line's id is its `lineId`, else `INV:<invoice number>:<line number>` or `CM:<number>:<line number>`,
 * the same from either shape, so the same line read twice is recognised.
 */
import { multiplyDecimals, subtractDecimals, toDecimal, type Decimal } from '../../common/canonical/decimal';
import { RebateLineError } from './errors';
import { calendarDate } from './periods';
import type { DocumentKind, RebateLine } from './types';
import { isBlank, isObject, type Raw } from './values';

const CREDIT_WORDS = new Set(['credit_memo', 'creditmemo', 'credit', 'credit_note', 'creditnote', 'cm']);

function negative(value: Decimal): Decimal {
	return value.startsWith('-') || value === '0' ? value : `-${value}`;
}

const signed = (kind: DocumentKind, value: Decimal) => (kind === 'credit_memo' ? negative(value.replace(/^-/, '')) : value);

function partnerOfReference(ref: unknown): string | undefined {
	if (!isObject(ref)) return typeof ref === 'string' && ref.trim() ? ref.trim() : undefined;
	for (const candidate of [ref.code, ref.id]) if (!isBlank(candidate)) return String(candidate).trim();
	const ids = isObject(ref.externalIds) ? ref.externalIds : {};
	const system = Object.keys(ids).sort().find((key) => !isBlank(ids[key]));
	if (system) return String(ids[system]);
	return isBlank(ref.name) ? undefined : String(ref.name).trim();
}

class LineReader {
	constructor(
		readonly item: number,
		readonly label: string,
		readonly partner?: string,
	) {}

	fail(field: string, problem: string, hint: string): never {
		throw new RebateLineError(`${this.label}: ${field} ${problem}`, this.item, hint, this.partner);
	}

	number(value: unknown, field: string, required: boolean): Decimal | undefined {
		if (isBlank(value)) return required ? this.fail(field, 'is missing', `Map ${field} to the line's value.`) : undefined;
		const decimal = typeof value === 'string' || typeof value === 'number' ? toDecimal(value) : undefined;
		return decimal ?? this.fail(field, `is not a number: ${JSON.stringify(value)}`, `Send ${field} as a decimal number, e.g. "1250.00".`);
	}

	text(value: unknown, field: string): string {
		if (isBlank(value)) this.fail(field, 'is missing', `Every line needs ${field}.`);
		if (typeof value !== 'string' && typeof value !== 'number') this.fail(field, `must be text, not ${JSON.stringify(value)}`, `Send ${field} as text.`);
		return String(value).trim();
	}

	date(value: unknown, timeZone: string): string {
		if (isBlank(value)) this.fail('date', 'is missing', 'Every line needs a date (ISO, e.g. 2025-03-31 or 2025-03-31T17:00:00Z).');
		return calendarDate(value, timeZone) ?? this.fail('date', `is not an ISO date: ${JSON.stringify(value)}`, 'Send dates as YYYY-MM-DD or an ISO date-time.');
	}
}

interface Fields {
	id?: unknown;
	kind: DocumentKind;
	partner: string;
	document: string;
	lineNumber: string;
	sku?: unknown;
	category?: unknown;
	date: string;
	currency?: unknown;
	quantity?: unknown;
	amount?: unknown;
	unitPrice?: unknown;
	cost?: unknown;
	unitCost?: unknown;
	discountAmount?: unknown;
}

function build(reader: LineReader, f: Fields): RebateLine {
	const quantity = reader.number(f.quantity, 'quantity', false) ?? '0';
	const discountAmount = reader.number(f.discountAmount, 'discountAmount', false) ?? '0';
	let amount = reader.number(f.amount, 'amount', false);
	if (amount === undefined) {
		const unitPrice = reader.number(f.unitPrice, 'amount', true)!;
		amount = subtractDecimals(multiplyDecimals(quantity, unitPrice), discountAmount);
	}
	let cost = reader.number(f.cost, 'cost', false);
	const unitCost = reader.number(f.unitCost, 'unitCost', false);
	if (cost === undefined && unitCost !== undefined) cost = multiplyDecimals(quantity, unitCost);
	const opt = (value: unknown) => (isBlank(value) ? undefined : String(value).trim());
	const currency = opt(f.currency)?.toUpperCase();
	return {
		id: opt(f.id) ?? `${f.kind === 'credit_memo' ? 'CM' : 'INV'}:${f.document}:${f.lineNumber}`,
		item: reader.item,
		kind: f.kind,
		partner: f.partner,
		document: f.document,
		lineNumber: f.lineNumber,
		...(opt(f.sku) ? { sku: opt(f.sku) } : {}),
		...(opt(f.category) ? { category: opt(f.category) } : {}),
		date: f.date,
		...(currency ? { currency } : {}),
		quantity: signed(f.kind, quantity),
		amount: signed(f.kind, amount),
		...(cost !== undefined ? { cost: signed(f.kind, cost) } : {}),
		discountAmount: signed(f.kind, discountAmount),
	};
}

function fromDocument(doc: Raw, item: number, timeZone: string): RebateLine[] {
	const kind: DocumentKind = doc.type === 'CreditMemo' ? 'credit_memo' : 'invoice';
	const firstId = isObject(doc.externalIds) ? Object.values(doc.externalIds).find((v) => !isBlank(v)) : undefined;
	const number = [doc.number, doc.id, firstId].find((v) => !isBlank(v));
	const head = new LineReader(item, `Item ${item} (${String(doc.type)} ${number === undefined ? '' : String(number)})`.replace(' )', ')'));
	const document = head.text(number, 'number');
	const partner = partnerOfReference(doc.customer) ?? head.fail('customer', 'has no code, id or external id', 'The partner is read from customer.code, customer.id or customer.externalIds.');
	const reader = new LineReader(item, `Item ${item} (${String(doc.type)} ${document})`, partner);
	const date = reader.date(doc.date, timeZone);
	return (doc.lines as unknown[]).map((raw, i) => {
		if (!isObject(raw)) return reader.fail(`lines[${i}]`, 'is not an object', 'Each line is an object.');
		const lineNumber = isBlank(raw.lineNumber) ? String(i + 1) : String(raw.lineNumber).trim();
		const lineReader = new LineReader(item, `Item ${item} (${String(doc.type)} ${document} line ${lineNumber})`, partner);
		const ref = isObject(raw.item) ? raw.item : {};
		return build(lineReader, {
			id: raw.lineId,
			kind,
			partner,
			document,
			lineNumber,
			sku: ref.sku ?? ref.code ?? ref.id,
			category: raw.category ?? ref.category,
			date: isBlank(raw.date) ? date : lineReader.date(raw.date, timeZone),
			currency: raw.currency ?? doc.currency,
			quantity: raw.quantity,
			amount: raw.amount,
			unitPrice: raw.unitPrice,
			cost: raw.cost,
			unitCost: raw.unitCost,
			discountAmount: raw.discountAmount,
		});
	});
}

function fromRow(row: Raw, item: number, timeZone: string): RebateLine {
	const label = `Item ${item} (${[row.invoiceNumber, row.lineNumber].filter((v) => !isBlank(v)).join(' line ') || 'line row'})`;
	const head = new LineReader(item, label);
	const partner = head.text(row.partner, 'partner');
	const reader = new LineReader(item, label, partner);
	const type = isBlank(row.documentType) ? 'invoice' : String(row.documentType).trim().toLowerCase();
	const kind: DocumentKind = CREDIT_WORDS.has(type) ? 'credit_memo' : type === 'invoice' ? 'invoice' : reader.fail('documentType', `is ${JSON.stringify(row.documentType)}`, 'Use "invoice" or "credit_memo".');
	const hasId = !isBlank(row.lineId);
	return build(reader, {
		id: row.lineId,
		kind,
		partner,
		document: hasId && isBlank(row.invoiceNumber) ? '' : reader.text(row.invoiceNumber, 'invoiceNumber'),
		lineNumber: hasId && isBlank(row.lineNumber) ? '' : reader.text(row.lineNumber, 'lineNumber'),
		sku: row.sku,
		category: row.category,
		date: reader.date(row.date, timeZone),
		currency: row.currency,
		quantity: row.quantity,
		amount: row.amount,
		unitPrice: row.unitPrice,
		cost: row.cost,
		unitCost: row.unitCost,
		discountAmount: row.discountAmount,
	});
}

/** The lines of one input item. Throws `RebateLineError` naming the item and field. */
export function linesOfItem(json: unknown, item: number, timeZone: string): RebateLine[] {
	if (!isObject(json)) throw new RebateLineError(`Item ${item} is not an object`, item, 'Send invoices, credit memos or line rows as items.');
	if ((json.type === 'Invoice' || json.type === 'CreditMemo') && Array.isArray(json.lines)) return fromDocument(json, item, timeZone);
	if (Array.isArray(json.lines)) {
		throw new RebateLineError(`Item ${item} has lines but its type is ${JSON.stringify(json.type)}`, item, 'Documents must be canonical records with type "Invoice" or "CreditMemo".');
	}
	if ('partner' in json) return [fromRow(json, item, timeZone)];
	throw new RebateLineError(
		`Item ${item} is neither an Invoice/CreditMemo with lines nor a line row with "partner"`,
		item,
		'Send canonical Invoice / CreditMemo records, or rows with partner, invoiceNumber, lineNumber, date, amount (see the node docs).',
	);
}
