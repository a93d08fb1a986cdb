/**
 * workflows/exception-handling.json in a real n8n, as shipped: a workflow whose error workflow it is fails
 * against the NetSuite sandbox (injected 503s) → exactly one exception in the queue, with the failed
 * execution, workflow, node, class and system; the digest counts it; a replay while the fault lasts keeps
 * it open with one more attempt; after the fault clears a replay writes the record once and resolves it,
 * and another replay finds nothing to do.
 */
import type { CredentialJson, WorkflowJson } from '../../../cli/runtime';
import { sandboxCredentials } from '../../../cli/sandboxCredentials';
import { stableId } from '../../../cli/workflows';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { useN8n } from '../harness';
import { EXCEPTION_HANDLING_ID, executionIds, executions, link, nextExecution, node, PKG, queueInspector, queueItems, replayCaller, storeCredential, templates, waitFor } from './helpers';

const PUSH_ID = stableId('workflow:e2e-eh-push-vendor');
const VENDOR_EID = 'SUP-EH-E2E';
const DIGEST_TOKEN = { name: 'X-Digest-Token', value: 'digest-e2e-7f1c' };

let sandbox: RunningSandbox;
let netsuite: CredentialJson;

/** Webhook (answers at once) or Replay In → upsert one vendor in NetSuite; no error output, so a failure fails the run. */
function pushVendor(): WorkflowJson {
	return {
		id: PUSH_ID,
		name: 'E2E push one vendor',
		active: true,
		nodes: [
			node('Push Request', 'n8n-nodes-base.webhook', 2, [0, 0], { path: 'eh-e2e-push', httpMethod: 'POST', responseMode: 'onReceived', options: {} }, { webhookId: stableId('webhook:eh-e2e-push') }),
			node('Replay In', 'n8n-nodes-base.executeWorkflowTrigger', 1.1, [0, 200], { inputSource: 'passthrough' }),
			node('Vendor', 'n8n-nodes-base.set', 3.4, [220, 100], {
				mode: 'raw',
				jsonOutput: JSON.stringify({ type: 'Supplier', externalIds: { netSuiteExternalId: VENDOR_EID }, name: 'Exception Handling E2E Supply', email: 'ap@eh-e2e.example' }),
				options: {},
			}),
			node(
				'Upsert Vendor',
				`${PKG}.netSuiteErp`,
				1,
				[440, 100],
				{ authentication: 'tba', resource: 'record', operation: 'upsert', recordType: 'vendor', externalId: VENDOR_EID, inputMode: 'canonical', canonical: '={{ $json }}', options: {} },
				{ credentials: { netSuiteTbaApi: { id: netsuite.id, name: netsuite.name } } },
			),
		],
		connections: { 'Push Request': { main: [[link('Vendor')]] }, 'Replay In': { main: [[link('Vendor')]] }, Vendor: { main: [[link('Upsert Vendor')]] } },
		settings: { executionOrder: 'v1', errorWorkflow: EXCEPTION_HANDLING_ID },
	};
}

interface Digest {
	total: number;
	stale: number;
	byClass: Record<string, number>;
	bySystem: Record<string, number>;
	byQueue: Record<string, number>;
	byAge: Record<string, number>;
	oldest: Array<{ key: string; queue: string; node: string; attempts: number }>;
	subject: string;
	html: string;
}

interface Outcome {
	exceptionId?: string;
	key: string;
	status: string;
	attempts?: number;
	replays?: number;
	lastError?: string;
}

