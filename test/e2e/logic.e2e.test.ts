/**
 * The logic nodes in a real n8n with the file state store: Delta Sync compare → a write step that fails
 * for one record → Exception Queue for the failure, Delta Sync Confirm for the rest; a second run offers
 * only the unconfirmed record again, and a replay workflow gets its payload back from the queue.
 */
import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { stableId } from '../../cli/workflows';
import { useN8n } from './harness';

const PKG = 'n8n-nodes-erp-interop';
const store: CredentialJson = { id: stableId('credential:e2e-logic-store'), name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } };
const storeRef = { interopStateStore: { id: store.id, name: store.name } };

type Node = WorkflowJson['nodes'][number];
const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number, extra: Partial<Node> = {}): Node => ({
	id: stableId(`node:${name}`),
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});
const link = (to: string, index = 0) => ({ node: to, type: 'main', index });

const ROWS = [
	{ sku: 'A-100', name: 'Widget', price: '9.99' },
	{ sku: 'B-200', name: 'Gadget', price: '19.99' },
	{ sku: 'FAIL-1', name: 'Rejected by the ERP', price: '1.00' },
];

/** Manual trigger → rows → Delta Sync → (new or changed) → IF failing sku → Exception Queue / Confirm. */
const syncWorkflow: WorkflowJson = {
	id: 'e2eDeltaSync0001',
	name: 'E2E delta sync',
	active: false,
	nodes: [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		node('Rows', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ rows: ROWS }), options: {} }, 200),
		node('Split', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'rows', options: {} }, 400),
		node(
			'Delta Sync',
			`${PKG}.deltaSync`,
			1,
			{ operation: 'diff', scope: 'e2e-items', keyFields: 'sku', compareMode: 'all', options: {} },
			600,
			{ credentials: storeRef },
		),
		node(
			'ERP Rejects?',
			'n8n-nodes-base.if',
			2,
			{
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
					conditions: [{ id: 'c1', leftValue: '={{ $json.sku }}', rightValue: 'FAIL', operator: { type: 'string', operation: 'startsWith' } }],
					combinator: 'and',
				},
				options: {},
			},
			800,
		),
		node(
			'Exception Queue',
			`${PKG}.exceptionQueue`,
			1,
			{
				operation: 'add',
				queue: 'e2e-items',
				key: '={{ $json.sku }}',
				payloadSource: 'item',
				message: 'ERP rejected the item',
				errorClass: 'validation',
				options: { system: 'erp', entity: 'item' },
			},
			1000,
			{ credentials: storeRef },
		),
		node('Confirm', `${PKG}.deltaSync`, 1, { operation: 'confirm', scope: 'e2e-items', confirmKey: '={{ $json._delta.key }}' }, 1000, { credentials: storeRef }),
	],
	connections: {
		Start: { main: [[link('Rows')]] },
		Rows: { main: [[link('Split')]] },
		Split: { main: [[link('Delta Sync')]] },
		'Delta Sync': { main: [[link('ERP Rejects?')], [link('ERP Rejects?')], [], []] },
		'ERP Rejects?': { main: [[link('Exception Queue')], [link('Confirm')]] },
	},
	settings: { executionOrder: 'v1' },
};

const replayWorkflow: WorkflowJson = {
	id: 'e2eReplayQueue01',
	name: 'E2E replay exceptions',
	active: false,
	nodes: [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		node(
			'Replay',
			`${PKG}.exceptionQueue`,
			1,
			{ operation: 'replay', queue: 'e2e-items', replayMode: 'filter', filters: { system: 'erp' }, maxItems: 10, options: {} },
			200,
			{ credentials: storeRef },
		),
	],
	connections: { Start: { main: [[link('Replay')]] } },
	settings: { executionOrder: 'v1' },
};

describe('Delta Sync and Exception Queue in a real n8n', () => {
	const n8n = useN8n(() => ({ credentials: [store], workflows: [syncWorkflow, replayWorkflow] }));
	const skus = (items: Array<Record<string, unknown>>) => items.map((i) => i.sku).sort();

	it('offers again only what was not confirmed, and keeps the failure in the queue for replay', async () => {
		const first = await n8n().execute(syncWorkflow.id!);
		expect(first.error).toBeUndefined();
		expect(skus(nodeItems(first, 'Delta Sync', { output: 0 }))).toEqual(['A-100', 'B-200', 'FAIL-1']);
		expect(skus(nodeItems(first, 'Confirm'))).toEqual(['A-100', 'B-200']);
		expect(nodeItems(first, 'Confirm').every((i) => (i._delta as Record<string, unknown>).confirmed === true)).toBe(true);
		const queued = nodeItems(first, 'Exception Queue');
		expect(queued).toHaveLength(1);
		expect(queued[0]).toMatchObject({ key: 'FAIL-1', status: 'open', attempts: 1, errorClass: 'validation', created: true });

		// Same input again: the confirmed records are unchanged; the failed one is offered again.
		const second = await n8n().execute(syncWorkflow.id!);
		expect(second.error).toBeUndefined();
		expect(skus(nodeItems(second, 'Delta Sync', { output: 0 }))).toEqual(['FAIL-1']);
		expect(nodeItems(second, 'Delta Sync', { output: 1 })).toEqual([]);
		expect(skus(nodeItems(second, 'Delta Sync', { output: 2 }))).toEqual(['A-100', 'B-200']);
		// The same key failing again updates its exception instead of adding one.
		expect(nodeItems(second, 'Exception Queue')[0]).toMatchObject({ id: queued[0].id, attempts: 2, created: false });

		const replay = await n8n().execute(replayWorkflow.id!);
		expect(replay.error).toBeUndefined();
		const replayed = nodeItems(replay, 'Replay');
		expect(replayed).toHaveLength(1);
		expect(replayed[0]).toMatchObject({ sku: 'FAIL-1', name: 'Rejected by the ERP', _exception: { id: queued[0].id, key: 'FAIL-1' } });
	});
});
