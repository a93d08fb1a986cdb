/** 856 Ship Notice ↔ canonical Shipment, through the HL hierarchy (shipment / orders / packs / items). */
import type { Package, Shipment, ShipmentLine } from '../../../common/canonical';
import { compact } from '../../../common/canonical';
import type { HlNode } from '../loops/hl';
import { buildHlTree, hlAncestor, hlParents } from '../loops/hl';
import { n1Loops } from '../loops/lines';
import type { Diagnostic, Segment } from '../types';
import { segment } from '../types';
import type { MappingContext } from './common';
import {
	addressOf,
	dec,
	descriptionOf,
	dtmDate,
	isoDate,
	itemFromPairs,
	pairsFromItem,
	partnerIds,
	partyFromLoop,
	partySegments,
	referencesOf,
	val,
	x12Date,
	x12Number,
} from './common';

const PACK_LEVELS = ['P', 'T'];

function packageOf(node: HlNode): Package {
	const man = node.segments.find((seg) => seg.id === 'MAN');
	const sscc = man && val(man, 1) === 'GM' ? val(man, 2) : undefined;
	const tracking = man && val(man, 1) === 'CP' ? val(man, 2) : undefined;
	const po4 = node.segments.find((seg) => seg.id === 'PO4');
	const weight = dec(po4, 6);
	return compact({
		id: sscc ?? tracking ?? `HL${node.id}`,
		sscc,
		trackingNumber: tracking,
		weight: weight ? { value: weight, unit: val(po4, 7) ?? '' } : undefined,
	});
}

/**
 * Reads an 856 body. HL problems (bad parents, out of order) do not stop the mapping: they are listed in
 * `extensions.x12.diagnostics` and the affected nodes are read as roots.
 */
export function toShipment(segments: Segment[], context: MappingContext = {}): Shipment {
	const tree = buildHlTree(segments);
	const parents = hlParents(tree);
	const bsn = tree.header.find((seg) => seg.id === 'BSN');
	const shipNode = tree.nodes.find((node) => node.level === 'S');
	const shipSegments = [...tree.header, ...(shipNode?.segments ?? [])];
	const parties = n1Loops(shipSegments).map(partyFromLoop);
	const td5 = shipSegments.find((seg) => seg.id === 'TD5');
	const refs = referencesOf(shipSegments);
	const orders = tree.nodes.filter((node) => node.level === 'O');
	const orderNumberOf = (node: HlNode | undefined) => val(node?.segments.find((seg) => seg.id === 'PRF'), 1);
	const packages = new Map<HlNode, Package>();
	for (const node of tree.nodes) if (PACK_LEVELS.includes(node.level)) packages.set(node, packageOf(node));
	const lines: ShipmentLine[] = tree.nodes
		.filter((node) => node.level === 'I')
		.map((node) => {
			const lin = node.segments.find((seg) => seg.id === 'LIN');
			const sn1 = node.segments.find((seg) => seg.id === 'SN1');
			const pack = hlAncestor(node, ['P'], parents) ?? hlAncestor(node, ['T'], parents);
			const order = hlAncestor(node, ['O'], parents);
			const item = lin ? itemFromPairs(lin, 2) : undefined;
			// Lot (LT) and serial (SN) numbers are LIN pairs too, but they describe the shipped units.
			const lotNumber = item?.externalIds?.['x12:LT'];
			const serialNumbers = lin ? pairValues(lin, 'SN') : [];
			if (item?.externalIds) {
				delete item.externalIds['x12:LT'];
				delete item.externalIds['x12:SN'];
				if (Object.keys(item.externalIds).length === 0) delete item.externalIds;
			}
			return compact({
				lineNumber: val(lin, 1) ?? val(sn1, 1),
				item,
				lotNumber,
				serialNumbers: serialNumbers.length > 0 ? serialNumbers : undefined,
				description: descriptionOf(node.segments),
				quantityShipped: dec(sn1, 2) ?? '0',
				unitOfMeasure: val(sn1, 3),
				quantityOrdered: dec(sn1, 5),
				packageId: pack ? packages.get(pack)?.id : undefined,
				orderNumber: orderNumberOf(order),
			});
		});
	const x12: { billOfLading?: string; diagnostics?: Diagnostic[] } = {};
	if (refs.BM) x12.billOfLading = refs.BM;
	if (tree.diagnostics.length > 0) x12.diagnostics = tree.diagnostics;
	return compact({
		type: 'Shipment' as const,
		externalIds: partnerIds(context, val(bsn, 2)),
		number: val(bsn, 2),
		orderNumber: orderNumberOf(orders[0]),
		shipDate: dtmDate(shipSegments, ['011']) ?? isoDate(val(bsn, 3)),
		expectedDeliveryDate: dtmDate(shipSegments, ['017', '067']),
		carrier: val(td5, 3),
		service: val(td5, 5),
		trackingNumbers: refs.CN ? [refs.CN] : undefined,
		shipFrom: addressFrom(parties, ['SF', 'SH']),
		shipTo: addressFrom(parties, ['ST']),
		packages: packages.size > 0 ? [...packages.values()] : undefined,
		lines,
		extensions: Object.keys(x12).length > 0 ? { x12 } : undefined,
	});
}

