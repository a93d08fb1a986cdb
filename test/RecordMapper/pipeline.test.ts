import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createStateStore, type StateStore } from '../../nodes/common/state';
import { applyOverrides, enrichIds, mapRecord } from '../../nodes/RecordMapper/core/pipeline';
import { getPath, parsePath, resolvePath, setPath } from '../../nodes/RecordMapper/core/paths';
import { Translator, ValueMapStore } from '../../nodes/RecordMapper/core/valueMaps';
import { CrossReferenceTable } from '../../nodes/RecordMapper/core/xref';
import { FIXTURES } from './fixtures';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let folder: string;
let store: StateStore;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'mapper-'));
	store = createStateStore({ backend: 'file', folder });
});
afterAll(async () => {
	await store.close();
	rmSync(folder, { recursive: true, force: true });
});

describe('paths', () => {
	it('reads and writes dotted paths, list indexes and * for every element', () => {
		const record: Any = { customer: { code: 'A' }, lines: [{ uom: 'ea' }, { uom: 'cs' }] };
		expect(getPath(record, 'customer.code')).toBe('A');
		expect(getPath(record, 'lines[1].uom')).toBe('cs');
		expect(getPath(record, 'lines.*.uom')).toEqual(['ea', 'cs']);
		expect(resolvePath(record, 'lines.*.uom').map((hit) => hit.path)).toEqual(['lines[0].uom', 'lines[1].uom']);
		setPath(record, 'shipTo.address.city', 'Reno');
		setPath(record, 'lines.*.taxable', false);
		setPath(record, 'tags.0', 'x');
		expect(record).toEqual({ customer: { code: 'A' }, lines: [{ uom: 'ea', taxable: false }, { uom: 'cs', taxable: false }], shipTo: { address: { city: 'Reno' } }, tags: ['x'] });
		setPath(record, 'missing.*.x', 1);
		expect(record).not.toHaveProperty('missing');
	});

	it('refuses prototype names and empty segments', () => {
		expect(() => parsePath('a.__proto__.b')).toThrow('Path "a.__proto__.b" uses the reserved name "__proto__"');
		expect(() => setPath({}, 'constructor.prototype.polluted', 1)).toThrow(/reserved name/);
		expect(() => parsePath('a..b')).toThrow('Path "a..b" has an empty segment at position 2');
		expect(({} as Any).polluted).toBeUndefined();
	});
});

describe('overrides', () => {
	it('set nested fields from expressions; empty values are no override', () => {
		const record: Any = { name: 'Acme', addresses: [{ city: 'Tampa' }], lines: [{ q: 1 }, { q: 2 }] };
		const applied = applyOverrides(record, { name: 'Acme Inc', 'addresses.0.country': 'US', 'lines.*.unitOfMeasure': 'EA', code: '', phone: null, 'customer.code': 'ACME' });
		expect(applied).toEqual(['name', 'addresses.0.country', 'lines.*.unitOfMeasure', 'customer.code']);
		expect(record).toEqual({
			name: 'Acme Inc',
			addresses: [{ city: 'Tampa', country: 'US' }],
			lines: [{ q: 1, unitOfMeasure: 'EA' }, { q: 2, unitOfMeasure: 'EA' }],
			customer: { code: 'ACME' },
		});
	});

	it('apply to the target shape of each direction, after the mapping', async () => {
		const canonical = await mapRecord(FIXTURES.connectWisePsa.Customer, {
			system: 'connectWisePsa',
			type: 'Customer',
			direction: 'toCanonical',
			overrides: { paymentTerms: 'Net 45', 'addresses.0.country': 'CA', 'customFields.segment': 'SMB' },
		});
		expect(canonical).toMatchObject({ type: 'Customer', name: 'Acme Inc', paymentTerms: 'Net 45', addresses: [{ city: 'Tampa', country: 'CA' }], customFields: { segment: 'SMB' } });
		const body = await mapRecord(canonical, { system: 'netSuite', type: 'Customer', direction: 'fromCanonical', overrides: { 'subsidiary.id': '1', companyName: 'ACME INC' } });
		expect(body).toMatchObject({ companyName: 'ACME INC', entityId: 'ACME', subsidiary: { id: '1' } });
	});
});

