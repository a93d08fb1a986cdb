/**
 * 832 Price/Sales Catalog ↔ canonical Item[]. Each LIN loop is one item: ids from LIN pairs, name and
 * description from PID*F, price from the first CTP (further CTPs, e.g. other classes of trade or
 * quantity breaks, travel in extensions.x12.prices).
 */
import type { Item } from '../../../common/canonical';
import { compact, toDecimal } from '../../../common/canonical';
import { linLoops } from '../loops/lines';
import type { Segment } from '../types';
import { segment } from '../types';
import type { MappingContext } from './common';
import { itemFromPairs, pairsFromItem, partnerIds, val, x12Number } from './common';

/** One CTP price: CTP01 class of trade, CTP02 price type, CTP03 price, CTP04 quantity, CTP05 unit. */
export interface X12Price {
	classOfTrade?: string;
	priceType?: string;
	price: string;
	quantity?: string;
	unitOfMeasure?: string;
}

function priceOf(ctp: Segment): X12Price | undefined {
	const price = toDecimal(val(ctp, 3));
	if (price === undefined) return undefined;
	return compact({
		classOfTrade: val(ctp, 1),
		priceType: val(ctp, 2),
		price,
		quantity: toDecimal(val(ctp, 4)),
		unitOfMeasure: val(ctp, 5),
	});
}

const ctpSegment = (price: X12Price) =>
	segment('CTP', price.classOfTrade ?? '', price.priceType ?? '', x12Number(price.price), x12Number(price.quantity), price.unitOfMeasure ?? '');

/** Reads an 832 body into Items (sku: SK, else the vendor's number, else the first id). */
export function toItems(segments: Segment[], context: MappingContext = {}): Item[] {
	const split = linLoops(segments);
	const currency = val(split.header.find((seg) => seg.id === 'CUR'), 2);
	return split.loops.map((loop) => {
		const ref = itemFromPairs(loop.start, 2);
		const descriptions = loop.segments.filter((seg) => seg.id === 'PID' && val(seg, 1) === 'F').map((seg) => val(seg, 5));
		const prices = loop.segments
			.filter((seg) => seg.id === 'CTP')
			.map(priceOf)
			.filter((price): price is X12Price => price !== undefined);
		const [first, ...rest] = prices;
		const sku = ref.sku ?? ref.supplierSku ?? ref.customerSku ?? ref.gtin ?? Object.values(ref.externalIds ?? {})[0] ?? '';
		const extension = compact({
			// The id kept only as sku is written back as SK; mark ones that came from elsewhere.
			skuFromSupplier: ref.sku === undefined && sku === ref.supplierSku && sku !== '' ? true : undefined,
			priceType: first?.priceType,
			classOfTrade: first?.classOfTrade,
			priceQuantity: first?.quantity,
			prices: rest.length > 0 ? rest : undefined,
		});
		return compact({
			type: 'Item' as const,
			externalIds: partnerIds(context, sku),
			sku,
			name: descriptions[0],
			description: descriptions[1],
			gtin: ref.gtin,
			supplierSku: ref.supplierSku,
			price: first?.price,
			unitOfMeasure: first?.unitOfMeasure,
			currency,
			extensions: Object.keys(extension).length > 0 ? { x12: extension } : undefined,
		});
	});
}

interface X12ItemExtension {
	skuFromSupplier?: boolean;
	priceType?: string;
	classOfTrade?: string;
	priceQuantity?: string;
	prices?: X12Price[];
}

/** The body segments (BCT … CTT, no ST/SE) of an 832 catalog. */
export function fromItems(items: Item[], options: { catalogNumber?: string; purpose?: string } = {}): Segment[] {
	const out: Segment[] = [segment('BCT', options.purpose ?? 'PC', options.catalogNumber ?? '')];
	const currency = items.find((item) => item.currency)?.currency;
	if (currency) out.push(segment('CUR', 'SE', currency));
	for (const item of items) {
		const ext = (item.extensions?.x12 ?? {}) as X12ItemExtension;
		const sku = ext.skuFromSupplier ? undefined : item.sku;
		out.push(segment('LIN', '', ...pairsFromItem({ sku, supplierSku: item.supplierSku, gtin: item.gtin })));
		if (item.name) out.push(segment('PID', 'F', '', '', '', item.name));
		if (item.description) out.push(segment('PID', 'F', '', '', '', item.description));
		if (item.price !== undefined) {
			out.push(
				ctpSegment({
					classOfTrade: ext.classOfTrade,
					priceType: ext.priceType,
					price: item.price,
					quantity: ext.priceQuantity,
					unitOfMeasure: item.unitOfMeasure,
				}),
			);
		}
		for (const price of ext.prices ?? []) out.push(ctpSegment(price));
	}
	out.push(segment('CTT', String(items.length)));
	return out;
}
