/**
 * Helpers shared by the set mappings: envelope context, dates, decimals, party (N1) loops and item
 * identifier pairs. Partner-facing ids go to `externalIds` under `x12:<ISA sender id>` so that a
 * document number is known per trading partner.
 */
import type { Address, AddressType, Contact, ExternalIds, ItemReference } from '../../../common/canonical';
import { toDecimal } from '../../../common/canonical';
import type { Loop } from '../loops/lines';
import type { Segment } from '../types';
import { elementValue, segment } from '../types';

/** What the envelope tells a mapping about the document. */
export interface MappingContext {
	/** ISA06 / ISA08, trimmed. */
	senderId?: string;
	receiverId?: string;
	senderQualifier?: string;
	receiverQualifier?: string;
	/** GS02 / GS03. */
	appSender?: string;
	appReceiver?: string;
	/** GS08, e.g. "004010". */
	version?: string;
	/** ST02. */
	setControlNumber?: string;
}

/** Context from the ISA, GS and ST segments (any may be missing). */
export function envelopeContext(isa?: Segment, gs?: Segment, st?: Segment): MappingContext {
	const value = (seg: Segment | undefined, n: number) => (seg ? elementValue(seg, n).trim() || undefined : undefined);
	return clean({
		senderQualifier: value(isa, 5),
		senderId: value(isa, 6),
		receiverQualifier: value(isa, 7),
		receiverId: value(isa, 8),
		appSender: value(gs, 2),
		appReceiver: value(gs, 3),
		version: value(gs, 8),
		setControlNumber: value(st, 2),
	});
}

/** The system key for ids that a trading partner uses: "x12:<partner id>". */
export const partnerKey = (partnerId: string) => `x12:${partnerId}`;

/** `{ "x12:<sender>": id }`, or {} when either is unknown. */
export function partnerIds(context: MappingContext, id: string | undefined): ExternalIds {
	const partner = context.senderId ?? context.appSender;
	return partner && id ? { [partnerKey(partner)]: id } : {};
}

/** Removes undefined values (shallow). */
export function clean<T extends object>(value: T): T {
	const out: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry;
	return out as T;
}

/** Element value or undefined when empty. */
export function val(seg: Segment | undefined, position: number, component = 1): string | undefined {
	if (!seg) return undefined;
	const value = elementValue(seg, position, component).trim();
	return value === '' ? undefined : value;
}

export const dec = (seg: Segment | undefined, position: number) => toDecimal(val(seg, position));

