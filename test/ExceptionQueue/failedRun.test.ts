/** Add from an error workflow: the exception names the run that failed, not the error workflow's own run. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ExceptionQueue } from '../../nodes/ExceptionQueue/ExceptionQueue.node';
import { closeSharedStateStores } from '../../nodes/common/state';
import { createExecuteContext } from '../helpers/fakeContext';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'exq-failed-run-'));
});
afterAll(async () => {
	await closeSharedStateStores();
	rmSync(folder, { recursive: true, force: true });
});

async function add(key: string, options: IDataObject, items: INodeExecutionData[]) {
	const ctx = createExecuteContext({
		parameters: { queue: 'runs', operation: 'add', key, payloadSource: 'item', message: '', errorClass: 'auto', options },
		items,
		credentials: { interopStateStore: { backend: 'file', folder } },
		node: { type: 'n8n-nodes-erp-interop.exceptionQueue', credentials: { interopStateStore: { id: '1', name: 'store' } } },
	});
	return (await new ExceptionQueue().execute.call(ctx))[0];
}

describe('Exception Queue Add: the failed run', () => {
	it('records the failed workflow and execution given in the options', async () => {
		const [added] = await add('A', { workflowId: 'wfSupplierSync01', workflowName: 'Supplier sync', executionId: '4711', node: 'Upsert Item' }, [
			{ json: { sku: 'A', error: 'NetSuite 503' } },
		]);
		expect(added.json).toMatchObject({ workflowId: 'wfSupplierSync01', workflowName: 'Supplier sync', executionId: '4711', node: 'Upsert Item' });
	});

	it("records this run's workflow and execution without them", async () => {
		const [added] = await add('B', {}, [{ json: { sku: 'B', error: 'NetSuite 503' } }]);
		expect(added.json.workflowName).toBe('Fake Workflow');
		expect(added.json).toMatchObject({ workflowId: 'fake-workflow', executionId: 'fake-execution' });
	});
});
