/**
 * The ConnectWise PSA node in a real n8n (packed tarball installed as a community package) against the
 * ConnectWise sandbox: paging every ticket, a 429 with Retry-After, creating a ticket through the shipped
 * webhook template, and a wrong private key.
 */
import { join } from 'node:path';

import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { bindCredentials, loadTemplates } from '../../cli/workflows';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { PROJECT_ROOT, useN8n } from './harness';

const CW = 'n8n-nodes-erp-interop.connectWisePsa';
const WRONG_KEY = 'wrongPrivKey-7f3a9c1e55';

let sandbox: RunningSandbox;
let good: CredentialJson;

function manualWorkflow(id: string, name: string, cwParameters: Record<string, unknown>, credential: CredentialJson): WorkflowJson {
	return {
		id,
		name,
		active: false,
		nodes: [
			{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-c`,
				name: 'ConnectWise',
				type: CW,
				typeVersion: 1,
				position: [220, 0],
				parameters: cwParameters,
				credentials: { connectWisePsaApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'ConnectWise', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The ConnectWise node set to "On Error: Continue (using error output)". */
function withErrorOutput(workflow: WorkflowJson): WorkflowJson {
	return { ...workflow, nodes: workflow.nodes.map((node) => (node.name === 'ConnectWise' ? { ...node, onError: 'continueErrorOutput' } : node)) };
}

const allTickets = (options: Record<string, unknown> = {}) => ({
	resource: 'ticket',
	operation: 'getAll',
	returnAll: true,
	options: { fields: 'id,summary', ...options },
});

describe('ConnectWise PSA in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ seed: 7 });
		[good] = sandboxCredentials(sandbox);
		const wrong: CredentialJson = {
			...good,
			id: 'cwWrongKeyCred01',
			name: 'ConnectWise PSA (wrong key)',
			data: { ...good.data, privateKey: WRONG_KEY },
		};
		// The templates keep refused tickets in the Exception Queue, which lives in the state store.
		const store: CredentialJson = { id: 'cwE2eStateStore1', name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } };
		const templates = loadTemplates(join(PROJECT_ROOT, 'workflows')).map((w) => bindCredentials(w, [good, store]));
		return {
			credentials: [good, wrong, store],
			workflows: [
				manualWorkflow('cwAllTickets0001', 'CW all tickets', allTickets(), good),
				manualWorkflow('cwAllTicketsPar1', 'CW all tickets (parallel pages)', allTickets({ parallelPages: true }), good),
				manualWorkflow('cwWrongKey000001', 'CW wrong key', { resource: 'company', operation: 'getAll', limit: 5, options: {} }, wrong),
				withErrorOutput(
					manualWorkflow('cwErrorOutput001', 'CW error output', { resource: 'company', operation: 'getAll', limit: 5, options: {} }, wrong),
				),
				...templates,
			],
		};
	});

	afterAll(async () => await sandbox?.close());

	beforeEach(() => {
		sandbox.clearFaults();
		sandbox.resetStats();
	});

	const ticketIds = () => sandbox.records<{ id: number }>('connectwise', 'tickets').map((t) => t.id);

	it.each([
		['forward-only Link paging', 'cwAllTickets0001'],
		['parallel numbered pages', 'cwAllTicketsPar1'],
	])('returns every one of ≥ 2,500 tickets exactly once (%s)', async (_mode, workflowId) => {
		const expected = ticketIds();
		expect(expected.length).toBeGreaterThanOrEqual(2500);

		const result = await n8n().execute(workflowId);

		expect(result.error).toBeUndefined();
		const ids = nodeItems(result, 'ConnectWise').map((item) => item.id as number);
		expect(ids).toHaveLength(expected.length);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
		// 1,000 per page: three pages, plus one count request in parallel mode.
		expect(sandbox.stats().systems.connectwise.requests).toBeLessThanOrEqual(4);
	});

	it('waits out an injected 429 burst with Retry-After and still returns everything', async () => {
		sandbox.setFaults({ burst429: { count: 2, retryAfterSec: 1 } }, 'connectwise');
		const started = Date.now();

		const result = await n8n().execute('cwAllTickets0001');

		expect(result.error).toBeUndefined();
		expect(nodeItems(result, 'ConnectWise')).toHaveLength(ticketIds().length);
		const stats = sandbox.stats().systems.connectwise;
		expect(stats.injected.burst429).toBe(2);
		expect(stats.byStatus['429']).toBe(2);
		// Two Retry-After: 1 waits were honoured (minus n8n's own start-up, which is longer than that).
		const node = result.runData.ConnectWise[0];
		expect(node.executionTime).toBeGreaterThanOrEqual(2000);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
	});

	it('creates a service ticket through the shipped webhook template', async () => {
		const client = sandbox
			.records<{ id: number; identifier: string; types: Array<{ name: string }> }>('connectwise', 'companies')
			.find((c) => c.types.some((t) => t.name === 'Client'));
		expect(client).toBeDefined();
		const before = ticketIds().length;
		const summary = `E2E: printer offline ${Date.now()}`;

		const response = await n8n().callWebhook<{ ticketId: number; summary: string; company: string }>('connectwise-demo-ticket', {
			body: { summary, companyIdentifier: client!.identifier },
		});

		expect(response.status).toBe(201);
		expect(response.body.summary).toBe(summary);
		expect(response.body.company).toBe(client!.identifier);
		const created = sandbox
			.records<{ id: number; summary: string; company: { id: number }; board: { id: number } }>('connectwise', 'tickets')
			.find((t) => t.id === response.body.ticketId);
		expect(created).toMatchObject({ summary, company: { id: client!.id }, board: { id: 1 } });
		expect(ticketIds()).toHaveLength(before + 1);
	});

	it('answers 404 for an unknown company and creates nothing', async () => {
		const before = ticketIds().length;

		const response = await n8n().callWebhook<{ error: string }>('connectwise-demo-ticket', {
			body: { summary: 'E2E: should not exist', companyIdentifier: 'NoSuchCompany42' },
		});

		expect(response.status).toBe(404);
		expect(response.body.error).toContain('NoSuchCompany42');
		expect(ticketIds()).toHaveLength(before);
	});

	it('answers 422 with the reason when the ticket cannot be created, and creates nothing', async () => {
		const client = sandbox
			.records<{ identifier: string; types: Array<{ name: string }> }>('connectwise', 'companies')
			.find((c) => c.types.some((t) => t.name === 'Client'));
		const before = ticketIds().length;

		const response = await n8n().callWebhook<{ error: string }>('connectwise-demo-ticket', {
			body: { companyIdentifier: client!.identifier },
		});

		expect(response.status).toBe(422);
		expect(response.body.error).toMatch(/Summary is required/);
		expect(ticketIds()).toHaveLength(before);
	});

	it('reports a wrong private key as a clear credential error that contains no secret', async () => {
		const result = await n8n().execute('cwWrongKey000001');

		expect(result.success).toBe(false);
		expect(result.error?.message).toMatch(/ConnectWise PSA rejected the credentials/);
		const everything = `${JSON.stringify(result.run ?? {})}\n${result.logs}\n${n8n().logs()}`;
		const real = String(good.data.privateKey);
		for (const secret of [WRONG_KEY, real]) {
			for (const form of [secret, Buffer.from(secret).toString('base64')]) expect(everything).not.toContain(form);
		}
		// Basic auth of companyId+publicKey:privateKey, as sent on the wire, must not leak either.
		const basic = Buffer.from(`${good.data.companyId}+${good.data.publicKey}:${WRONG_KEY}`).toString('base64');
		expect(everything).not.toContain(basic);
		expect(sandbox.stats().systems.connectwise.byStatus['401']).toBeGreaterThanOrEqual(1);
	});

	it('routes a failed item to the error output when the node is set to continue on it', async () => {
		const result = await n8n().execute('cwErrorOutput001');

		expect(result.error).toBeUndefined();
		expect(nodeItems(result, 'ConnectWise', { output: 0 })).toEqual([]);
		const [failed, ...rest] = nodeItems(result, 'ConnectWise', { output: 1 });
		expect(rest).toEqual([]);
		// n8n keeps only the message of an error-output item.
		expect(String(failed.error)).toMatch(/^ConnectWise PSA 401 \[Unauthorized\]: ConnectWise PSA rejected the credentials/);
		expect(JSON.stringify(failed)).not.toContain(WRONG_KEY);
	});
});
