/**
 * X12 in the registry's one-record-per-item shape. The record is a transaction set as the X12 EDI node's
 * Parse operation outputs it (`transactionSet`, `segments` as a JSON tree, `interchange` and `group` with
 * the partner ids), and From Canonical gives what its Generate operation takes (`transactionSet`,
 * `segments`). Only the sets that hold one record fit: 850, 855, 856 and 810. An 846 or 832 carries a
 * list of records per set; those go through the X12 EDI node's own To/From Canonical.
 */
import type { IDataObject } from 'n8n-workflow';

import type { AnyCanonical, CanonicalMapping, SystemMappings } from '../../common/canonical';
import { FUNCTIONAL_IDS } from '../../X12/core/partnerProfile';
import { segmentFromTree, treeSegment, type TreeSegment } from '../../X12/core/tree';
import type { Segment } from '../../X12/core/types';
import type { MappingContext } from '../../X12/core/mapping';
import { fromInvoice, fromOrderAck, fromPurchaseOrder, fromShipment, toCanonical } from '../../X12/core/mapping';

export const X12_SYSTEM = 'x12';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const obj = (value: unknown): IDataObject => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {});

function segmentsOf(record: IDataObject): Segment[] {
	const segments = record.segments;
	if (!Array.isArray(segments) || segments.length === 0) {
		throw new Error('The record has no `segments` (use the items of the X12 EDI node’s Parse operation)');
	}
	return (segments as unknown as TreeSegment[]).map((seg, i) => {
		if (typeof seg?.id !== 'string' || !Array.isArray(seg.elements)) throw new Error(`Segment ${i + 1} is not { id, elements }`);
		return segmentFromTree(seg);
	});
}

/** The envelope context from Parse's `interchange` and `group` fields. */
function contextOf(record: IDataObject, segments: Segment[]): MappingContext {
	const interchange = obj(record.interchange);
	const group = obj(record.group);
	const st = segments.find((seg) => seg.id === 'ST');
	const context: MappingContext = {
		senderQualifier: text(interchange.senderQualifier),
		senderId: text(interchange.sender),
		receiverQualifier: text(interchange.receiverQualifier),
		receiverId: text(interchange.receiver),
		appSender: text(group.sender),
		appReceiver: text(group.receiver),
		version: text(group.version),
		setControlNumber: text(st?.elements[1]?.[0]?.[0]) ?? text(record.controlNumber),
	};
	return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined)) as MappingContext;
}

function reader(setId: string, asSalesOrder = false): (record: IDataObject) => AnyCanonical {
	return (record) => {
		const segments = segmentsOf(record);
		const st = segments.find((seg) => seg.id === 'ST')?.elements[0]?.[0]?.[0];
		const actual = text(record.transactionSet) ?? st;
		if (actual && actual !== setId) throw new Error(`The record is an X12 ${actual}, not an ${setId}`);
		const [canonical] = toCanonical(setId, segments, contextOf(record, segments), { asSalesOrder });
		return canonical;
	};
}

function writer<C extends AnyCanonical>(setId: string, build: (canonical: C) => Segment[]): (canonical: AnyCanonical) => Record<string, unknown> {
	return (canonical) => ({
		transactionSet: setId,
		functionalId: FUNCTIONAL_IDS[setId],
		segments: build(canonical as C).map(treeSegment),
	});
}

const mapping = (resource: string, toCanonical: CanonicalMapping['toCanonical'], fromCanonical?: CanonicalMapping['fromCanonical']): CanonicalMapping => ({
	resource,
	toCanonical,
	...(fromCanonical ? { fromCanonical } : {}),
});

export const x12Mappings: SystemMappings = {
	PurchaseOrder: mapping('850', reader('850'), writer('850', fromPurchaseOrder)),
	// A seller reads the customer's 850 as its sales order; it never sends one.
	SalesOrder: mapping('850', reader('850', true)),
	OrderAck: mapping('855', reader('855'), writer('855', fromOrderAck)),
	Shipment: mapping('856', reader('856'), writer('856', fromShipment)),
	Invoice: mapping('810', reader('810'), writer('810', fromInvoice)),
};
