/**
 * Proves the harness against a real n8n with built-in nodes and a fixture community package:
 * CLI execution (success and failure), a production webhook over HTTP, and that the project's
 * packed node types are loaded.
 */
import { randomInt } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { executeOnce, nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import manualWorkflow from './fixtures/workflows/smoke-manual.json';
import failingWorkflow from './fixtures/workflows/smoke-failing.json';
import webhookWorkflow from './fixtures/workflows/smoke-webhook.json';
import probeWorkflow from './fixtures/workflows/smoke-probe.json';
import { e2eRuntime, fixtureTarball, packageNodeTypes, projectTarball, useN8n } from './harness';

const probeKey = `probe-${randomInt(1_000_000, 9_999_999)}`;
const probeCredential: CredentialJson = {
	id: 'smokeProbeCred01',
	name: 'Smoke probe key',
	type: 'e2eProbeApi',
	data: { apiKey: probeKey },
};

describe('real n8n harness', () => {
	const n8n = useN8n(async () => ({
		packages: [await fixtureTarball('n8n-nodes-e2e-fixture')],
		credentials: [probeCredential],
		workflows: [manualWorkflow, failingWorkflow, webhookWorkflow, probeWorkflow] as WorkflowJson[],
	}));

	it('runs a Manual Trigger → Set → Code workflow with n8n execute', async () => {
		const result = await n8n().execute(manualWorkflow.id);

		expect(result.error).toBeUndefined();
		expect(result.success).toBe(true);
		expect(result.status).toBe('success');
		expect(result.lastNodeExecuted).toBe('Square');
		expect(nodeItems(result, 'Square')).toEqual([
			{ n: 3, square: 9 },
			{ n: 4, square: 16 },
			{ n: 5, square: 25 },
		]);
	});

	it('returns a failed run with its error instead of throwing', async () => {
		const result = await n8n().execute(failingWorkflow.id);

		expect(result.success).toBe(false);
		expect(result.status).toBe('error');
		expect(result.exitCode).not.toBe(0);
		expect(result.lastNodeExecuted).toBe('Fail');
		expect(result.error?.message).toContain('smoke failure 42');
	});

	it('reports an unknown workflow id as an error', async () => {
		const result = await n8n().execute('noSuchWorkflow01');

		expect(result.success).toBe(false);
		expect(result.error?.message).toContain('noSuchWorkflow01');
	});

	it('imports a template without an id into the running instance and runs it by name', async () => {
		const name = 'Smoke: template without an id';
		const template: WorkflowJson = { ...manualWorkflow, id: undefined, name };
		const [id] = await n8n().importWorkflows([template]);

		expect(id).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(n8n().workflowId(name)).toBe(id);
		const result = await n8n().execute(id);
		expect(nodeItems(result, 'Square').map((item) => item.n)).toEqual([3, 4, 5]);
	});

	it('answers a production webhook with the output of the last node', async () => {
		const value = randomInt(1, 1000);
		const response = await n8n().callWebhook<Record<string, unknown>>('erp-interop-smoke', {
			body: { value },
			headers: { 'x-smoke': 'harness' },
		});

		expect(response.status).toBe(200);
		expect(response.body).toEqual({ echoed: value, doubled: value * 2, via: 'harness' });
	});

	it('loads an installed community package and decrypts its imported credential', async () => {
		const result = await n8n().execute(probeWorkflow.id);

		expect(result.error).toBeUndefined();
		expect(nodeItems(result, 'Probe')).toEqual([
			{ greeting: 'hello from the package', keyLength: probeKey.length, keyPrefix: probeKey.slice(0, 3) },
		]);
	});

	it("registers every node type listed in package.json's n8n.nodes", async () => {
		const expected = packageNodeTypes();
		const loaded = await n8n().nodeTypes();

		expect(expected.length).toBeGreaterThan(0);
		expect(loaded).toEqual(expect.arrayContaining([...expected, 'n8n-nodes-e2e-fixture.e2eProbe']));
	});
});

describe('isolation', () => {
	it('runs inside a loopback-only network namespace when run.js set one up', () => {
		const interfaces = Object.keys(networkInterfaces());
		if (process.env.ERP_E2E_NETNS === '1') expect(interfaces).toEqual(['lo']);
		else expect(interfaces.length).toBeGreaterThan(0);
	});
});

describe('executeOnce (no server)', () => {
	it('imports and runs a workflow without starting n8n', async () => {
		const result = await executeOnce({
			runtime: await e2eRuntime(),
			packages: [await projectTarball()],
			workflows: [manualWorkflow as WorkflowJson],
			workflowId: manualWorkflow.id,
		});

		expect(result.success).toBe(true);
		expect(nodeItems(result, 'Square').map((item) => item.square)).toEqual([9, 16, 25]);
	});
});
