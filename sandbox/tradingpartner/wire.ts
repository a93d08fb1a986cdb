/**
 * The partner's side of the wire: the signing scheme for EDI over HTTPS and the 850s it writes. Written
 * by hand here (never with the project's X12 core), so the two implementations check each other.
 *
 * Signing: `X-EDI-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>`, the
 * timestamped scheme HTTPS gateways in front of AS2/VAN mailboxes use for webhooks (Stripe's layout).
 * The receiver refuses a missing or wrong signature and a timestamp outside its tolerance (replays).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Prng } from '../core/prng';
import type { CatalogItem, PartnerConfig } from './partners';

export const SIGNATURE_HEADER = 'x-edi-signature';
export const MESSAGE_ID_HEADER = 'x-edi-message-id';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signBody(secret: string, body: string | Buffer, unixSeconds: number): string {
	const mac = createHmac('sha256', secret).update(`${unixSeconds}.`).update(body).digest('hex');
	return `t=${unixSeconds},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifySignature(secret: string, body: Buffer, header: string | undefined, nowSeconds: number, toleranceSeconds: number): SignatureCheck {
	if (!header) return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
	const parts = new Map<string, string[]>();
	for (const piece of header.split(',')) {
		const eq = piece.indexOf('=');
		if (eq > 0) parts.set(piece.slice(0, eq).trim(), [...(parts.get(piece.slice(0, eq).trim()) ?? []), piece.slice(eq + 1).trim()]);
	}
	const t = parts.get('t')?.[0];
	if (!t || !/^\d+$/.test(t)) return { ok: false, reason: 'signature has no timestamp' };
	if (Math.abs(nowSeconds - Number(t)) > toleranceSeconds) return { ok: false, reason: `signature timestamp is outside the ${toleranceSeconds}s tolerance` };
	const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex'));
	const match = (parts.get('v1') ?? []).some((candidate) => {
		const given = Buffer.from(candidate.toLowerCase());
		return given.length === expected.length && timingSafeEqual(given, expected);
	});
	return match ? { ok: true } : { ok: false, reason: 'signature does not match' };
}

export interface OrderLine {
	lineNumber: number;
	sku: string;
	description: string;
	quantity: number;
	price: string;
}

export interface PurchaseOrderDoc {
	poNumber: string;
	orderDate: string;
	requestedDate: string;
	lines: OrderLine[];
	/** Sum of quantity × price, as a decimal string. */
	total: string;
}

const pad = (value: string, width: number) => value.padEnd(width, ' ').slice(0, width);

/** Cents as integers, so totals never pick up binary floating point noise. */
export const toCents = (price: string) => Math.round(Number(price) * 100);
export const fromCents = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** A purchase order drawn from the partner's catalogue: 1–3 distinct lines, 1–24 each. */
export function drawOrder(partner: PartnerConfig, sequence: number, rng: Prng, date: Date): PurchaseOrderDoc {
	const count = rng.int(1, Math.min(3, partner.catalog.length));
	const pool = [...partner.catalog];
	const picked: CatalogItem[] = [];
	for (let i = 0; i < count; i++) picked.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
	const lines = picked.map((item, i) => ({ lineNumber: i + 1, sku: item.sku, description: item.description, quantity: rng.int(1, 24), price: item.price }));
	const total = lines.reduce((sum, line) => sum + toCents(line.price) * line.quantity, 0);
	const day = (offset: number) => new Date(date.getTime() + offset * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
	return { poNumber: `${partner.poPrefix}-${partner.firstPo + sequence}`, orderDate: day(0), requestedDate: day(7), lines, total: fromCents(total) };
}

/** One 850 in its own interchange, 004010, `*` `>` `~` and a line break after each segment. */
export function write850(partner: PartnerConfig, order: PurchaseOrderDoc, isa13: number, date: Date): string {
	const control = String(isa13).padStart(9, '0');
	const iso = date.toISOString();
	const yymmdd = iso.slice(2, 10).replace(/-/g, '');
	const ccyymmdd = iso.slice(0, 10).replace(/-/g, '');
	const hhmm = iso.slice(11, 16).replace(':', '');
	const { partner: them, distributor: us, store } = partner;
	const body = [
		`BEG*00*SA*${order.poNumber}**${order.orderDate}`,
		`REF*DP*${store.code}`,
		`DTM*002*${order.requestedDate}`,
		`N1*BY*${partner.name}*92*${store.code}`,
		`N1*ST*${store.name}*92*${store.code}`,
		`N3*${store.address1}`,
		`N4*${store.city}*${store.state}*${store.zip}*US`,
		...order.lines.flatMap((line) => [`PO1*${line.lineNumber}*${line.quantity}*EA*${line.price}**VP*${line.sku}`, `PID*F****${line.description}`]),
		`CTT*${order.lines.length}`,
	];
	const segments = [
		`ISA*00*${pad('', 10)}*00*${pad('', 10)}*${them.qualifier}*${pad(them.id, 15)}*${us.qualifier}*${pad(us.id, 15)}*${yymmdd}*${hhmm}*U*00401*${control}*0*P*>`,
		`GS*PO*${them.gsId}*${us.gsId}*${ccyymmdd}*${hhmm}*${isa13}*X*004010`,
		`ST*850*0001`,
		...body,
		`SE*${body.length + 2}*0001`,
		`GE*1*${isa13}`,
		`IEA*1*${control}`,
	];
	return segments.map((segment) => `${segment}~\n`).join('');
}
