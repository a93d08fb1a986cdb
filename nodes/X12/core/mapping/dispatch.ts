/**
 * One entry point per direction for the node: a transaction set (by ST01) to canonical records, and
 * canonical records to the body of the matching set with its GS01 functional id.
 */
import type { AnyCanonical, InventoryLevel, Item } from '../../../common/canonical';
import { FUNCTIONAL_IDS } from '../partnerProfile';
import type { ParsedInterchange } from '../tokenizer';
import type { Segment } from '../types';
import { elementValue } from '../types';
import type { MappingContext } from './common';
import { envelopeContext } from './common';
import { fromOrderAck, toOrderAck } from './ack855';
import { fromShipment, toShipment } from './asn856';
import { fromItems, toItems } from './catalog832';
import { fromInventoryLevels, toInventoryLevels } from './inventory846';
import { fromInvoice, toInvoice } from './invoice810';
import { fromPurchaseOrder, toPurchaseOrder, toSalesOrder } from './po850';

/** Transaction sets with a canonical mapping. */
export const MAPPED_SETS = ['850', '855', '856', '810', '846', '832'] as const;
export type MappedSet = (typeof MAPPED_SETS)[number];


/** A transaction set located in an interchange, with what its envelopes say. */
export interface TransactionSetRef {
	/** ST01. */
	setId: string;
	/** ST … SE (SE missing when the file is cut short). */
	segments: Segment[];
	context: MappingContext;
	/** GS01 of its group. */
	functionalId: string;
}

/** Every transaction set of a parsed interchange, in order. */
export function transactionSets(interchange: ParsedInterchange | Segment[]): TransactionSetRef[] {
	const segments = Array.isArray(interchange) ? interchange : interchange.segments;
	const isa = segments[0]?.id === 'ISA' ? segments[0] : undefined;
	const sets: TransactionSetRef[] = [];
	let gs: Segment | undefined;
	let current: TransactionSetRef | undefined;
	for (const seg of segments) {
		if (seg.id === 'GS') gs = seg;
		else if (seg.id === 'ST') {
			current = {
				setId: elementValue(seg, 1),
				segments: [],
				context: envelopeContext(isa, gs, seg),
				functionalId: gs ? elementValue(gs, 1) : '',
			};
			sets.push(current);
		}
		if (current) current.segments.push(seg);
		if (seg.id === 'SE' || seg.id === 'GE') current = undefined;
	}
	return sets;
}

export interface ToCanonicalOptions {
	/** Read an 850 as the seller's SalesOrder instead of the buyer's PurchaseOrder. */
	asSalesOrder?: boolean;
}

/** Canonical records of one set (850/855/856/810 give one record; 846 and 832 one per item). */
export function toCanonical(
	setId: string,
	segments: Segment[],
	context: MappingContext = {},
	options: ToCanonicalOptions = {},
): AnyCanonical[] {
	switch (setId) {
		case '850':
			return [options.asSalesOrder ? toSalesOrder(segments, context) : toPurchaseOrder(segments, context)];
		case '855':
			return [toOrderAck(segments, context)];
		case '856':
			return [toShipment(segments, context)];
		case '810':
			return [toInvoice(segments, context)];
		case '846':
			return toInventoryLevels(segments, context);
		case '832':
			return toItems(segments, context);
		default:
			throw new Error(`Transaction set ${setId} has no canonical mapping (supported: ${MAPPED_SETS.join(', ')})`);
	}
}

export interface FromCanonicalResult {
	setId: MappedSet;
	functionalId: string;
	/** Body segments, without ST/SE. */
	segments: Segment[];
}

/**
 * The X12 body for canonical records: one PurchaseOrder/OrderAck/Shipment/Invoice each, or a list of
 * InventoryLevel (846) or Item (832) records that make up one document.
 */
export function fromCanonical(records: AnyCanonical | AnyCanonical[]): FromCanonicalResult {
	const list = Array.isArray(records) ? records : [records];
	const first = list[0];
	if (!first) throw new Error('No canonical record to convert');
	const types = new Set(list.map((record) => record.type));
	if (types.size > 1) throw new Error(`Records of different types cannot share one transaction set (${[...types].join(', ')})`);
	const single = () => {
		if (list.length > 1) throw new Error(`One ${first.type} per transaction set (got ${list.length})`);
	};
	const result = (setId: MappedSet, segments: Segment[]): FromCanonicalResult => ({
		setId,
		functionalId: FUNCTIONAL_IDS[setId],
		segments,
	});
	switch (first.type) {
		case 'PurchaseOrder':
			single();
			return result('850', fromPurchaseOrder(first));
		case 'OrderAck':
			single();
			return result('855', fromOrderAck(first));
		case 'Shipment':
			single();
			return result('856', fromShipment(first));
		case 'Invoice':
			single();
			return result('810', fromInvoice(first));
		case 'InventoryLevel':
			return result('846', fromInventoryLevels(list as InventoryLevel[]));
		case 'Item':
			return result('832', fromItems(list as Item[]));
		default:
			throw new Error(`${first.type} has no X12 mapping (supported: PurchaseOrder, OrderAck, Shipment, Invoice, InventoryLevel, Item)`);
	}
}
