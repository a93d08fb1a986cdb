import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { closeSharedStateStores } from '../../nodes/common/state';
import { RecordMapper } from '../../nodes/RecordMapper/RecordMapper.node';
import { createExecuteContext } from '../helpers/fakeContext';
import { FIXTURES } from './fixtures';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'mapper-node-'));
});
afterAll(async () => {
	await closeSharedStateStores();
	rmSync(folder, { recursive: true, force: true });
});

type Params = IDataObject | ((itemIndex: number) => IDataObject);

async function run(parameters: Params, items: INodeExecutionData[] = [{ json: {} }], options: { continueOnFail?: boolean; onError?: string } = {}) {
	const ctx = createExecuteContext({
		parameters,
		items,
		credentials: { interopStateStore: { backend: 'file', folder } },
		node: { type: 'n8n-nodes-erp-interop.recordMapper', credentials: { interopStateStore: { id: '1', name: 'store' } }, ...(options.onError ? { onError: options.onError as never } : {}) },
		continueOnFail: options.continueOnFail,
	});
	return await new RecordMapper().execute.call(ctx);
}

const mapping = (extra: IDataObject): IDataObject => ({
	resource: 'record',
	overrides: { mappingMode: 'defineBelow', value: null },
	valueMaps: {},
	enrich: {},
	unknownValue: 'fail',
	options: {},
	...extra,
});

describe('Record Mapper node: Record', () => {
	it('maps each item to canonical with overrides, keeping pairedItem', async () => {
		const companies = [FIXTURES.connectWisePsa.Customer, { ...FIXTURES.connectWisePsa.Customer, id: 251, identifier: 'GLOBEX', name: 'Globex' }];
		const [out] = await run(
			(i) =>
				mapping({
					operation: 'toCanonical',
					system: 'connectWisePsa',
					canonicalType: 'Customer',
					record: companies[i],
					overrides: { mappingMode: 'defineBelow', value: { paymentTerms: i === 0 ? 'Net 30' : null, 'addresses.*.country': 'US', 'customFields.tier': 'gold' } },
				}),
			companies.map((json) => ({ json })),
		);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[0].json).toMatchObject({ type: 'Customer', code: 'ACME', paymentTerms: 'Net 30', externalIds: { connectWisePsa: '250' }, customFields: { tier: 'gold' } });
		expect(out[1].json).toMatchObject({ code: 'GLOBEX', addresses: [{ country: 'US' }] });
		expect(out[1].json).not.toHaveProperty('paymentTerms');
	});

	it('maps canonical to a system body into a field of the item, and says which type is wrong', async () => {
		const canonical = { type: 'Customer', externalIds: {}, name: 'Acme', code: 'ACME' };
		const [out] = await run(mapping({ operation: 'fromCanonical', system: 'autotaskPsa', canonicalType: 'Customer', record: canonical, options: { resultField: 'autotask.body' } }), [{ json: { keep: 1 } }]);
		expect(out[0].json).toEqual({ keep: 1, autotask: { body: { companyName: 'Acme', companyNumber: 'ACME', companyType: 1 } } });

		const [failed] = await run(mapping({ operation: 'fromCanonical', system: 'netSuite', canonicalType: 'Invoice', record: canonical }), [{ json: {} }], { continueOnFail: true });
		expect(failed[0].json).toMatchObject({ error: 'The record is a Customer, not a Invoice', description: 'Pick Customer as the canonical type, or pass a Invoice record', errorClass: 'validation' });
		expect(failed[0].pairedItem).toEqual({ item: 0 });
		await expect(run(mapping({ operation: 'fromCanonical', system: 'stripe', canonicalType: 'Payment', record: canonical }))).rejects.toThrow(/Stripe Billing only reads Payment records/);
		await expect(run(mapping({ operation: 'toCanonical', system: 'netSuite', canonicalType: 'Customer', record: '{ not json' }))).rejects.toThrow(/Record is not valid JSON/);
	});
});

