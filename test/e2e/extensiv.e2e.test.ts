/**
 * The Extensiv 3PL Warehouse Manager node in a real n8n against the Extensiv sandbox: Return All over
 * three HAL pages, an order created and then updated with a stale ETag (a clear conflict error, the
 * order keeps the first change), and the token fetched once and reused by later executions.
 */
import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type ExtensivPlugin, type RunningSandbox } from '../../sandbox';
import { useN8n } from './harness';

const EXTENSIV = 'n8n-nodes-erp-interop.extensiv';
const ORDERS = 260;
const PAGE_SIZE = 100;

let sandbox: RunningSandbox;
let credential: CredentialJson;

type Node = WorkflowJson['nodes'][number];

function extensivNode(id: string, name: string, parameters: Record<string, unknown>, x: number): Node {
	return {
		id,
		name,
		type: EXTENSIV,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: { extensivApi: { id: credential.id, name: credential.name } },
	};
}

function chain(id: string, name: string, nodes: Node[]): WorkflowJson {
	const all: Node[] = [{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, ...nodes];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) connections[all[i].name as string] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

describe('Extensiv 3PL Warehouse Manager in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ seed: 11, systems: ['extensiv'], extensiv: { orders: ORDERS } });
		credential = sandboxCredentials(sandbox).find((c) => c.type === 'extensivApi') as CredentialJson;
		const sku = sandbox.records<{ sku: string; customerId: number }>('extensiv', 'items').find((i) => i.customerId === 1)?.sku;
		return {
			credentials: [credential],
			workflows: [
				chain('exAllOrders00001', 'Extensiv all orders', [
					extensivNode('exAll-1', 'Extensiv', { resource: 'order', operation: 'getAll', returnAll: true, options: { detail: 'None', pageSize: PAGE_SIZE } }, 220),
				]),
				chain('exStaleEtag00001', 'Extensiv create then stale update', [
					extensivNode(
						'exStale-1',
						'Create',
						{
							resource: 'order',
							operation: 'create',
							input: 'fields',
							customerId: 1,
							facilityId: 1,
							referenceNum: 'E2E-ORDER-1',
							lines: { line: [{ sku, qty: 4 }] },
							additionalFields: { poNum: 'PO-E2E-1' },
							options: {},
						},
						220,
					),
					extensivNode(
						'exStale-2',
						'Update',
						{
							resource: 'order',
							operation: 'update',
							orderId: { __rl: true, mode: 'id', value: '={{ $json.readOnly.orderId }}' },
							etag: '={{ $json.etag }}',
							updateFields: { notes: 'first change' },
						},
						440,
					),
					extensivNode(
						'exStale-3',
						'Stale Update',
						{
							resource: 'order',
							operation: 'update',
							orderId: { __rl: true, mode: 'id', value: "={{ $('Create').item.json.readOnly.orderId }}" },
							etag: "={{ $('Create').item.json.etag }}",
							updateFields: { notes: 'second change from a stale read' },
						},
						660,
					),
				]),
			],
		};
	});

	afterAll(async () => await sandbox?.close());

	it('Return All reads 3 pages of 100 (HAL next links) and returns each of the 260 orders once', async () => {
		sandbox.resetStats();
		const result = await n8n().execute('exAllOrders00001');

		expect(result.error).toBeUndefined();
		expect(Object.keys(result.runData)).toContain('Extensiv');
		const ids = nodeItems(result, 'Extensiv').map((o) => (o.readOnly as { orderId: number }).orderId);
		const expected = sandbox.records<{ readOnly: { orderId: number } }>('extensiv', 'orders').map((o) => o.readOnly.orderId);
		expect(ids).toHaveLength(ORDERS);
		expect(new Set(ids).size).toBe(ORDERS);
		expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
		// Exactly three list pages (the token was fetched by an earlier run or is one more request).
		const stats = sandbox.stats().systems.extensiv;
		expect(stats.byStatus['200']).toBeGreaterThanOrEqual(3);
		expect(stats.requests).toBeLessThanOrEqual(4);
	});

	it('creates an order, and an update with the stale ETag fails with a clear conflict error', async () => {
		const result = await n8n().execute('exStaleEtag00001');

		expect(result.success).toBe(false);
		const [created] = nodeItems(result, 'Create');
		expect(created).toMatchObject({ referenceNum: 'E2E-ORDER-1', poNum: 'PO-E2E-1' });
		expect(String(created.etag)).toMatch(/^".+"$/);
		expect(nodeItems(result, 'Update')[0]).toMatchObject({ notes: 'first change' });
		expect(result.error?.message).toMatch(/Extensiv 412 \[ConcurrencyConflict\]: The record has changed since you read it/);
		const stored = sandbox
			.records<{ readOnly: { orderId: number }; referenceNum: string; notes: string }>('extensiv', 'orders')
			.filter((o) => o.referenceNum === 'E2E-ORDER-1');
		expect(stored).toHaveLength(1);
		expect(stored[0].notes).toBe('first change');
	});

	it('a re-run does not create the order again, and the stored token is reused across executions', async () => {
		const tokensBefore = sandbox.plugin<ExtensivPlugin>('extensiv').tokenRequests;
		const result = await n8n().execute('exStaleEtag00001');

		expect(nodeItems(result, 'Create')[0]).toMatchObject({ referenceNum: 'E2E-ORDER-1' });
		expect(sandbox.records<{ referenceNum: string }>('extensiv', 'orders').filter((o) => o.referenceNum === 'E2E-ORDER-1')).toHaveLength(1);
		expect(tokensBefore).toBe(1);
		expect(sandbox.plugin<ExtensivPlugin>('extensiv').tokenRequests).toBe(1);
	});
});
