/**
 * The HaloPSA nodes in a real n8n against the HaloPSA sandbox: n8n's OAuth2 client-credentials
 * token renewed on expiry in the middle of a Return All, every ticket returned exactly once, a
 * canonical create, and the trigger registering its webhook and refusing unauthenticated deliveries.
 */
import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type HaloPsaPlugin, type RunningSandbox } from '../../sandbox';
import { useN8n } from './harness';

const HALO = 'n8n-nodes-erp-interop.haloPsa';
const WEBHOOK_ID = '9e1f7c2a-4d3b-4a8e-b5f6-0c2d7e9a1b43';
const PATH = `${WEBHOOK_ID}/webhook`;
const HOOK_USER = 'halo-webhook';
const HOOK_PASSWORD = 'e2e-Hook-Secret-7c41d9a2';
/** Short tokens so that one Return All outlives several of them. */
const TOKEN_LIFETIME_SEC = 1;
const WRONG_SECRET = 'not-the-secret-42';

let sandbox: RunningSandbox;
let oauth: CredentialJson;

const hookCredential: CredentialJson = {
	id: 'haloHookCred0001',
	name: 'HaloPSA webhook (e2e)',
	type: 'haloPsaWebhookApi',
	data: { authentication: 'basicAuth', user: HOOK_USER, password: HOOK_PASSWORD },
};

/** A credential never used before, so its test has to fetch a token with the wrong secret. */
const wrongSecret = (): CredentialJson => ({ ...oauth, id: 'haloWrongSecret1', name: 'HaloPSA (wrong secret)', data: { ...oauth.data, clientSecret: WRONG_SECRET } });

