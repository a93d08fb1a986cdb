/**
 * How the retailer's translator checks what the distributor sends it: node-x12 (strict) parses the
 * interchange and checks the trailers' counts and control numbers; the rest (addressing, functional
 * ids, and per document the references to its own purchase orders, line counts and totals) is checked
 * here. Anything wrong is a reason for a 4xx, never a silent accept.
 */
import type { X12FatInterchange, X12FunctionalGroup, X12Interchange, X12Segment, X12Transaction } from 'node-x12';

import { ACCEPTED_SETS, FUNCTIONAL_ID, type PartnerConfig } from './partners';
import { fromCents, toCents } from './wire';

/** What the partner knows about the orders it sent, to check references against. */
export interface OrderBook {
	order(poNumber: string): { lines: Array<{ sku: string; quantity: number }> } | undefined;
	/** The PO numbers of the 850 group with this GS06, if the partner sent it. */
	group(controlNumber: string): string[] | undefined;
}

export interface ReceivedSet {
	type: string;
	/** ST02. */
	controlNumber: string;
	/** GS06 of its group. */
	groupControlNumber: string;
	/** The purchase orders the set refers to. */
	poNumbers: string[];
	details: Record<string, unknown>;
}

export type Inspection =
	| { ok: true; isa13: string; usage: string; groupControlNumbers: string[]; sets: ReceivedSet[] }
	| { ok: false; reason: string };

class Rejection extends Error {}

const reject = (reason: string): never => {
	throw new Rejection(reason);
};

let parserModule: typeof import('node-x12') | undefined;

/** node-x12 is a development dependency, loaded only when the sandbox partner first reads a document. */
function parser(): typeof import('node-x12') {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	parserModule ??= require('node-x12') as typeof import('node-x12');
	return parserModule;
}

const value = (segment: X12Segment | undefined, position: number): string => (segment?.valueOf(position, '') ?? '').trim();

/** ISA13 as written (node-x12 keeps it as a number): element 13 of the fixed-width ISA. */
function rawIsa13(text: string): string {
	const start = text.indexOf('ISA');
	const separator = text.charAt(start + 3);
	return (text.slice(start).split(separator)[13] ?? '').trim();
}

export function inspect(text: string, partner: PartnerConfig, book: OrderBook): Inspection {
	try {
		return inspectOrThrow(text, partner, book);
	} catch (error) {
		if (error instanceof Rejection) return { ok: false, reason: error.message };
		// node-x12's ParserError: the envelope itself is broken (counts, control numbers, ISA layout).
		return { ok: false, reason: `Not a valid X12 interchange: ${(error as Error).message}` };
	}
}

function inspectOrThrow(text: string, partner: PartnerConfig, book: OrderBook): Inspection {
	if (!text.trimStart().startsWith('ISA')) reject('The body is not an X12 interchange (it must start with ISA)');
	const parsed = new (parser().X12Parser)(true).parse(text) as X12Interchange | X12FatInterchange;
	if ('interchanges' in parsed) reject(`Send one interchange per message (got ${parsed.interchanges.length})`);
	const interchange = parsed as X12Interchange;
	if (!interchange.trailer) reject('The interchange has no IEA trailer (cut short?)');
	const isa = interchange.header;
	const { partner: them, distributor: us } = partner;
	if (value(isa, 5) !== us.qualifier || value(isa, 6) !== us.id) {
		reject(`ISA05/06 ${value(isa, 5)}/${value(isa, 6)} is not our supplier ${us.qualifier}/${us.id}`);
	}
	if (value(isa, 7) !== them.qualifier || value(isa, 8) !== them.id) {
		reject(`ISA07/08 ${value(isa, 7)}/${value(isa, 8)} is not us (${them.qualifier}/${them.id})`);
	}
	const usage = value(isa, 15);
	if (!['P', 'T'].includes(usage)) reject(`ISA15 usage indicator "${usage}" must be P or T`);
	const isa13 = rawIsa13(text);
	if (!/^\d{9}$/.test(isa13)) reject(`ISA13 "${isa13}" must be 9 digits`);
	if (interchange.functionalGroups.length === 0) reject('The interchange holds no functional group');
	const sets: ReceivedSet[] = [];
	const groupControlNumbers: string[] = [];
	for (const group of interchange.functionalGroups) {
		groupControlNumbers.push(value(group.header, 6));
		sets.push(...inspectGroup(group, partner, book));
	}
	return { ok: true, isa13, usage, groupControlNumbers, sets };
}