/** X12 CCYYMMDD (or YYMMDD) → ISO date; undefined when not a date. */
export function isoDate(value: string | undefined): string | undefined {
	if (!value) return undefined;
	let text = value;
	if (/^\d{6}$/.test(text)) text = (Number(text.slice(0, 2)) < 50 ? '20' : '19') + text;
	if (!/^\d{8}$/.test(text)) return undefined;
	return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** ISO date (or date-time) → CCYYMMDD; '' when absent. */
export function x12Date(value: string | undefined): string {
	if (!value) return '';
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
	return match ? `${match[1]}${match[2]}${match[3]}` : '';
}

/** A decimal written for X12 (R type): no trailing zeros, no "+"; '' when absent. */
export const x12Number = (value: string | undefined) => (value === undefined ? '' : (toDecimal(value) ?? value));

/** An amount with two implied decimals (N2, e.g. TDS01 "255438" → "2554.38"). */
export function impliedDecimal(value: string | undefined, places = 2): string | undefined {
	if (!value || !/^-?\d+$/.test(value)) return toDecimal(value);
	const negative = value.startsWith('-');
	const digits = value.replace('-', '').padStart(places + 1, '0');
	return toDecimal(`${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`);
}

/** A decimal as N2 digits ("2554.38" → "255438"). */
export function toImplied(value: string, places = 2): string {
	const normal = toDecimal(value) ?? '0';
	const negative = normal.startsWith('-');
	const [whole, fraction = ''] = normal.replace('-', '').split('.');
	const digits = `${whole}${fraction.padEnd(places, '0').slice(0, places)}`.replace(/^0+(?=\d)/, '');
	return `${negative ? '-' : ''}${digits}`;
}

/* ------------------------------------------------------------------ parties */

/** A party read from an N1 loop: the address plus its N1 entity code and N103/N104 id. */
export interface Party extends Address {
	/** N101 entity identifier code (ST, BT, SF, VN, BY, …). */
	entity: string;
	idQualifier?: string;
	idCode?: string;
	contact?: Contact;
}

const ADDRESS_TYPES: Record<string, AddressType> = {
	ST: 'shipping',
	BT: 'billing',
	RE: 'remit_to',
	RI: 'remit_to',
	SF: 'site',
	SH: 'site',
	WH: 'site',
};

export function partyFromLoop(loop: Loop): Party {
	const n1 = loop.start;
	const n3 = loop.segments.filter((seg) => seg.id === 'N3');
	const n2 = loop.segments.find((seg) => seg.id === 'N2');
	const n4 = loop.segments.find((seg) => seg.id === 'N4');
	const per = loop.segments.find((seg) => seg.id === 'PER');
	const entity = val(n1, 1) ?? '';
	return clean({
		entity,
		type: ADDRESS_TYPES[entity] ?? 'other',
		name: val(n1, 2),
		idQualifier: val(n1, 3),
		idCode: val(n1, 4),
		attention: val(n2, 1),
		line1: val(n3[0], 1),
		line2: val(n3[0], 2),
		line3: val(n3[1], 1),
		city: val(n4, 1),
		region: val(n4, 2),
		postalCode: val(n4, 3),
		country: val(n4, 4),
		contact: per ? contactFromPer(per) : undefined,
	});
}

/** The canonical Address of a party (the N1 id goes to externalIds as "x12:<N103>"). */
export function addressOf(party: Party): Address {
	const address: Address & Partial<Party> = { ...party };
	delete address.entity;
	delete address.idQualifier;
	delete address.idCode;
	delete address.contact;
	const { idQualifier, idCode } = party;
	return clean({ ...address, externalIds: idCode ? { [`x12:${idQualifier ?? ''}`]: idCode } : undefined });
}

/** N1/N2/N3/N4 segments for an address under entity code `entity`. */
export function partySegments(entity: string, address: Address, contact?: Contact): Segment[] {
	const idEntry = Object.entries(address.externalIds ?? {}).find(([key]) => key.startsWith('x12:'));
	const out: Segment[] = [
		idEntry
			? segment('N1', entity, address.name ?? '', idEntry[0].slice(4), idEntry[1])
			: segment('N1', entity, address.name ?? ''),
	];
	if (address.attention) out.push(segment('N2', address.attention));
	if (address.line1 || address.line2) out.push(segment('N3', address.line1 ?? '', address.line2 ?? ''));
	if (address.line3) out.push(segment('N3', address.line3));
	if (address.city || address.region || address.postalCode || address.country) {
		out.push(segment('N4', address.city ?? '', address.region ?? '', address.postalCode ?? '', address.country ?? ''));
	}
	if (contact) out.push(perSegment(contact));
	return out;
}

export function contactFromPer(per: Segment): Contact {
	const contact: Contact = clean({ role: roleOf(val(per, 1)), name: val(per, 2) });
	for (let i = 3; i <= 7; i += 2) {
		const qualifier = val(per, i);
		const value = val(per, i + 1);
		if (!value) continue;
		if (qualifier === 'TE' && !contact.phone) contact.phone = value;
		if (qualifier === 'EM' && !contact.email) contact.email = value;
	}
	return contact;
}

const PER_ROLES: Record<string, string> = { BD: 'purchasing', OC: 'order_contact', IC: 'primary', BI: 'billing' };
const roleOf = (code: string | undefined) => (code ? (PER_ROLES[code] ?? code) : undefined);

export function perSegment(contact: Contact): Segment {
	const code = Object.entries(PER_ROLES).find(([, role]) => role === contact.role)?.[0] ?? contact.role ?? 'IC';
	const values: string[] = [code, contact.name ?? ([contact.firstName, contact.lastName].filter(Boolean).join(' ') || '')];
	if (contact.phone) values.push('TE', contact.phone);
	if (contact.email) values.push('EM', contact.email);
	return segment('PER', ...values);
}

/* ------------------------------------------------------------------ item identifiers */

const SKU_QUALIFIERS = ['SK'];
const SUPPLIER_QUALIFIERS = ['VP', 'VN', 'VC', 'VA'];
const CUSTOMER_QUALIFIERS = ['BP', 'IN', 'CB'];
const GTIN_QUALIFIERS = ['UP', 'EN', 'UK', 'UA', 'UI'];

/**
 * An item reference from qualifier/id pairs (PO106/PO107…, IT106…, LIN02/LIN03…): SK → sku, VP/VN/VC/VA
 * → supplierSku, BP/IN/CB → customerSku, UP/EN/UK/UA/UI → gtin (first wins); any other or repeated
 * qualifier goes to externalIds as "x12:<qualifier>".
 */
export function itemFromPairs(seg: Segment, first: number): ItemReference {
	const item: ItemReference = {};
	const extra: ExternalIds = {};
	for (let i = first; i < seg.elements.length; i += 2) {
		const qualifier = val(seg, i);
		const id = val(seg, i + 1);
		if (!qualifier || !id) continue;
		const field = SKU_QUALIFIERS.includes(qualifier)
			? 'sku'
			: SUPPLIER_QUALIFIERS.includes(qualifier)
				? 'supplierSku'
				: CUSTOMER_QUALIFIERS.includes(qualifier)
					? 'customerSku'
					: GTIN_QUALIFIERS.includes(qualifier)
						? 'gtin'
						: undefined;
		if (field && item[field] === undefined) item[field] = id;
		else if (extra[`x12:${qualifier}`] === undefined) extra[`x12:${qualifier}`] = id;
	}
	if (Object.keys(extra).length > 0) item.externalIds = extra;
	return item;
}

/** Qualifier/id pairs for an item reference (the inverse of itemFromPairs). */
export function pairsFromItem(item: ItemReference | undefined): string[] {
	if (!item) return [];
	const out: string[] = [];
	if (item.sku) out.push('SK', item.sku);
	if (item.supplierSku) out.push('VP', item.supplierSku);
	if (item.customerSku) out.push('BP', item.customerSku);
	if (item.gtin) out.push(item.gtin.length === 12 ? 'UP' : item.gtin.length === 14 ? 'UK' : 'EN', item.gtin);
	for (const [key, id] of Object.entries(item.externalIds ?? {})) {
		if (key.startsWith('x12:') && /^[A-Z0-9]{2}$/.test(key.slice(4))) out.push(key.slice(4), id);
	}
	return out;
}

/** PID*F free-form description. */
export const descriptionOf = (segments: Segment[]) => val(segments.find((seg) => seg.id === 'PID'), 5);

/** Value of the first DTM with one of the qualifiers, as an ISO date. */
export function dtmDate(segments: Segment[], qualifiers: string[]): string | undefined {
	const dtm = segments.find((seg) => seg.id === 'DTM' && qualifiers.includes(elementValue(seg, 1)));
	return isoDate(val(dtm, 2));
}

/** REF segments as { qualifier: value } (first wins). */
export function referencesOf(segments: Segment[]): Record<string, string> {
	const refs: Record<string, string> = {};
	for (const seg of segments) {
		if (seg.id !== 'REF') continue;
		const qualifier = val(seg, 1);
		const value = val(seg, 2) ?? val(seg, 3);
		if (qualifier && value && refs[qualifier] === undefined) refs[qualifier] = value;
	}
	return refs;
}

export const refSegments = (refs: Record<string, unknown> | undefined) =>
	Object.entries(refs ?? {})
		.filter(([, value]) => typeof value === 'string' && value !== '')
		.map(([qualifier, value]) => segment('REF', qualifier, value as string));
