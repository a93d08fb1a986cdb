/**
 * What n8n 2.x really hands the next node on an error output: the item's JSON reduced to `{ error }`,
 * the node's error object still on the item. The Exception Queue takes the class and description from
 * that error; the record itself comes from a Custom JSON payload (the templates read it back through
 * the item's paired item).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { ExceptionQueue } from '../../nodes/ExceptionQueue/ExceptionQueue.node';
import { closeSharedStateStores } from '../../nodes/common/state';
import { createExecuteContext } from '../helpers/fakeContext';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'exq-error-output-'));
});
afterAll(async () => {
	await closeSharedStateStores();
	rmSync(folder, { recursive: true, force: true });
});

const failingNode = { name: 'Upsert Sales Order', type: 'n8n-nodes-erp-interop.netSuiteErp', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

function errorOutputItem(error: NodeApiError | NodeOperationError): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: 0 } };
}

async function add(items: INodeExecutionData[], payload: IDataObject) {
	const ctx = createExecuteContext({
		parameters: { queue: 'orders', operation: 'add', key: 'RETAILER:PO-1:erp', payloadSource: 'json', payload, message: '', errorClass: 'auto', options: {} },
		items,
		credentials: { interopStateStore: { backend: 'file', folder } },
		node: { type: 'n8n-nodes-erp-interop.exceptionQueue', credentials: { interopStateStore: { id: '1', name: 'store' } } },
	});
	return (await new ExceptionQueue().execute.call(ctx))[0];
}

describe('Exception Queue: items from an error output', () => {
	it('takes the error class and description the failing node attached, not a guess from the message', async () => {
		const error = new NodeApiError(failingNode, { statusCode: 409 } as JsonObject, { message: 'NetSuite 409: the record changed', description: 'Fetch it again.', httpCode: '409' });
		error.context.errorClass = 'duplicate';
		const [added] = await add([errorOutputItem(error)], { po: 'PO-1', stage: 'erp' });
		expect(added.json).toMatchObject({ errorClass: 'duplicate', message: 'NetSuite 409: the record changed', description: 'Fetch it again.', key: 'RETAILER:PO-1:erp' });
		expect(added.json.payload).toEqual({ json: { po: 'PO-1', stage: 'erp' } });
	});

	it('classifies from the message when the error carries no class', async () => {
		const [added] = await add([errorOutputItem(new NodeOperationError(failingNode, 'Trading partner 503: Service Unavailable'))], { po: 'PO-2' });
		expect(added.json.errorClass).toBe('transient');
	});
});