/** Every id of LIN pairs with this qualifier. */
function pairValues(lin: Segment, qualifier: string): string[] {
	const values: string[] = [];
	for (let i = 2; i < lin.elements.length; i += 2) {
		const id = val(lin, i + 1);
		if (val(lin, i) === qualifier && id) values.push(id);
	}
	return values;
}

function addressFrom(parties: ReturnType<typeof partyFromLoop>[], entities: string[]) {
	const party = parties.find((entry) => entities.includes(entry.entity));
	return party ? addressOf(party) : undefined;
}

/**
 * The body segments (BSN … CTT) of an 856: S, then one O per order number (lines without one share the
 * shipment's), then P per package used by the order's lines, then I per line.
 */
export function fromShipment(shipment: Shipment, options: { purpose?: string; structure?: string } = {}): Segment[] {
	const out: Segment[] = [
		segment('BSN', options.purpose ?? '00', shipment.number ?? '', x12Date(shipment.shipDate), '', options.structure ?? '0001'),
	];
	let count = 0;
	const hl = (parent: string, level: string): string => {
		count++;
		out.push(segment('HL', String(count), parent, level));
		return String(count);
	};
	const shipId = hl('', 'S');
	if (shipment.carrier || shipment.service) out.push(segment('TD5', '', shipment.carrier ? '2' : '', shipment.carrier ?? '', '', shipment.service ?? ''));
	const bol = (shipment.extensions?.x12 as { billOfLading?: string } | undefined)?.billOfLading;
	if (bol) out.push(segment('REF', 'BM', bol));
	for (const tracking of (shipment.trackingNumbers ?? []).slice(0, 1)) out.push(segment('REF', 'CN', tracking));
	if (shipment.shipDate) out.push(segment('DTM', '011', x12Date(shipment.shipDate)));
	if (shipment.expectedDeliveryDate) out.push(segment('DTM', '017', x12Date(shipment.expectedDeliveryDate)));
	if (shipment.shipFrom) out.push(...partySegments('SF', shipment.shipFrom));
	if (shipment.shipTo) out.push(...partySegments('ST', shipment.shipTo));
	const packages = new Map((shipment.packages ?? []).map((pack) => [pack.id, pack]));
	const orderKeys: Array<string | undefined> = [];
	for (const line of shipment.lines) {
		const key = line.orderNumber ?? shipment.orderNumber;
		if (!orderKeys.includes(key)) orderKeys.push(key);
	}
	for (const orderNumber of orderKeys) {
		const orderLines = shipment.lines.filter((line) => (line.orderNumber ?? shipment.orderNumber) === orderNumber);
		let parent = shipId;
		if (orderNumber !== undefined) {
			parent = hl(shipId, 'O');
			out.push(segment('PRF', orderNumber));
		}
		const packIds: Array<string | undefined> = [];
		for (const line of orderLines) if (!packIds.includes(line.packageId)) packIds.push(line.packageId);
		for (const packId of packIds) {
			let itemParent = parent;
			if (packId !== undefined) {
				itemParent = hl(parent, 'P');
				const pack = packages.get(packId);
				if (pack?.weight) out.push(segment('PO4', '', '', '', '', '', x12Number(pack.weight.value), pack.weight.unit));
				if (pack?.sscc) out.push(segment('MAN', 'GM', pack.sscc));
				else if (pack?.trackingNumber) out.push(segment('MAN', 'CP', pack.trackingNumber));
			}
			for (const line of orderLines.filter((entry) => entry.packageId === packId)) {
				hl(itemParent, 'I');
				const pairs = pairsFromItem(line.item);
				if (line.lotNumber) pairs.push('LT', line.lotNumber);
				for (const serial of line.serialNumbers ?? []) pairs.push('SN', serial);
				out.push(segment('LIN', line.lineNumber ?? '', ...pairs));
				out.push(
					segment('SN1', '', x12Number(line.quantityShipped), line.unitOfMeasure ?? 'EA', '', x12Number(line.quantityOrdered)),
				);
				if (line.description) out.push(segment('PID', 'F', '', '', '', line.description));
			}
		}
	}
	out.push(segment('CTT', String(count)));
	return out;
}