function inspectGroup(group: X12FunctionalGroup, partner: PartnerConfig, book: OrderBook): ReceivedSet[] {
	const gs = group.header;
	const gs06 = value(gs, 6);
	if (!group.trailer) reject(`Group ${gs06} has no GE trailer`);
	if (value(gs, 2) !== partner.distributor.gsId || value(gs, 3) !== partner.partner.gsId) {
		reject(`GS02/GS03 ${value(gs, 2)}/${value(gs, 3)} should be ${partner.distributor.gsId}/${partner.partner.gsId}`);
	}
	if (!/^\d{1,9}$/.test(gs06)) reject(`GS06 "${gs06}" must be 1–9 digits`);
	if (group.transactions.length === 0) reject(`Group ${gs06} holds no transaction set`);
	return group.transactions.map((set) => {
		const type = value(set.header, 1);
		const st02 = value(set.header, 2);
		if (!set.trailer) reject(`Transaction set ${type} ${st02} has no SE trailer`);
		if (!ACCEPTED_SETS.includes(type)) reject(`Transaction set ${type} is not one ${partner.name} accepts (${ACCEPTED_SETS.join(', ')})`);
		if (FUNCTIONAL_ID[type] !== value(gs, 1)) reject(`Set ${type} must travel in a ${FUNCTIONAL_ID[type]} group, not ${value(gs, 1)}`);
		const { poNumbers, details } = DOCUMENTS[type](set, book);
		return { type, controlNumber: st02, groupControlNumber: gs06, poNumbers, details };
	});
}

type DocumentCheck = (set: X12Transaction, book: OrderBook) => { poNumbers: string[]; details: Record<string, unknown> };

const segmentsOf = (set: X12Transaction, tag: string) => set.segments.filter((segment) => segment.tag === tag);
const first = (set: X12Transaction, tag: string) => set.segments.find((segment) => segment.tag === tag);

function required(set: X12Transaction, tag: string): X12Segment {
	return first(set, tag) ?? reject(`${value(set.header, 1)} ${value(set.header, 2)} has no ${tag} segment`);
}

function knownOrder(book: OrderBook, poNumber: string, where: string) {
	return book.order(poNumber) ?? reject(`${where} refers to purchase order "${poNumber}", which was never sent`);
}

/** The id after a qualifier in qualifier/id pairs starting at `from`. */
function pairValue(segment: X12Segment, from: number, qualifier: string): string | undefined {
	for (let i = from; i <= segment.elements.length; i += 2) if (value(segment, i) === qualifier) return value(segment, i + 1) || undefined;
	return undefined;
}

function countMatches(set: X12Transaction, counted: number, what: string): void {
	const ctt = required(set, 'CTT');
	if (Number(value(ctt, 1)) !== counted) reject(`CTT01 ${value(ctt, 1)} does not match the ${counted} ${what}`);
}

const ack997: DocumentCheck = (set, book) => {
	const ak1 = required(set, 'AK1');
	const ak9 = required(set, 'AK9');
	const acked = value(ak1, 2);
	const poNumbers = book.group(acked) ?? reject(`AK102 ${acked} is not a group control number of an 850 we sent`);
	if (value(ak1, 1) !== 'PO') reject(`AK101 "${value(ak1, 1)}" should be PO (we sent purchase orders)`);
	if (!['A', 'E', 'P', 'R', 'M', 'W', 'X'].includes(value(ak9, 1))) reject(`AK901 "${value(ak9, 1)}" is not an acknowledgment code`);
	const ak2 = segmentsOf(set, 'AK2');
	// A 999 answers each set with IK5 where a 997 has AK5.
	const statusTag = value(set.header, 1) === '999' ? 'IK5' : 'AK5';
	const ak5 = segmentsOf(set, statusTag);
	if (ak5.length !== ak2.length) reject(`Every AK2 needs its ${statusTag} (${ak2.length} AK2, ${ak5.length} ${statusTag})`);
	return {
		poNumbers,
		details: {
			acknowledgedGroup: acked,
			status: value(ak9, 1),
			setsIncluded: Number(value(ak9, 2)),
			setsReceived: Number(value(ak9, 3)),
			setsAccepted: Number(value(ak9, 4)),
			sets: ak2.map((segment, i) => ({ set: value(segment, 1), controlNumber: value(segment, 2), status: value(ak5[i], 1) })),
		},
	};
};

const ack855: DocumentCheck = (set, book) => {
	const bak = required(set, 'BAK');
	const poNumber = value(bak, 3);
	const order = knownOrder(book, poNumber, 'BAK03');
	if (!['AC', 'AD', 'AE', 'AK', 'AP', 'RD', 'RJ', 'RF'].includes(value(bak, 2))) reject(`BAK02 "${value(bak, 2)}" is not an acknowledgment type`);
	const lines: Array<Record<string, unknown>> = [];
	let current: Record<string, unknown> | undefined;
	for (const segment of set.segments) {
		if (segment.tag === 'PO1') {
			current = { line: value(segment, 1), quantity: Number(value(segment, 2)), price: value(segment, 4), sku: pairValue(segment, 6, 'VP') };
			lines.push(current);
		} else if (segment.tag === 'ACK') {
			if (!current) reject('ACK before any PO1');
			Object.assign(current as Record<string, unknown>, { status: value(segment, 1), quantityAcknowledged: Number(value(segment, 2) || 0) });
		}
	}
	if (lines.length === 0) reject(`855 for ${poNumber} has no PO1 lines`);
	for (const line of lines) {
		if (!line.status) reject(`855 line ${String(line.line)} has no ACK`);
		if (!order.lines.some((ordered) => ordered.sku === line.sku)) reject(`855 line ${String(line.line)} acknowledges ${String(line.sku)}, which is not on ${poNumber}`);
	}
	countMatches(set, lines.length, 'PO1 lines');
	return { poNumbers: [poNumber], details: { status: value(bak, 2), lines } };
};

