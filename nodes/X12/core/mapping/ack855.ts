/** 855 Purchase Order Acknowledgment ↔ canonical OrderAck (BAK header, PO1 + ACK line status). */
import type { OrderAck, OrderAckLine } from '../../../common/canonical';
import { compact } from '../../../common/canonical';
import { poLineLoops } from '../loops/lines';
import type { Segment } from '../types';
import { segment } from '../types';
import type { MappingContext } from './common';
import { dec, isoDate, partnerIds, val, x12Date } from './common';
import { lineFromPo1, po1Segments } from './po850';

/** ACK01 line item status codes → canonical line status (others are changes). */
const LINE_STATUS: Record<string, OrderAckLine['status']> = {
	IA: 'accepted',
	AA: 'accepted',
	IR: 'rejected',
	R1: 'rejected',
	R2: 'rejected',
	R3: 'rejected',
	R4: 'rejected',
	IB: 'backordered',
	BP: 'backordered',
};
const STATUS_CODE: Record<OrderAckLine['status'], string> = {
	accepted: 'IA',
	rejected: 'IR',
	backordered: 'IB',
	changed: 'IC',
};
/** BAK02 acknowledgment type → header status. */
const HEADER_STATUS: Record<string, OrderAck['status']> = {
	AC: 'accepted_with_changes',
	AE: 'accepted_with_changes',
	RD: 'rejected',
	RJ: 'rejected',
	RF: 'rejected',
};
const HEADER_CODE: Record<OrderAck['status'], string> = { accepted: 'AD', accepted_with_changes: 'AC', rejected: 'RD' };

export function toOrderAck(segments: Segment[], context: MappingContext = {}): OrderAck {
	const split = poLineLoops(segments);
	const bak = split.header.find((seg) => seg.id === 'BAK');
	const orderNumber = val(bak, 3) ?? '';
	const lines: OrderAckLine[] = split.loops.map((loop) => {
		const ack = loop.segments.find((seg) => seg.id === 'ACK');
		const sch = loop.segments.find((seg) => seg.id === 'SCH');
		const code = val(ack, 1);
		return compact({
			...lineFromPo1(loop),
			status: code ? (LINE_STATUS[code] ?? 'changed') : 'accepted',
			quantityAcknowledged: dec(ack, 2),
			scheduledDate: isoDate(val(ack, 5)) ?? isoDate(val(sch, 6)),
		});
	});
	return compact({
		type: 'OrderAck' as const,
		externalIds: partnerIds(context, orderNumber),
		orderNumber,
		order: orderNumber ? { code: orderNumber } : undefined,
		ackDate: isoDate(val(bak, 9)) ?? isoDate(val(bak, 4)),
		status: HEADER_STATUS[val(bak, 2) ?? ''] ?? 'accepted',
		lines,
	});
}

/** The body segments (BAK … CTT, no ST/SE) of an 855. */
export function fromOrderAck(ack: OrderAck, options: { purpose?: string; /** BAK04 as CCYYMMDD. */ orderDate?: string } = {}): Segment[] {
	// BAK04 is the purchase order's date (mandatory; the canonical ack does not carry it, so the ack date
	// stands in) and BAK09 the acknowledgment date, which is what toOrderAck reads first.
	const date = x12Date(ack.ackDate);
	const out: Segment[] = [
		segment('BAK', options.purpose ?? '00', HEADER_CODE[ack.status], ack.orderNumber, options.orderDate ?? date, '', '', '', '', date),
	];
	ack.lines.forEach((line) => {
		const { status, quantityAcknowledged, scheduledDate, ...rest } = line;
		out.push(...po1Segments(rest));
		const values = [STATUS_CODE[status], quantityAcknowledged ?? '', quantityAcknowledged ? (line.unitOfMeasure ?? 'EA') : ''];
		if (scheduledDate) values.push('068', x12Date(scheduledDate));
		out.push(segment('ACK', ...values));
	});
	out.push(segment('CTT', String(ack.lines.length)));
	return out;
}