function manualWorkflow(id: string, name: string, parameters: Record<string, unknown>): WorkflowJson {
	return {
		id,
		name,
		active: false,
		nodes: [
			{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-h`,
				name: 'Halo',
				type: HALO,
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { haloPsaOAuth2Api: { id: oauth.id, name: oauth.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'Halo', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function triggerWorkflow(): WorkflowJson {
	return {
		id: 'haloTriggerFlow1',
		name: 'Halo ticket webhooks',
		active: true,
		nodes: [
			{
				id: 'halotrig-1',
				name: 'Halo Trigger',
				type: 'n8n-nodes-erp-interop.haloPsaTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { register: true, options: { events: 'ticket_created' } },
				credentials: {
					haloPsaWebhookApi: { id: hookCredential.id, name: hookCredential.name },
					haloPsaOAuth2Api: { id: oauth.id, name: oauth.name },
				},
			},
			{ id: 'halotrig-2', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { 'Halo Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const canonicalCustomer = {
	type: 'Customer',
	externalIds: {},
	name: 'Granite E2E Logistics LLC',
	status: 'active',
	email: 'accounts@granite-e2e.example',
	website: 'https://granite-e2e.example',
};

interface Execution {
	id: string;
	status: string;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

describe('HaloPSA in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ seed: 5, systems: ['halopsa'], halopsa: { tokenLifetimeSec: TOKEN_LIFETIME_SEC } });
		[oauth] = sandboxCredentials(sandbox);
		return {
			credentials: [oauth, wrongSecret(), hookCredential],
			workflows: [
				manualWorkflow('haloAllTickets01', 'Halo all tickets', { resource: 'ticket', operation: 'getAll', returnAll: true, filters: {} }),
				manualWorkflow('haloCanonCreate1', 'Halo canonical customer', {
					resource: 'client',
					operation: 'create',
					inputMode: 'canonical',
					canonical: JSON.stringify(canonicalCustomer),
				}),
				manualWorkflow('haloBadClient001', 'Halo invalid ticket', {
					resource: 'ticket',
					operation: 'create',
					summary: 'E2E ticket for a missing client',
					client_id: 999999,
					additionalFields: {},
				}),
				triggerWorkflow(),
			],
			webhooks: [{ path: PATH, method: 'POST' }],
		};
	});

	afterAll(async () => await sandbox?.close());

	beforeEach(() => {
		sandbox.clearFaults();
		sandbox.resetStats();
	});

	const executions = async () =>
		(await n8n().publicApi<{ data: Execution[] }>('GET', 'executions?workflowId=haloTriggerFlow1&includeData=true&limit=50')).body.data;

	it('passes the credential test (token call and GET /Status), and fails it for a wrong secret', async () => {
		type TestResult = { data: { status: string; message: string } };
		const test = async (credential: CredentialJson) =>
			(
				await n8n().rest<TestResult>('POST', '/rest/credentials/test', {
					credentials: { id: credential.id, name: credential.name, type: credential.type, data: credential.data },
				})
			).body.data;

		expect(await test(oauth)).toMatchObject({ status: 'OK' });
		const wrong = await test(wrongSecret());
		expect(wrong.status).toBe('Error');
		expect(wrong.message).not.toContain(WRONG_SECRET);
	});

	it('returns every ticket exactly once while n8n renews expiring tokens mid-run', async () => {
		const expected = sandbox.records<{ id: number }>('halopsa', 'tickets').map((t) => t.id);
		expect(expected.length).toBeGreaterThanOrEqual(1000);
		const plugin = sandbox.plugin<HaloPsaPlugin>('halopsa');
		const tokensBefore = plugin.tokens.issued;
		// Slow pages: the run takes several token lifetimes.
		sandbox.setFaults({ latencyMs: 250 }, 'halopsa');
		const started = Date.now();

		const result = await n8n().execute('haloAllTickets01');

		expect(result.error).toBeUndefined();
		const ids = nodeItems(result, 'Halo').map((item) => item.id as number);
		expect(ids).toHaveLength(expected.length);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
		const stats = sandbox.stats().systems.halopsa;
		// 100 per page, plus one retry per expired token.
		const pages = Math.ceil(expected.length / 100);
		expect(stats.byStatus['401']).toBeGreaterThanOrEqual(1);
		expect(stats.byStatus['200']).toBeGreaterThanOrEqual(pages);
		expect(plugin.tokens.issued - tokensBefore).toBeGreaterThanOrEqual(2);
		expect(Date.now() - started).toBeGreaterThan(TOKEN_LIFETIME_SEC * 1000);
	});

	it('creates a client from a canonical Customer', async () => {
		const result = await n8n().execute('haloCanonCreate1');

		expect(result.error).toBeUndefined();
		const [created] = nodeItems(result, 'Halo');
		expect(created).toMatchObject({ name: canonicalCustomer.name, website: canonicalCustomer.website, inactive: false });
		const stored = sandbox.records<{ id: number; name: string; accountsemailaddress: string }>('halopsa', 'clients').find((c) => c.id === created.id);
		expect(stored).toMatchObject({ name: canonicalCustomer.name, accountsemailaddress: canonicalCustomer.email });
	});

	it('reports Halo’s validation error and creates nothing', async () => {
		const before = sandbox.records('halopsa', 'tickets').length;
		const result = await n8n().execute('haloBadClient001');

		expect(result.success).toBe(false);
		expect(result.error?.message).toMatch(/client_id 999999 does not exist/);
		expect(sandbox.records('halopsa', 'tickets')).toHaveLength(before);
	});

	it('registers its webhook on activation, and a ticket created in Halo starts one execution', async () => {
		const hooks = sandbox.records<{ id: string; url: string; authentication_type: number; basic_username: string }>('halopsa', 'webhooks');
		expect(hooks).toHaveLength(1);
		expect(hooks[0]).toMatchObject({ authentication_type: 1, basic_username: HOOK_USER });
		expect(hooks[0].url).toMatch(new RegExp(`/webhook/${PATH}$`));

		const before = (await executions()).length;
		sandbox.clearDeliveries();
		const plugin = sandbox.plugin<HaloPsaPlugin>('halopsa');
		const ticket = plugin.saveAs('tickets', { summary: 'E2E: webhook ticket', client_id: 1 });
		// An update is delivered too, but the trigger only runs for ticket_created.
		plugin.saveAs('tickets', { id: ticket.id, status_id: 2 });
		await sandbox.webhooksIdle();
		const statuses = sandbox.deliveries('halopsa').map((d) => d.status);
		expect(statuses).toEqual([200, 200]);

		let list: Execution[] = [];
		for (let i = 0; i < 50 && list.length <= before; i++) {
			list = await executions();
			if (list.length <= before) await new Promise((r) => setTimeout(r, 200));
		}
		await new Promise((r) => setTimeout(r, 500));
		list = await executions();
		expect(list).toHaveLength(before + 1);
		const item = list[0].data?.resultData?.runData?.['Halo Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
		expect(item).toMatchObject({ event: 'ticket_created', ticket: { id: ticket.id, summary: 'E2E: webhook ticket' } });
	});

	it('answers 401 without a run for a wrong password or no authentication', async () => {
		const before = (await executions()).length;
		const body = { event: 'ticket_created', ticket: { id: 1, summary: 'forged' } };
		const wrong = `Basic ${Buffer.from(`${HOOK_USER}:not-the-password`).toString('base64')}`;

		expect((await n8n().callWebhook(PATH, { body, headers: { authorization: wrong } })).status).toBe(401);
		expect((await n8n().callWebhook(PATH, { body })).status).toBe(401);
		await new Promise((r) => setTimeout(r, 500));
		expect(await executions()).toHaveLength(before);
	});
});
