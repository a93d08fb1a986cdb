/** 850 Purchase Order ↔ canonical PurchaseOrder (and, for a seller receiving it, SalesOrder). */
import type { Address, Contact, LineItem, PurchaseOrder, Reference, SalesOrder } from '../../../common/canonical';
import { compact } from '../../../common/canonical';
import { n1Loops, poLineLoops } from '../loops/lines';
import type { Loop } from '../loops/lines';
import type { Segment } from '../types';
import { segment } from '../types';
import type { MappingContext, Party } from './common';
import {
	addressOf,
	contactFromPer,
	dec,
	descriptionOf,
	dtmDate,
	isoDate,
	itemFromPairs,
	pairsFromItem,
	partyFromLoop,
	partnerIds,
	partySegments,
	perSegment,
	referencesOf,
	refSegments,
	val,
	x12Date,
	x12Number,
} from './common';

const SUPPLIER_ENTITIES = ['VN', 'SE', 'SU'];
const BUYER_ENTITIES = ['BY', 'OB'];

/** A PO1 loop as a canonical line (shared with 855). */
export function lineFromPo1(loop: Loop): LineItem {
	const po1 = loop.start;
	return compact({
		lineNumber: val(po1, 1),
		quantity: dec(po1, 2),
		unitOfMeasure: val(po1, 3),
		unitPrice: dec(po1, 4),
		item: itemFromPairs(po1, 6),
		description: descriptionOf(loop.segments),
		requestedDate: dtmDate(loop.segments, ['002', '010']),
	});
}

/** PO1 (+ PID, DTM) for a canonical line. */
export function po1Segments(line: LineItem): Segment[] {
	const out = [
		segment(
			'PO1',
			line.lineNumber ?? '',
			x12Number(line.quantity),
			line.unitOfMeasure ?? (line.quantity ? 'EA' : ''),
			x12Number(line.unitPrice),
			'',
			...pairsFromItem(line.item),
		),
	];
	if (line.description) out.push(segment('PID', 'F', '', '', '', line.description));
	if (line.requestedDate) out.push(segment('DTM', '002', x12Date(line.requestedDate)));
	return out;
}

/** Reads an 850 body (ST…SE or without them). */
export function toPurchaseOrder(segments: Segment[], context: MappingContext = {}): PurchaseOrder {
	const split = poLineLoops(segments);
	const header = split.header;
	const beg = header.find((seg) => seg.id === 'BEG');
	const number = val(beg, 3);
	const parties = n1Loops(header).map(partyFromLoop);
	const supplierParty = parties.find((party) => SUPPLIER_ENTITIES.includes(party.entity));
	const buyerPer = header.find((seg) => seg.id === 'PER');
	const amt = split.trailer.find((seg) => seg.id === 'AMT' && ['TT', '1', 'GV'].includes(val(seg, 1) ?? ''));
	const others = parties.filter((party) => !['ST', 'BT', ...SUPPLIER_ENTITIES].includes(party.entity));
	const supplier: Reference = compact({
		name: supplierParty?.name,
		code: supplierParty?.idCode,
		externalIds: context.receiverId ? { x12: context.receiverId } : undefined,
	});
	return compact({
		type: 'PurchaseOrder' as const,
		externalIds: partnerIds(context, number),
		number,
		orderDate: isoDate(val(beg, 5)),
		requestedDate: dtmDate(header, ['002']),
		expectedDate: dtmDate(header, ['010']),
		currency: val(header.find((seg) => seg.id === 'CUR'), 2),
		supplier,
		buyer: buyerPer ? contactFromPer(buyerPer) : undefined,
		billTo: addressFor(parties, 'BT'),
		shipTo: addressFor(parties, 'ST'),
		paymentTerms: val(header.find((seg) => seg.id === 'ITD'), 12),
		shippingMethod: val(header.find((seg) => seg.id === 'TD5'), 5),
		lines: split.loops.map(lineFromPo1),
		totals: amt ? { total: dec(amt, 2) } : undefined,
		extensions: {
			x12: compact({
				// Defaults are left out so a plain canonical order round-trips unchanged.
				purpose: val(beg, 1) === '00' ? undefined : val(beg, 1),
				orderType: val(beg, 2) === 'SA' ? undefined : val(beg, 2),
				references: nonEmpty(referencesOf(header)),
				parties: others.length > 0 ? others.map(partyRecord) : undefined,
			}),
		},
	});
}

