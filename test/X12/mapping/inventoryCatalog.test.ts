import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InventoryLevel, Item } from '../../../nodes/common/canonical';
import { addDecimals } from '../../../nodes/common/canonical';
import { checkEnvelopes, formatSegments, parseX12 } from '../../../nodes/X12/core';
import {
	MAPPED_SETS,
	fromCanonical,
	fromInventoryLevels,
	fromItems,
	toCanonical,
	toInventoryLevels,
	toItems,
	transactionSets,
} from '../../../nodes/X12/core/mapping';
import type { Segment } from '../../../nodes/X12/core/types';

const FIXTURES = join(__dirname, '../../fixtures/x12/mapping');
const read = (file: string) => readFileSync(join(FIXTURES, file));
const firstSet = (file: string) => transactionSets(parseX12(read(file)).interchanges[0])[0];
const delimiters = { element: '*', component: '>', segment: '~' };
/** Body segments written out and read back (ST/SE added so loops end where a real set ends). */
const throughText = (body: Segment[]) =>
	parseX12(
		'ISA*00*          *00*          *ZZ*A              *ZZ*B              *240101*1200*U*00401*000000001*0*T*>~' +
			formatSegments([{ id: 'ST', elements: [[['846']], [['1']]] }, ...body, { id: 'SE', elements: [[['0']], [['1']]] }], delimiters),
	).interchanges[0].segments.slice(1);