const asn856: DocumentCheck = (set, book) => {
	const bsn = required(set, 'BSN');
	const shipmentId = value(bsn, 2);
	if (!shipmentId) reject('BSN02 (shipment id) is empty');
	const hls = segmentsOf(set, 'HL');
	if (hls.length === 0 || value(hls[0], 3) !== 'S') reject('An 856 starts with a shipment level (HL*1**S)');
	hls.forEach((hl, i) => {
		if (Number(value(hl, 1)) !== i + 1) reject(`HL01 ${value(hl, 1)} should be ${i + 1}`);
	});
	const poNumbers = [...new Set(segmentsOf(set, 'PRF').map((prf) => value(prf, 1)))];
	if (poNumbers.length === 0) reject('The 856 names no purchase order (PRF)');
	const orders = poNumbers.map((po) => knownOrder(book, po, 'PRF01'));
	const lines: Array<{ sku: string | undefined; quantity: number }> = [];
	let sku: string | undefined;
	for (const segment of set.segments) {
		if (segment.tag === 'LIN') sku = pairValue(segment, 2, 'VP') ?? pairValue(segment, 2, 'SK');
		if (segment.tag === 'SN1') {
			if (!sku) reject('SN1 without a LIN item');
			lines.push({ sku, quantity: Number(value(segment, 2)) });
		}
	}
	if (lines.length === 0) reject('The 856 ships no item (LIN/SN1)');
	for (const line of lines) {
		const ordered = orders.flatMap((order) => order.lines).filter((entry) => entry.sku === line.sku).reduce((sum, entry) => sum + entry.quantity, 0);
		if (ordered === 0) reject(`The 856 ships ${String(line.sku)}, which is not on ${poNumbers.join(', ')}`);
		if (!(line.quantity > 0) || line.quantity > ordered) reject(`The 856 ships ${line.quantity} of ${String(line.sku)}; ${ordered} were ordered`);
	}
	countMatches(set, hls.length, 'HL levels');
	const tracking = segmentsOf(set, 'REF').find((ref) => value(ref, 1) === 'CN');
	return { poNumbers, details: { shipmentId, shipDate: value(bsn, 3), tracking: tracking ? value(tracking, 2) : undefined, lines } };
};

const invoice810: DocumentCheck = (set, book) => {
	const big = required(set, 'BIG');
	const poNumber = value(big, 4);
	const order = knownOrder(book, poNumber, 'BIG04');
	const invoiceNumber = value(big, 2);
	if (!invoiceNumber) reject('BIG02 (invoice number) is empty');
	const lines = segmentsOf(set, 'IT1').map((it1) => ({ line: value(it1, 1), quantity: Number(value(it1, 2)), price: value(it1, 4), sku: pairValue(it1, 6, 'VP') ?? pairValue(it1, 6, 'SK') }));
	if (lines.length === 0) reject(`810 ${invoiceNumber} has no IT1 lines`);
	for (const line of lines) {
		if (!order.lines.some((ordered) => ordered.sku === line.sku)) reject(`810 line ${line.line} bills ${String(line.sku)}, which is not on ${poNumber}`);
		if (!/^\d+(\.\d+)?$/.test(line.price)) reject(`810 line ${line.line} has no unit price`);
	}
	const tds = required(set, 'TDS');
	const sum = lines.reduce((total, line) => total + Math.round(toCents(line.price) * line.quantity), 0);
	const charges = segmentsOf(set, 'SAC').reduce((total, sac) => total + (value(sac, 1) === 'A' ? -1 : 1) * Number(value(sac, 5) || 0), 0);
	if (Number(value(tds, 1)) !== sum + charges) reject(`TDS01 ${value(tds, 1)} is not the sum of the lines (${sum + charges}, in cents)`);
	countMatches(set, lines.length, 'IT1 lines');
	return { poNumbers: [poNumber], details: { invoiceNumber, invoiceDate: value(big, 1), total: fromCents(sum + charges), lines } };
};

const advice846: DocumentCheck = (set) => {
	required(set, 'BIA');
	const levels: Array<Record<string, unknown>> = [];
	let sku: string | undefined;
	for (const segment of set.segments) {
		if (segment.tag === 'LIN') sku = pairValue(segment, 2, 'VP') ?? pairValue(segment, 2, 'SK');
		if (segment.tag === 'QTY') {
			if (!sku) reject('QTY without a LIN item');
			levels.push({ sku, qualifier: value(segment, 1), quantity: Number(value(segment, 2)) });
		}
	}
	if (levels.length === 0) reject('The 846 reports no quantity (LIN/QTY)');
	countMatches(set, segmentsOf(set, 'LIN').length, 'LIN items');
	return { poNumbers: [], details: { levels } };
};

const DOCUMENTS: Record<string, DocumentCheck> = { '997': ack997, '999': ack997, '855': ack855, '856': asn856, '810': invoice810, '846': advice846 };