const nonEmpty = (record: Record<string, string>) => (Object.keys(record).length > 0 ? record : undefined);

function addressFor(parties: Party[], entity: string): Address | undefined {
	const party = parties.find((entry) => entry.entity === entity);
	return party ? addressOf(party) : undefined;
}

/** Other parties travel in extensions as { entity, address }. */
const partyRecord = (party: Party) => ({ entity: party.entity, address: addressOf(party) });

interface X12OrderExtension {
	purpose?: string;
	orderType?: string;
	references?: Record<string, string>;
	parties?: Array<{ entity: string; address: Address }>;
}

/** The body segments (BEG … CTT/AMT, no ST/SE) of an 850 for a PurchaseOrder. */
export function fromPurchaseOrder(order: PurchaseOrder, _options: { version?: string } = {}): Segment[] {
	const ext = (order.extensions?.x12 ?? {}) as X12OrderExtension;
	const out: Segment[] = [
		segment('BEG', ext.purpose ?? '00', ext.orderType ?? 'SA', order.number ?? '', '', x12Date(order.orderDate)),
	];
	if (order.currency) out.push(segment('CUR', 'BY', order.currency));
	out.push(...refSegments(ext.references));
	if (order.buyer) out.push(perSegment(order.buyer as Contact));
	if (order.paymentTerms) out.push(segment('ITD', '', '', '', '', '', '', '', '', '', '', '', order.paymentTerms));
	if (order.requestedDate) out.push(segment('DTM', '002', x12Date(order.requestedDate)));
	if (order.expectedDate) out.push(segment('DTM', '010', x12Date(order.expectedDate)));
	if (order.shippingMethod) out.push(segment('TD5', '', '', '', '', order.shippingMethod));
	if (order.shipTo) out.push(...partySegments('ST', order.shipTo));
	if (order.billTo) out.push(...partySegments('BT', order.billTo));
	if (order.supplier.name || order.supplier.code) {
		out.push(
			order.supplier.code
				? segment('N1', 'VN', order.supplier.name ?? '', '92', order.supplier.code)
				: segment('N1', 'VN', order.supplier.name ?? ''),
		);
	}
	for (const party of ext.parties ?? []) out.push(...partySegments(party.entity, party.address));
	order.lines.forEach((line) => out.push(...po1Segments(line)));
	out.push(segment('CTT', String(order.lines.length)));
	if (order.totals?.total) out.push(segment('AMT', 'TT', x12Number(order.totals.total)));
	return out;
}

/** The same 850 read by the seller: a SalesOrder whose customer is the buyer (ISA sender / N1*BY). */
export function toSalesOrder(segments: Segment[], context: MappingContext = {}): SalesOrder {
	const po = toPurchaseOrder(segments, context);
	const parties = n1Loops(poLineLoops(segments).header).map(partyFromLoop);
	const buyer = parties.find((party) => BUYER_ENTITIES.includes(party.entity)) ?? parties.find((p) => p.entity === 'BT');
	const rest: Partial<PurchaseOrder> = { ...po };
	for (const key of ['supplier', 'buyer', 'expectedDate', 'type', 'number'] as const) delete rest[key];
	return compact({
		...(rest as Omit<PurchaseOrder, 'supplier' | 'type'>),
		type: 'SalesOrder' as const,
		poNumber: po.number,
		customer: compact({
			name: buyer?.name,
			code: buyer?.idCode,
			externalIds: context.senderId ? { x12: context.senderId } : undefined,
		}),
	});
}