describe('Record Mapper node: Value Map', () => {
	const seed = async () =>
		await run({
			resource: 'valueMap',
			operation: 'set',
			rowsFrom: 'json',
			mapName: 'order-status',
			replace: true,
			rows: JSON.stringify([
				{ fromSystem: 'shipHero', fromValue: 'pending', toSystem: 'canonical', toValue: 'open' },
				{ fromSystem: 'shipHero', fromValue: 'fulfilled', toSystem: 'canonical', toValue: 'fulfilled' },
			]),
		});

	it('sets rows from input items (one write per map), lists and deletes them', async () => {
		const rows = [
			{ system: 'netSuite', value: 'Each', canonical: 'EA' },
			{ system: 'netSuite', value: 'Case', canonical: 'CA' },
			{ system: 'shipHero', value: 'each', canonical: 'EA' },
		];
		const [out] = await run(
			(i) => ({ resource: 'valueMap', operation: 'set', rowsFrom: 'items', mapName: 'uom-sheet', fromSystem: rows[i].system, fromValue: rows[i].value, toSystem: 'canonical', toValue: rows[i].canonical, replace: true }),
			rows.map((json) => ({ json })),
		);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[2].json).toEqual({ fromSystem: 'shipHero', fromValue: 'each', toSystem: 'canonical', toValue: 'EA', mapResult: { map: 'uom-sheet', added: 3, updated: 0, unchanged: 0, removed: 0, total: 3 } });

		const [listed] = await run({ resource: 'valueMap', operation: 'getMany', mapName: 'uom-sheet', returnAll: false, limit: 10, filters: { fromSystem: 'netSuite' } });
		expect(listed.map((item) => item.json.fromValue)).toEqual(['Each', 'Case']);
		const [deleted] = await run({ resource: 'valueMap', operation: 'delete', mapName: 'uom-sheet', deleteWhat: 'row', fromSystem: 'netSuite', fromValue: 'Case', toSystem: 'canonical' });
		expect(deleted[0].json).toMatchObject({ deleted: true });
		const [after] = await run({ resource: 'valueMap', operation: 'getMany', mapName: 'uom-sheet', returnAll: true, filters: {} });
		expect(after).toHaveLength(2);
	});

	it('fails one bad row alone with Continue On Fail, naming the item and field', async () => {
		const [out] = await run(
			(i) => ({ resource: 'valueMap', operation: 'set', rowsFrom: 'items', mapName: 'carriers', fromSystem: 'shipHero', fromValue: i === 1 ? '' : `C${i}`, toSystem: 'canonical', toValue: 'x', replace: false }),
			[{ json: {} }, { json: {} }, { json: {} }],
			{ continueOnFail: true },
		);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json).toMatchObject({ error: 'Value map "carriers" row of item 1: fromValue must be a non-empty text, number or boolean', errorClass: 'validation' });
		expect(out[2].json.mapResult).toMatchObject({ total: 2 });
	});

	it('translates fields of items under each unknown-value policy', async () => {
		await seed();
		const items = [{ json: { status: 'pending', lines: [{ s: 'fulfilled' }, { s: 'pending' }] } }, { json: { status: 'on_hold' } }];
		const params = (unknownValue: string, extra: IDataObject = {}) => ({
			resource: 'valueMap',
			operation: 'translate',
			translations: {
				rules: [
					{ field: 'status', map: 'order-status', from: 'shipHero', to: 'canonical', target: '' },
					{ field: 'lines.*.s', map: 'order-status', from: 'shipHero', to: 'canonical', target: 'lines.*.status' },
				],
			},
			unknownValue,
			options: {},
			...extra,
		});
		const [failed] = await run(params('fail'), items, { continueOnFail: true });
		expect(failed[0].json).toEqual({ status: 'open', lines: [{ s: 'fulfilled', status: 'fulfilled' }, { s: 'pending', status: 'open' }] });
		expect(failed[1].json).toMatchObject({ error: 'Value map "order-status" has no canonical value for shipHero value "on_hold" (field status)', errorClass: 'validation' });
		expect(failed[1].pairedItem).toEqual({ item: 1 });
		await expect(run(params('fail'), items)).rejects.toThrow(/no canonical value for shipHero value "on_hold"/);
		const [passed] = await run(params('passThrough'), items);
		expect(passed[1].json).toEqual({ status: 'on_hold' });
		const [defaulted] = await run(params('default', { defaultValue: 'open' }), items);
		expect(defaulted[1].json).toEqual({ status: 'open' });
	});

	it('applies value maps and the policy inside To Canonical', async () => {
		await seed();
		const order = { ...FIXTURES.shipHero.SalesOrder, fulfillment_status: 'backordered' };
		const params = (unknownValue: string) =>
			mapping({ operation: 'toCanonical', system: 'shipHero', canonicalType: 'SalesOrder', record: order, overrides: { mappingMode: 'defineBelow', value: { status: 'pending' } }, valueMaps: { rules: [{ field: 'status', map: 'order-status' }] }, unknownValue, defaultValue: 'draft' });
		const [out] = await run(params('fail'));
		expect(out[0].json.status).toBe('open');
		const [unknown] = await run(mapping({ ...params('default'), overrides: { mappingMode: 'defineBelow', value: { status: 'held' } } }));
		expect(unknown[0].json.status).toBe('draft');
	});
});

