import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DeltaSync } from '../../nodes/DeltaSync/DeltaSync.node';
import { closeSharedStateStores } from '../../nodes/common/state';
import { createExecuteContext } from '../helpers/fakeContext';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'delta-node-'));
});
afterAll(async () => {
	await closeSharedStateStores();
	rmSync(folder, { recursive: true, force: true });
});

async function run(parameters: IDataObject | ((i: number) => IDataObject), items: INodeExecutionData[], continueOnFail = false) {
	const ctx = createExecuteContext({
		parameters: (i: number) => ({ scope: 'items', ...(typeof parameters === 'function' ? parameters(i) : parameters) }),
		items,
		credentials: { interopStateStore: { backend: 'file', folder } },
		node: { type: 'n8n-nodes-erp-interop.deltaSync' },
		continueOnFail,
	});
	return await new DeltaSync().execute.call(ctx);
}

const compare = (options: IDataObject = {}) => ({ operation: 'diff', keyFields: 'sku', compareMode: 'all', options: { detectDeletions: true, ...options } });
const items = (rows: IDataObject[]) => rows.map((json) => ({ json }));
const keysOf = (output: INodeExecutionData[]) => output.map((i) => (i.json._delta as IDataObject).key);

describe('Delta Sync node', () => {
	it('routes to New / Changed / Unchanged / Deleted with pairedItem, and commits only what Confirm received', async () => {
		const first = await run(compare(), items([{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }]));
		expect(first.map((o) => o.length)).toEqual([2, 0, 0, 0]);
		expect(first[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// Only A was written downstream.
		const [confirmed] = await run((i) => ({ operation: 'confirm', confirmKey: ['A'][i] }), [first[0][0]]);
		expect(confirmed[0].json._delta).toMatchObject({ key: 'A', confirmed: true });

		const second = await run(compare(), items([{ sku: 'A', qty: 5 }, { sku: 'B', qty: 2 }, { sku: 'C', qty: 3 }]));
		expect(second.map(keysOf)).toEqual([['B', 'C'], ['A'], [], []]);
		expect(second[1][0].json._delta).toMatchObject({ status: 'changed', changedFields: ['qty'], changes: [{ field: 'qty', old: 1, new: 5 }] });
		await run((i) => ({ operation: 'confirm', confirmKey: ['A', 'B', 'C'][i] }), [...second[1], ...second[0]]);

		const third = await run(compare(), items([{ sku: 'A', qty: 5 }, { sku: 'C', qty: 3 }]));
		expect(third.map(keysOf)).toEqual([[], [], ['A', 'C'], ['B']]);
		expect(third[3][0].json).toEqual({ sku: 'B', qty: 2, _delta: { scope: 'items', key: 'B', status: 'deleted' } });
	});

	it('commits at once with Commit Without Confirm', async () => {
		const params = { ...compare({ autoCommit: true, detectDeletions: false }), scope: 'auto' };
		expect((await run(params, items([{ sku: 'X', qty: 1 }])))[0]).toHaveLength(1);
		expect((await run(params, items([{ sku: 'X', qty: 1 }])))[2]).toHaveLength(1);
	});

	it('fails the item with a missing or repeated key by name, or routes it as an error item', async () => {
		const bad = items([{ sku: 'K1', qty: 1 }, { qty: 2 }, { sku: 'K1', qty: 3 }]);
		await expect(run({ ...compare(), scope: 'bad' }, bad)).rejects.toThrow('Item 1 has no value in key field "sku"');
		const outputs = await run({ ...compare(), scope: 'bad' }, bad, true);
		expect(outputs[0].map((i) => [i.pairedItem, i.json.error ?? (i.json._delta as IDataObject).key])).toEqual([
			[{ item: 1 }, 'Item 1 has no value in key field "sku"'],
			[{ item: 2 }, 'Item 2 repeats key K1 of item 0: each record must have its own key'],
			[{ item: 0 }, 'K1'],
		]);
	});
});
