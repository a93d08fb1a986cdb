/**
 * The trading partner's side of the scale scenarios: 850 purchase orders as a partner (or its VAN)
 * sends them, and what an acknowledgement it gets back says.
 */
import { elementValue, parseX12, type Segment } from '../../nodes/X12/core';

/** Us (the 850's receiver) and the partner, as in the X12 Trading Partner credential. */
export const OUR_ISA = { qualifier: '01', id: '999999999' };
export const PARTNER_ISA = { qualifier: '12', id: '4405197800' };

export const PARTNER_CREDENTIAL_DATA = {
	ourIsaQualifier: OUR_ISA.qualifier,
	ourIsaId: OUR_ISA.id,
	theirIsaQualifier: PARTNER_ISA.qualifier,
	theirIsaId: PARTNER_ISA.id,
	version: '004010',
	elementSeparator: '*',
	componentSeparator: '>',
	segmentTerminator: '~',
	lineBreak: 'lf',
	usage: 'P',
	ackPolicy: '997',
};

export interface OrderLine {
	itemId: string;
	quantity: number;
	/** Unit price in cents (kept integral so totals are exact). */
	priceCents: number;
}

export interface PurchaseOrder850 {
	/** ISA13 and GS06 of the interchange (unique per order, as a partner numbers them). */
	controlNumber: number;
	poNumber: string;
	/** NetSuite internal id of the buying customer (N1*BY, qualifier 92: assigned by the seller). */
	customerId: string;
	lines: OrderLine[];
	/** Write a wrong SE01, so the set is rejected on its envelope (a permanent failure). */
	corruptSegmentCount?: boolean;
}

const pad = (value: string, width: number) => value.padEnd(width, ' ');
const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** One interchange with one group holding one 850. */
export function build850(order: PurchaseOrder850, at = new Date(Date.UTC(2026, 10, 23, 12, 0))): string {
	const isa13 = String(order.controlNumber).padStart(9, '0');
	const yymmdd = at.toISOString().slice(2, 10).replace(/-/g, '');
	const ccyymmdd = at.toISOString().slice(0, 10).replace(/-/g, '');
	const hhmm = at.toISOString().slice(11, 16).replace(':', '');
	const body = [
		`BEG*00*SA*${order.poNumber}**${ccyymmdd}`,
		`N1*BY*SCALE BUYER*92*${order.customerId}`,
		...order.lines.map((line, i) => `PO1*${i + 1}*${line.quantity}*EA*${money(line.priceCents)}**VP*${line.itemId}`),
		`CTT*${order.lines.length}`,
	];
	const segmentCount = body.length + 2 + (order.corruptSegmentCount ? 2 : 0);
	return [
		`ISA*00*${pad('', 10)}*00*${pad('', 10)}*${PARTNER_ISA.qualifier}*${pad(PARTNER_ISA.id, 15)}*${OUR_ISA.qualifier}*${pad(OUR_ISA.id, 15)}*${yymmdd}*${hhmm}*U*00401*${isa13}*0*P*>`,
		`GS*PO*${PARTNER_ISA.id}*${OUR_ISA.id}*${ccyymmdd}*${hhmm}*${order.controlNumber}*X*004010`,
		'ST*850*0001',
		...body,
		`SE*${segmentCount}*0001`,
		`GE*1*${order.controlNumber}`,
		`IEA*1*${isa13}`,
	]
		.map((segment) => `${segment}~`)
		.join('\n');
}

export type AckKind = 'accepted' | 'rejected' | 'duplicate' | 'other';

export interface AckSummary {
	kind: AckKind;
	/** ISA13 of the acknowledgement's own interchange (from our counter). */
	isa13?: number;
	/** GS06 and ST02 of a 997 (a TA1-only answer has neither). */
	gs06?: number;
	st02?: number;
	/** AK102 / TA101: which of the partner's groups or interchanges it answers. */
	answers?: number;
}

const find = (segments: Segment[], id: string) => segments.filter((s) => s.id === id);
const asNumber = (value: string) => (value === '' ? undefined : Number(value));

/** What a 997 (or TA1) answer says: accepted (AK9*A), rejected (AK9*R), or a duplicate interchange (TA1 025). */
export function summarizeAck(text: string): AckSummary {
	const parsed = parseX12(text);
	const segments = parsed.interchanges.flatMap((ic) => ic.segments);
	const [isa] = find(segments, 'ISA');
	if (!isa) return { kind: 'other' };
	const isa13 = asNumber(elementValue(isa, 13));
	const [ta1] = find(segments, 'TA1');
	const [ak9] = find(segments, 'AK9');
	if (ta1 && !ak9) {
		const duplicate = elementValue(ta1, 4) === 'R' && elementValue(ta1, 5) === '025';
		return { kind: duplicate ? 'duplicate' : 'other', isa13, answers: asNumber(elementValue(ta1, 1)) };
	}
	if (!ak9) return { kind: 'other', isa13 };
	const [gs] = find(segments, 'GS');
	const [st] = find(segments, 'ST');
	const [ak1] = find(segments, 'AK1');
	const status = elementValue(ak9, 1);
	return {
		kind: status === 'A' ? 'accepted' : status === 'R' ? 'rejected' : 'other',
		isa13,
		gs06: gs ? asNumber(elementValue(gs, 6)) : undefined,
		st02: st ? asNumber(elementValue(st, 2)) : undefined,
		answers: ak1 ? asNumber(elementValue(ak1, 2)) : undefined,
	};
}
