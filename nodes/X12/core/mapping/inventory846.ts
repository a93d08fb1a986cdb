/**
 * 846 Inventory Inquiry/Advice ↔ canonical InventoryLevel[]. Each LIN loop is one item; its QTY segments
 * give the item-wide quantities (17 on hand, 33 available for sale, 63 on order) and an SDQ after a QTY
 * splits that quantity by location (store or warehouse id pairs), giving one level per location.
 */
import type { InventoryLevel, ItemReference, Reference } from '../../../common/canonical';
import { addDecimals, compact, toDecimal, toIsoDateTime } from '../../../common/canonical';
import { linLoops, n1Loops } from '../loops/lines';
import type { Segment } from '../types';
import { segment } from '../types';
import type { MappingContext } from './common';
import { isoDate, itemFromPairs, pairsFromItem, partyFromLoop, val, x12Date } from './common';

type QuantityField = 'onHand' | 'available' | 'onOrder' | 'committed';
const FIELD_OF: Record<string, QuantityField> = { '17': 'onHand', '33': 'available', '63': 'onOrder' };
const QUALIFIER_OF: Array<[QuantityField, string]> = [
	['onHand', '17'],
	['available', '33'],
	['onOrder', '63'],
];
const LOCATION_ENTITIES = ['WH', 'ST', 'SN', 'RL'];

function asOfFrom(bia: Segment | undefined): string | undefined {
	const date = isoDate(val(bia, 4));
	if (!date) return undefined;
	const time = val(bia, 5);
	return toIsoDateTime(time && /^\d{4}/.test(time) ? `${date}T${time.slice(0, 2)}:${time.slice(2, 4)}` : date);
}

/** Reads an 846 body into one InventoryLevel per item (and per location when SDQ splits it). */
export function toInventoryLevels(segments: Segment[], _context: MappingContext = {}): InventoryLevel[] {
	const split = linLoops(segments);
	const bia = split.header.find((seg) => seg.id === 'BIA');
	const asOf = asOfFrom(bia);
	const site = n1Loops(split.header)
		.map(partyFromLoop)
		.find((party) => LOCATION_ENTITIES.includes(party.entity));
	const defaultLocation: Reference | undefined = site ? compact({ code: site.idCode, name: site.name }) : undefined;
	const levels: InventoryLevel[] = [];
	for (const loop of split.loops) {
		const item: ItemReference = itemFromPairs(loop.start, 2);
		const base: InventoryLevel = { type: 'InventoryLevel', externalIds: {}, item };
		const byLocation = new Map<string, InventoryLevel>();
		let whole: InventoryLevel | undefined;
		const located = (code: string, unit: string | undefined) => {
			let level = byLocation.get(code);
			if (!level) {
				level = compact({ ...base, item: { ...item }, location: { code }, unitOfMeasure: unit, asOf });
				byLocation.set(code, level);
			}
			return level;
		};
		const body = loop.segments;
		for (let i = 0; i < body.length; i++) {
			const seg = body[i];
			if (seg.id !== 'QTY') continue;
			const field = FIELD_OF[val(seg, 1) ?? ''];
			const quantity = toDecimal(val(seg, 2));
			if (!field || quantity === undefined) continue;
			const sdqs: Segment[] = [];
			for (let j = i + 1; j < body.length && body[j].id === 'SDQ'; j++) sdqs.push(body[j]);
			if (sdqs.length === 0) {
				whole ??= compact({ ...base, location: defaultLocation, unitOfMeasure: val(seg, 3), asOf });
				whole[field] = quantity;
				continue;
			}
			// The QTY is then the total of its SDQ split: each pair is a location and its quantity.
			for (const sdq of sdqs) {
				for (let k = 3; k < sdq.elements.length; k += 2) {
					const code = val(sdq, k);
					const value = toDecimal(val(sdq, k + 1));
					if (code && value !== undefined) located(code, val(sdq, 1) ?? val(seg, 3))[field] = value;
				}
			}
		}
		if (whole) levels.push(whole);
		levels.push(...byLocation.values());
	}
	return levels;
}

/** The body segments (BIA … CTT, no ST/SE) of an 846 for the levels (grouped by item, in order). */
export function fromInventoryLevels(levels: InventoryLevel[], options: { reference?: string; asOf?: string } = {}): Segment[] {
	const asOf = options.asOf ?? levels.find((level) => level.asOf)?.asOf;
	const time = asOf && /T(\d{2}):(\d{2})/.exec(asOf);
	const out: Segment[] = [segment('BIA', '00', 'MM', options.reference ?? '', x12Date(asOf), time ? `${time[1]}${time[2]}` : '')];
	const header = headerLocation(levels);
	const isSplit = (level: InventoryLevel) => level.location !== undefined && !sameLocation(level.location, header);
	if (header) {
		out.push(header.code ? segment('N1', 'WH', header.name ?? '', '92', header.code) : segment('N1', 'WH', header.name ?? ''));
	}
	const items: string[] = [];
	for (const level of levels) {
		const key = itemKey(level.item);
		if (!items.includes(key)) items.push(key);
	}
	for (const key of items) {
		const group = levels.filter((level) => itemKey(level.item) === key);
		out.push(segment('LIN', '', ...pairsFromItem(group[0].item)));
		const whole = group.find((level) => !isSplit(level));
		const split = group.filter((level) => isSplit(level));
		const unit = group[0].unitOfMeasure ?? 'EA';
		for (const [field, qualifier] of QUALIFIER_OF) {
			const value = whole?.[field];
			if (value !== undefined) out.push(segment('QTY', qualifier, value, whole?.unitOfMeasure ?? unit));
		}
		for (const [field, qualifier] of QUALIFIER_OF) {
			const entries = split.filter((level) => level[field] !== undefined);
			if (entries.length === 0) continue;
			out.push(segment('QTY', qualifier, addDecimals(...entries.map((level) => level[field] as string)), unit));
			for (let i = 0; i < entries.length; i += 10) {
				const pairs = entries.slice(i, i + 10).flatMap((level) => [level.location?.code ?? '', level[field] as string]);
				out.push(segment('SDQ', entries[i].unitOfMeasure ?? unit, '92', ...pairs));
			}
		}
	}
	out.push(segment('CTT', String(items.length)));
	return out;
}

const itemKey = (item: ItemReference) => JSON.stringify(pairsFromItem(item));

const sameLocation = (a: Reference | undefined, b: Reference | undefined) =>
	a !== undefined && b !== undefined && a.code === b.code && a.name === b.name;

/**
 * The location written once as the header N1*WH: that of an item's only located level. Levels there use
 * plain QTY; levels elsewhere go through SDQ. None when a level without location would inherit it.
 */
function headerLocation(levels: InventoryLevel[]): Reference | undefined {
	const candidate = levels.find(
		(level) => level.location && levels.filter((other) => itemKey(other.item) === itemKey(level.item) && other.location).length === 1,
	)?.location;
	if (!candidate || levels.some((level) => !level.location)) return undefined;
	// Two levels of one item at the header location could not both be written as plain QTY.
	const keys = levels.filter((level) => sameLocation(level.location, candidate)).map((level) => itemKey(level.item));
	return new Set(keys).size === keys.length ? candidate : undefined;
}