describe('Record Mapper node: Cross-Reference', () => {
	it('upserts from a canonical item’s externalIds, looks up found / not found on two outputs, lists and deletes', async () => {
		const canonical = { type: 'Customer', externalIds: { connectWisePsa: '250' }, name: 'Acme' };
		const [upserted] = await run(
			{ resource: 'crossReference', operation: 'upsert', table: 'node-customers', idsSource: 'fields', ids: { pairs: [{ system: 'netSuite', id: '412' }] }, options: { includeExternalIds: true, label: 'Acme' } },
			[{ json: canonical }],
		);
		expect(upserted[0].json).toMatchObject({ table: 'node-customers', ids: { connectWisePsa: '250', netSuite: '412' }, label: 'Acme', created: true });
		const entityId = upserted[0].json.id as string;

		const events = [{ json: { nsId: '412' } }, { json: { nsId: '999' } }, { json: { nsId: '412' } }];
		const [found, missing] = await run(
			(i) => ({ resource: 'crossReference', operation: 'lookup', table: 'node-customers', lookupSystem: 'netSuite', lookupId: events[i].json.nsId, notFound: 'output', resultField: '_xref' }),
			events,
		);
		expect(found.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(found[0].json).toEqual({ nsId: '412', _xref: expect.objectContaining({ table: 'node-customers', id: entityId, ids: { connectWisePsa: '250', netSuite: '412' } }) });
		expect(missing).toEqual([{ json: { nsId: '999', _xref: null }, pairedItem: { item: 1 } }]);

		const [same] = await run({ resource: 'crossReference', operation: 'lookup', table: 'node-customers', lookupSystem: 'netSuite', lookupId: '999', notFound: 'passThrough', resultField: '' });
		expect(same).toEqual([{ json: { table: 'node-customers', found: false }, pairedItem: { item: 0 } }]);
		await expect(run({ resource: 'crossReference', operation: 'lookup', table: 'node-customers', lookupSystem: 'netSuite', lookupId: '999', notFound: 'error', resultField: '_xref' })).rejects.toThrow(
			'netSuite ID "999" is not in table "node-customers"',
		);

		const [updated] = await run({ resource: 'crossReference', operation: 'update', table: 'node-customers', locateBy: 'systemId', locateSystem: 'connectWisePsa', locateId: '250', idsSource: 'json', idsJson: { stripe: 'cus_9' }, removeSystems: 'netSuite', label: '' });
		expect(updated[0].json).toMatchObject({ id: entityId, ids: { connectWisePsa: '250', stripe: 'cus_9' }, changed: true });

		const [listed] = await run({ resource: 'crossReference', operation: 'list', table: 'node-customers', returnAll: true, filters: { withSystems: 'stripe' } });
		expect(listed.map((item) => item.json.id)).toEqual([entityId]);

		const [unlinked] = await run({ resource: 'crossReference', operation: 'delete', table: 'node-customers', deleteWhat: 'systemId', unlinkSystem: 'stripe', unlinkId: 'cus_9' });
		expect(unlinked[0].json).toMatchObject({ deleted: true, ids: { connectWisePsa: '250' }, unlinked: { stripe: 'cus_9' } });
		const [deleted] = await run({ resource: 'crossReference', operation: 'delete', table: 'node-customers', deleteWhat: 'entity', locateBy: 'entity', entityId });
		expect(deleted[0].json).toMatchObject({ id: entityId, deleted: true });
		const [gone] = await run({ resource: 'crossReference', operation: 'delete', table: 'node-customers', deleteWhat: 'entity', locateBy: 'systemId', locateSystem: 'connectWisePsa', locateId: '250' });
		expect(gone[0].json).toEqual({ table: 'node-customers', deleted: false });
	});

	it('reports a conflict as an error item of class conflict, and a bad table name per item', async () => {
		await run({ resource: 'crossReference', operation: 'upsert', table: 'node-conflicts', idsSource: 'json', idsJson: '{"netSuite":"1","connectWisePsa":"10"}', options: {} });
		const [out] = await run(
			(i) => ({ resource: 'crossReference', operation: 'upsert', table: i === 0 ? 'node-conflicts' : 'bad table!', idsSource: 'json', idsJson: { netSuite: '1', connectWisePsa: '11' }, options: {} }),
			[{ json: {} }, { json: {} }],
			{ continueOnFail: true },
		);
		expect(out[0].json).toMatchObject({ errorClass: 'conflict', error: expect.stringContaining('already has connectWisePsa "10"; linking connectWisePsa "11"') });
		expect(out[1].json).toMatchObject({ errorClass: 'validation', error: 'Cross-reference table name "bad table!" is not valid' });
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('pages List with a limit', async () => {
		for (let i = 0; i < 12; i++) {
			await run({ resource: 'crossReference', operation: 'upsert', table: 'node-paging', idsSource: 'fields', ids: { pairs: [{ system: 'netSuite', id: String(i) }] }, options: { entityId: `E${String(i).padStart(2, '0')}` } });
		}
		const [limited] = await run({ resource: 'crossReference', operation: 'list', table: 'node-paging', returnAll: false, limit: 5, filters: {} });
		expect(limited.map((item) => item.json.id)).toEqual(['E00', 'E01', 'E02', 'E03', 'E04']);
		const [all] = await run({ resource: 'crossReference', operation: 'list', table: 'node-paging', returnAll: true, filters: {} });
		expect(all).toHaveLength(12);
	});
});
