/**
 * The writes the order and inventory templates repeat safely, against the NetSuite sandbox: a transform
 * with an External ID makes its record once; an inventory adjustment moves the quantity on hand.
 */
import { startSandbox, type NetSuitePlugin, type RunningSandbox } from '../../sandbox';
import { useNock } from '../helpers/fakeContext';
import { byId, run, sandboxTba } from './helpers';

useNock(true);

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['netsuite'], seed: 12 });
});
afterAll(async () => await sandbox.close());

const plugin = () => sandbox.plugin<NetSuitePlugin>('netsuite');
type Row = Record<string, unknown>;
const openOrder = (skip = 0) => (plugin().records('salesOrder') as Row[]).filter((o) => (o.status as { id: string }).id === 'B')[skip];

describe('transform with an External ID', () => {
	const transform = (orderId: string, externalId: string, options = {}) =>
		run({ resource: 'record', operation: 'transform', sourceType: 'salesOrder', recordId: byId(orderId), targetType: 'itemFulfillment', externalId, fields: '{"memo":"Shipped by 3PL"}', options }, { tba: sandboxTba(sandbox) });

	it('makes the record once: a repeat outputs the existing record and transforms nothing', async () => {
		const order = openOrder();
		const first = await transform(String(order.id), 'IF-SHIP-1');
		const again = await transform(String(order.id), 'IF-SHIP-1', { returnRecord: true });
		const fulfillments = (plugin().records('itemFulfillment') as Row[]).filter((r) => r.externalId === 'IF-SHIP-1');
		expect(fulfillments).toHaveLength(1);
		expect(first.json[0]).toMatchObject({ id: fulfillments[0].id, externalId: 'IF-SHIP-1', existing: false, createdFrom: String(order.id) });
		expect(again.json[0]).toMatchObject({ id: fulfillments[0].id, existing: true, memo: 'Shipped by 3PL' });
		expect(again.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('without an External ID every run transforms again (the plain behaviour)', async () => {
		const order = openOrder(1);
		const before = (plugin().records('itemFulfillment') as Row[]).length;
		await transform(String(order.id), '');
		await transform(String(order.id), '');
		expect((plugin().records('itemFulfillment') as Row[]).length).toBe(before + 2);
	});
});

describe('inventory adjustment (record type inventoryAdjustment)', () => {
	const balance = (item: string, location: string) =>
		(plugin().records('inventoryBalance') as Row[]).find((r) => r.id === `${item}-${location}`)?.quantityOnHand as number | undefined;

	it('moves the quantity on hand, once per External ID when upserted', async () => {
		const item = String((plugin().records('inventoryItem') as Row[])[0].id);
		const location = String((plugin().records('location') as Row[])[0].id);
		const start = balance(item, location) ?? 0;
		const fields = JSON.stringify({ account: { id: '58' }, adjLocation: { id: location }, memo: 'WMS count', inventory: { items: [{ item: { id: item }, location: { id: location }, adjustQtyBy: 7 }] } });
		const params = { resource: 'record', operation: 'upsert', recordType: '__other', recordTypeId: 'inventoryAdjustment', externalId: 'ADJ-1', inputMode: 'fields', fields, options: {} };
		await run(params, { tba: sandboxTba(sandbox) });
		await run(params, { tba: sandboxTba(sandbox) });
		expect(balance(item, location)).toBe(start + 7);
		expect((plugin().records('inventoryAdjustment') as Row[]).filter((r) => r.externalId === 'ADJ-1')).toHaveLength(1);
	});

	it('refuses an adjustment below zero or without an account, naming the field', async () => {
		const item = String((plugin().records('inventoryItem') as Row[])[1].id);
		const location = String((plugin().records('location') as Row[])[0].id);
		const create = (body: Row) =>
			run({ resource: 'record', operation: 'create', recordType: '__other', recordTypeId: 'inventoryAdjustment', inputMode: 'fields', fields: JSON.stringify(body), options: {} }, { tba: sandboxTba(sandbox) });
		const lines = (by: number) => ({ items: [{ item: { id: item }, location: { id: location }, adjustQtyBy: by }] });
		await expect(create({ account: { id: '58' }, inventory: lines(-100_000) })).rejects.toThrow(/would leave -\d+ on hand/);
		await expect(create({ inventory: lines(1) })).rejects.toThrow(/Adjustment Account/);
	});
});