describe('exception-handling template in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ systems: ['netsuite'] });
		netsuite = sandboxCredentials(sandbox).find((c) => c.type === 'netSuiteTbaApi') as CredentialJson;
		const digestAuth: CredentialJson = { id: stableId('credential:e2e-digest-token'), name: 'Exception Digest Token', type: 'httpHeaderAuth', data: DIGEST_TOKEN };
		const credentials = [netsuite, storeCredential, digestAuth];
		return {
			credentials,
			workflows: [...templates(['exception-handling'], credentials), pushVendor(), queueInspector('eh-e2e-queue', storeCredential), replayCaller('eh-e2e-replay')],
		};
	});
	afterAll(async () => await sandbox?.close());

	const vendors = () => sandbox.records<{ id: string; externalId?: string; companyName?: string }>('netsuite', 'vendor').filter((v) => v.externalId === VENDOR_EID);
	const exceptions = () => queueItems(n8n(), 'eh-e2e-queue', 'exceptions');
	const digest = async () => {
		const response = await n8n().callWebhook<Digest>('exception-digest', { method: 'GET', headers: { [DIGEST_TOKEN.name]: DIGEST_TOKEN.value } });
		expect(response.status).toBe(200);
		return response.body;
	};
	const replay = async (key: string) => {
		const response = await n8n().callWebhook<Outcome>('eh-e2e-replay', { body: { queue: 'exceptions', key }, timeoutMs: 90_000 });
		expect(response.status).toBe(200);
		return response.body;
	};

	let failedExecution = '';

	it('puts exactly one exception in the queue when a run fails, naming the run, node, class and system', async () => {
		sandbox.setFaults({ errorRate: 1, errorStatus: 503 }, 'netsuite');
		const before = await executionIds(n8n(), PUSH_ID);

		const response = await n8n().callWebhook('eh-e2e-push', { body: {} });

		expect(response.status).toBe(200);
		const failed = await nextExecution(n8n(), PUSH_ID, before);
		expect(failed.status).toBe('error');
		failedExecution = failed.id;
		const [queued, ...more] = await waitFor('the exception', async () => {
			const items = await exceptions();
			return items.length > 0 ? items : undefined;
		});
		expect(more).toEqual([]);
		expect(queued).toMatchObject({
			key: `${PUSH_ID}:${failed.id}`,
			status: 'open',
			attempts: 1,
			errorClass: 'transient',
			system: 'netsuite',
			entity: 'workflow run',
			node: 'Upsert Vendor',
			workflowId: PUSH_ID,
			workflowName: 'E2E push one vendor',
			executionId: failed.id,
		});
		expect(queued.message).toMatch(/503/);
		expect(queued.payload.json).toMatchObject({ kind: 'run', workflowId: PUSH_ID, executionId: failed.id, mode: 'webhook' });
		expect(String(queued.payload.json.executionUrl)).toContain(`/workflow/${PUSH_ID}/executions/${failed.id}`);
		expect(vendors()).toEqual([]);
		// The error workflow's own run succeeded (no failure loop).
		const handled = await executions(n8n(), EXCEPTION_HANDLING_ID);
		expect(handled.filter((e) => e.status !== 'success')).toEqual([]);
	});

	it('counts the open exception in the digest by class, system, queue and age', async () => {
		const body = await digest();

		expect(body).toMatchObject({
			total: 1,
			stale: 0,
			byClass: { transient: 1 },
			bySystem: { netsuite: 1 },
			byQueue: { exceptions: 1 },
			byAge: { 'under 1 hour': 1 },
		});
		expect(body.oldest).toEqual([expect.objectContaining({ key: `${PUSH_ID}:${failedExecution}`, queue: 'exceptions', node: 'Upsert Vendor', attempts: 1 })]);
		expect(body.subject).toMatch(/1 open exception \(0 older than 24 h\)/);
		expect(body.html).toContain('<td>netsuite</td>');
	});

	it('refuses the digest without the header token', async () => {
		const response = await n8n().callWebhook('exception-digest', { method: 'GET' });
		expect(response.status).toBe(403);
	});

	it('keeps the exception open with one more attempt when the replay fails again', async () => {
		const key = `${PUSH_ID}:${failedExecution}`;

		const outcome = await replay(key);

		expect(outcome).toMatchObject({ key, status: 'open', attempts: 2, replays: 1 });
		expect(outcome.lastError).toMatch(/503/);
		const [item, ...more] = await exceptions();
		expect(more).toEqual([]);
		expect(item).toMatchObject({ key, status: 'open', attempts: 2 });
		expect(item.history).toHaveLength(2);
		expect(vendors()).toEqual([]);
	});

	it('writes the record once and resolves the exception once the fault clears; a second replay does nothing', async () => {
		sandbox.clearFaults('netsuite');
		const key = `${PUSH_ID}:${failedExecution}`;

		const outcome = await replay(key);

		expect(outcome).toMatchObject({ key, status: 'resolved', attempts: 2, replays: 2 });
		expect(vendors()).toHaveLength(1);
		expect(vendors()[0].companyName).toBe('Exception Handling E2E Supply');
		const [item] = await exceptions();
		expect(item).toMatchObject({ key, status: 'resolved' });
		expect(item.resolution).toMatch(/^Replayed successfully/);

		const requests = sandbox.stats().systems.netsuite.requests;
		const again = await replay(key);
		expect(again).toMatchObject({ key, status: 'not-open' });
		expect(sandbox.stats().systems.netsuite.requests).toBe(requests);
		expect(vendors()).toHaveLength(1);
		expect(await digest()).toMatchObject({ total: 0, byClass: {} });
	});
});
