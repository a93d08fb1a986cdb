import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ExceptionQueue } from '../../nodes/ExceptionQueue/ExceptionQueue.node';
import { closeSharedStateStores } from '../../nodes/common/state';
import { createExecuteContext } from '../helpers/fakeContext';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'exq-node-'));
});
afterAll(async () => {
	await closeSharedStateStores();
	rmSync(folder, { recursive: true, force: true });
});

async function run(parameters: IDataObject, items: INodeExecutionData[] = [{ json: {} }], continueOnFail = false) {
	const ctx = createExecuteContext({
		parameters: { queue: 'orders', ...parameters },
		items,
		credentials: { interopStateStore: { backend: 'file', folder } },
		node: { type: 'n8n-nodes-erp-interop.exceptionQueue', credentials: { interopStateStore: { id: '1', name: 'store' } } },
		continueOnFail,
	});
	return (await new ExceptionQueue().execute.call(ctx))[0];
}

describe('Exception Queue node', () => {
	it('adds error-output items with their payload, error and class, then lists, replays and resolves them', async () => {
		// What n8n puts on a failing node's error output: the input item's fields plus error fields.
		const failed: INodeExecutionData[] = [
			{ json: { poNumber: 'PO-100', total: '12.50', error: 'Field "shipTo" is required', errorClass: 'validation' } },
			{ json: { poNumber: 'PO-101', total: '99.00', error: 'HTTP 503 from the ERP', description: 'Retry later' } },
		];
		const added = await run({ operation: 'add', key: '', payloadSource: 'item', message: '', errorClass: 'auto', options: { system: 'netsuite' } }, failed);
		expect(added.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(added.map((i) => [i.json.errorClass, i.json.message, i.json.created])).toEqual([
			['validation', 'Field "shipTo" is required', true],
			['transient', 'HTTP 503 from the ERP', true],
		]);
		expect(added[0].json.payload).toEqual({ json: { poNumber: 'PO-100', total: '12.50' } });
		expect(added[0].json.workflowName).toBe('Fake Workflow');
		expect(added[0].json.queue).toBe('orders');

		const listed = await run({ operation: 'getMany', status: 'open', filters: { errorClass: 'transient' }, returnAll: true });
		expect(listed.map((i) => (i.json.payload as IDataObject).json)).toEqual([{ poNumber: 'PO-101', total: '99.00' }]);

		const replayed = await run({ operation: 'replay', replayMode: 'filter', filters: { system: 'netsuite' }, maxItems: 10, options: {} });
		expect(replayed.map((i) => i.json.poNumber)).toEqual(['PO-100', 'PO-101']);
		expect(replayed[0].json._exception).toMatchObject({ queue: 'orders', id: added[0].json.id, replays: 1 });
		// Claimed: a second replay finds nothing open.
		expect(await run({ operation: 'replay', replayMode: 'filter', filters: {}, maxItems: 10, options: {} })).toEqual([]);

		const resolved = await run({ operation: 'resolve', id: added[1].json.id, resolution: 'sent by hand' });
		expect(resolved[0].json).toMatchObject({ status: 'resolved', resolution: 'sent by hand' });
	});

	it('updates the open exception of a key instead of adding another, and Mark Key Succeeded resolves it', async () => {
		const params = { operation: 'add', key: 'PO-200', payloadSource: 'item', message: '', errorClass: 'auto', options: {} };
		const [first] = await run(params, [{ json: { poNumber: 'PO-200', error: 'HTTP 429 Too Many Requests' } }]);
		const [second] = await run(params, [{ json: { poNumber: 'PO-200', error: 'HTTP 429 Too Many Requests' } }]);
		expect(second.json).toMatchObject({ id: first.json.id, attempts: 2, created: false, errorClass: 'rate_limit' });

		const [passed] = await run({ operation: 'markSucceeded', successKey: 'PO-200' }, [{ json: { poNumber: 'PO-200', erpId: 77 } }]);
		expect(passed.json).toEqual({ poNumber: 'PO-200', erpId: 77, resolvedExceptions: [first.json.id] });
		const [got] = await run({ operation: 'get', id: first.json.id });
		expect(got.json.status).toBe('resolved');
	});

	it('keeps binary data when asked and restores it on replay; a corrected payload is what replays', async () => {
		const binary = { data: { data: Buffer.from('ISA*00*...').toString('base64'), mimeType: 'application/edi-x12', fileName: 'po.edi' } };
		const [added] = await run(
			{ operation: 'add', key: 'FILE-1', payloadSource: 'item', message: 'rejected 850', errorClass: 'validation', options: { keepBinary: true } },
			[{ json: { partner: 'RETAILER' }, binary }],
		);
		await run({ operation: 'update', id: added.json.id, payload: '{"partner":"RETAILER","fixed":true}', note: 'fixed the partner id' });
		const [replayed] = await run({ operation: 'replay', replayMode: 'byId', id: added.json.id, options: { infoField: '' } });
		expect(replayed.json).toEqual({ partner: 'RETAILER', fixed: true });
		expect(replayed.binary).toEqual(binary);
	});

	it('names the problem: unknown id, bad JSON, replaying a resolved exception', async () => {
		await expect(run({ operation: 'get', id: '999999' })).rejects.toThrow('No exception with ID "999999" in queue "orders"');
		await expect(run({ operation: 'add', key: '', payloadSource: 'json', payload: '{oops', message: 'x', errorClass: 'auto', options: {} })).rejects.toThrow(
			/Payload JSON is not valid JSON/,
		);
		const [added] = await run({ operation: 'add', key: 'R-1', payloadSource: 'item', message: 'x', errorClass: 'unknown', options: {} });
		await run({ operation: 'resolve', id: added.json.id, resolution: '' });
		const out = await run({ operation: 'replay', replayMode: 'byId', id: added.json.id, options: {} }, [{ json: {} }], true);
		expect(out[0].json.error).toBe(`Exception "${String(added.json.id)}" is resolved, not open`);
	});
});