describe('846 ↔ InventoryLevel[]', () => {
	it('has valid envelopes', () => {
		for (const file of ['846-4010-inventory-by-store.edi', '832-4010-catalog-two-items.edi']) {
			expect(checkEnvelopes(read(file)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		}
	});

	it('reads item-wide quantities and the per-store SDQ split', () => {
		const set = firstSet('846-4010-inventory-by-store.edi');
		const levels = toInventoryLevels(set.segments, set.context);
		expect(levels).toHaveLength(5);
		expect(levels[0]).toEqual({
			type: 'InventoryLevel',
			externalIds: {},
			item: { sku: 'WID-100', gtin: '012345678905' },
			location: { code: 'DC01', name: 'MAIN DC' },
			onHand: '250',
			available: '200',
			unitOfMeasure: 'EA',
			asOf: '2024-05-01T10:30:00Z',
		});
		expect(levels[1]).toMatchObject({ item: { sku: 'WID-200', supplierSku: 'V-200' }, onHand: '40', onOrder: '100' });
		const stores = levels.slice(2);
		expect(stores.map((level) => [level.location?.code, level.available, level.unitOfMeasure])).toEqual([
			['S001', '10', 'CA'],
			['S002', '15', 'CA'],
			['S003', '5', 'CA'],
		]);
		expect(addDecimals(...stores.map((level) => level.available as string))).toBe('30');
	});

	it('round-trips both ways', () => {
		const set = firstSet('846-4010-inventory-by-store.edi');
		const first = toInventoryLevels(set.segments, set.context);
		expect(toInventoryLevels(throughText(fromInventoryLevels(first)))).toEqual(first);

		const levels: InventoryLevel[] = [
			{ type: 'InventoryLevel', externalIds: {}, item: { sku: 'A' }, onHand: '5', unitOfMeasure: 'EA', asOf: '2024-02-03T08:15:00Z' },
			{ type: 'InventoryLevel', externalIds: {}, item: { sku: 'B' }, location: { code: 'W1' }, onHand: '1.5', unitOfMeasure: 'LB', asOf: '2024-02-03T08:15:00Z' },
			{ type: 'InventoryLevel', externalIds: {}, item: { sku: 'B' }, location: { code: 'W2' }, onHand: '2', available: '1', unitOfMeasure: 'LB', asOf: '2024-02-03T08:15:00Z' },
		];
		const body = fromInventoryLevels(levels);
		expect(body.filter((seg) => seg.id === 'SDQ')).toHaveLength(2);
		expect(toInventoryLevels(throughText(body))).toEqual(levels);
	});
});

describe('832 ↔ Item[]', () => {
	it('reads items with names, ids and prices', () => {
		const set = firstSet('832-4010-catalog-two-items.edi');
		const items = toItems(set.segments, set.context);
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({
			sku: 'WID-100',
			gtin: '012345678905',
			supplierSku: 'V-100',
			name: 'BLUE WIDGET',
			description: 'BLUE WIDGET, STEEL, 10 CM',
			price: '12.5',
			unitOfMeasure: 'EA',
			currency: 'USD',
			externalIds: { 'x12:SUPPLIER01': 'WID-100' },
		});
		expect(items[0].extensions?.x12).toMatchObject({ prices: [{ priceType: 'QTB', price: '11.75', quantity: '100', unitOfMeasure: 'EA' }] });
		expect(items[1]).toMatchObject({ sku: 'V-200', supplierSku: 'V-200', price: '8', unitOfMeasure: 'CA' });
	});

	it('round-trips both ways', () => {
		const set = firstSet('832-4010-catalog-two-items.edi');
		const first = toItems(set.segments, set.context);
		expect(toItems(throughText(fromItems(first)), set.context)).toEqual(first);

		const items: Item[] = [
			{ type: 'Item', externalIds: {}, sku: 'K-1', name: 'Kettle', price: '19.99', unitOfMeasure: 'EA', currency: 'EUR', gtin: '4006381333931' },
			{ type: 'Item', externalIds: {}, sku: 'K-2', currency: 'EUR' },
		];
		expect(toItems(throughText(fromItems(items)))).toEqual(items);
	});
});

describe('dispatch by transaction set', () => {
	it('maps every set of a mixed file and writes each record back', () => {
		const parsed = parseX12(readFileSync(join(__dirname, '../../fixtures/x12/corpus/mixed-810-850-staedi-two-groups.edi')));
		const sets = transactionSets(parsed.interchanges[0]);
		expect(sets.map((set) => [set.setId, set.functionalId])).toEqual([
			['810', 'IN'],
			['810', 'IN'],
			['850', 'PO'],
		]);
		const records = sets.flatMap((set) => toCanonical(set.setId, set.segments, set.context));
		expect(records.map((record) => record.type)).toEqual(['Invoice', 'Invoice', 'PurchaseOrder']);
		const back = fromCanonical(records[2]);
		expect(back.setId).toBe('850');
		expect(back.functionalId).toBe('PO');
		expect(toCanonical('850', back.segments, sets[2].context)).toEqual([records[2]]);
		expect(toCanonical('850', sets[2].segments, sets[2].context, { asSalesOrder: true })[0].type).toBe('SalesOrder');
	});

	it('refuses sets and records it cannot map', () => {
		expect(() => toCanonical('940', [])).toThrow(/940 has no canonical mapping/);
		expect(() => fromCanonical([])).toThrow(/No canonical record/);
		expect(() => fromCanonical({ type: 'Customer', externalIds: {}, name: 'x' })).toThrow(/Customer has no X12 mapping/);
		const item: Item = { type: 'Item', externalIds: {}, sku: 'A' };
		expect(fromCanonical([item, item]).setId).toBe('832');
	});
});

describe('robustness', () => {
	it('maps any set of the corpus with any mapping without throwing, and writes the result back', () => {
		const dir = join(__dirname, '../../fixtures/x12/corpus');
		const files = readdirSync(dir).filter((file) => !file.endsWith('.md') && !file.endsWith('.json'));
		let mapped = 0;
		for (const file of files) {
			for (const interchange of parseX12(readFileSync(join(dir, file))).interchanges) {
				for (const set of transactionSets(interchange)) {
					for (const setId of MAPPED_SETS) {
						const records = toCanonical(setId, set.segments, set.context);
						if (records.length === 0) continue;
						const back = fromCanonical(setId === '846' || setId === '832' ? records : records[0]);
						expect(back.setId).toBe(setId);
						mapped++;
					}
				}
			}
		}
		expect(mapped).toBeGreaterThan(100);
	});
});