describe('value maps inside a mapping', () => {
	it('translate output fields system → canonical on the way in and canonical → system on the way out', async () => {
		const maps = new ValueMapStore(store);
		await maps.setRows('terms', [
			{ fromSystem: 'connectWisePsa', fromValue: 'Net 30', toSystem: 'canonical', toValue: 'NET30' },
			{ fromSystem: 'netSuite', fromValue: '2', toSystem: 'canonical', toValue: 'NET30' },
		]);
		await maps.setRows('uom', [{ fromSystem: 'canonical', fromValue: 'EA', toSystem: 'netSuite', toValue: 'Each' }]);
		const translator = new Translator(maps);
		const invoice = await mapRecord(FIXTURES.connectWisePsa.Invoice, {
			system: 'connectWisePsa',
			type: 'Invoice',
			direction: 'toCanonical',
			valueMaps: [{ field: 'paymentTerms', map: 'terms' }],
			translator,
		});
		expect(invoice.paymentTerms).toBe('NET30');
		const order = await mapRecord(
			{ type: 'SalesOrder', externalIds: {}, customer: { externalIds: { netSuite: '45' } }, paymentTerms: 'NET30', lines: [{ quantity: '2', unitOfMeasure: 'EA' }] },
			{
				system: 'netSuite',
				type: 'SalesOrder',
				direction: 'fromCanonical',
				overrides: { 'terms.id': 'NET30', 'item.items.*.units': 'EA' },
				valueMaps: [
					{ field: 'terms.id', map: 'terms' },
					{ field: 'item.items.*.units', map: 'uom' },
				],
				translator,
			},
		);
		expect(order).toMatchObject({ entity: { id: '45' }, terms: { id: '2' }, item: { items: [{ quantity: 2, units: 'Each' }] } });
		await expect(
			mapRecord(FIXTURES.connectWisePsa.Invoice, {
				system: 'connectWisePsa',
				type: 'Invoice',
				direction: 'toCanonical',
				overrides: { paymentTerms: 'Net 90' },
				valueMaps: [{ field: 'paymentTerms', map: 'terms' }],
				translator,
			}),
		).rejects.toThrow('Value map "terms" has no canonical value for connectWisePsa value "Net 90" (field paymentTerms)');
	});
});

describe('filling IDs from a cross-reference table', () => {
	it('adds the other systems’ IDs to the record and to references, keeping the IDs it has', async () => {
		const customers = new CrossReferenceTable(store, 'enrich-customers');
		const items = new CrossReferenceTable(store, 'enrich-items');
		await customers.upsert({ ids: { connectWisePsa: '250', netSuite: '412' }, entityId: 'CUST-250' });
		await customers.upsert({ ids: { connectWisePsa: '9', netSuite: '400' } });
		await items.upsert({ ids: { shipHero: 'SKU-1', netSuite: '301', gtin: '00012345678905' } });
		const order: Any = {
			type: 'SalesOrder',
			externalIds: { shipHero: 'O-1' },
			customer: { externalIds: { connectWisePsa: '250', netSuite: 'kept' } },
			lines: [{ item: { externalIds: { shipHero: 'SKU-1' } } }, { item: { externalIds: { shipHero: 'unknown' } } }, { description: 'no item' }],
		};
		const matched = await enrichIds(order, [
			{ table: customers, paths: ['customer'] },
			{ table: items, paths: ['lines.*.item'] },
		]);
		expect(matched).toBe(2);
		expect(order.customer).toEqual({ id: 'CUST-250', externalIds: { connectWisePsa: '250', netSuite: 'kept' } });
		expect(order.lines[0].item).toMatchObject({ externalIds: { shipHero: 'SKU-1', netSuite: '301', gtin: '00012345678905' } });
		expect(order.lines[1].item).toEqual({ externalIds: { shipHero: 'unknown' } });

		// From Canonical fills before mapping, so the NetSuite body references NetSuite's own IDs.
		const company = await mapRecord(FIXTURES.connectWisePsa.Customer, {
			system: 'connectWisePsa',
			type: 'Customer',
			direction: 'toCanonical',
			enrich: [{ table: customers, paths: ['.', 'parent'] }],
		});
		expect(company).toMatchObject({ id: 'CUST-250', externalIds: { connectWisePsa: '250', netSuite: '412' }, parent: { externalIds: { connectWisePsa: '9', netSuite: '400' } } });
		const body = await mapRecord(
			{ ...company, parent: { externalIds: { connectWisePsa: '9' } } },
			{ system: 'netSuite', type: 'Customer', direction: 'fromCanonical', enrich: [{ table: customers, paths: ['parent'] }] },
		);
		expect(body.parent).toEqual({ id: '400' });
	});
});
