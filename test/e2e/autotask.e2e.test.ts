/**
 * The Autotask PSA node and trigger in a real n8n (packed tarball installed as a community package)
 * against the Autotask sandbox: zone discovery and Return All over three pages, a burst of parallel
 * item requests that must stay within 3 threads per endpoint, and signed, forged and duplicated
 * webhook deliveries.
 */
import { createHmac } from 'node:crypto';

import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type AutotaskPlugin, type RunningSandbox } from '../../sandbox';
import { useN8n } from './harness';

const AT = 'n8n-nodes-erp-interop.autotaskPsa';
const AT_TRIGGER = 'n8n-nodes-erp-interop.autotaskPsaTrigger';
const WEBHOOK_ID = 'a7c1e2d4-5b6f-4a3e-9d8c-7b6a5f4e3d21';
const TRIGGER_WORKFLOW = 'atTicketHook0001';
const WRONG_SECRET = 'Wrong-At-Secret-31415';

let sandbox: RunningSandbox;
let credential: CredentialJson;
let statusFieldId: string;

function node(name: string, type: string, parameters: Record<string, unknown>, position: [number, number], cred?: CredentialJson) {
	return {
		id: `${name.replace(/\W/g, '')}-id`,
		name,
		type,
		typeVersion: 1,
		position,
		parameters,
		...(cred ? { credentials: { autotaskPsaApi: { id: cred.id, name: cred.name } } } : {}),
	};
}

function manualWorkflow(id: string, name: string, nodes: Array<ReturnType<typeof node>>): WorkflowJson {
	const all = [node('Start', 'n8n-nodes-base.manualTrigger', {}, [0, 0]), ...nodes];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

function triggerWorkflow(cred: CredentialJson): WorkflowJson {
	return {
		id: TRIGGER_WORKFLOW,
		name: 'Autotask ticket updates',
		active: true,
		nodes: [
			{
				...node(
					'Autotask Trigger',
					AT_TRIGGER,
					{ entity: 'ticket', events: ['update'], subscribedFields: [statusFieldId], displayAlwaysFields: [], options: {} },
					[0, 0],
					cred,
				),
				webhookId: WEBHOOK_ID,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

describe('Autotask PSA in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ systems: ['autotask'], seed: 5 });
		credential = sandboxCredentials(sandbox).find((c) => c.type === 'autotaskPsaApi') as CredentialJson;
		const wrong: CredentialJson = { ...credential, id: 'atWrongSecret001', name: 'Autotask (wrong secret)', data: { ...credential.data, secret: WRONG_SECRET } };
		const c = sandbox.systems.autotask.credentials;
		const fields = (await (
			await fetch(`${c.zoneUrl}/v1.0/TicketWebhookFields/entityInformation/fields`, {
				headers: { UserName: c.userName, Secret: c.secret, ApiIntegrationCode: c.integrationCode },
			})
		).json()) as { fields: Array<{ name: string; picklistValues: Array<{ value: string; label: string }> | null }> };
		statusFieldId = String(fields.fields.find((f) => f.name === 'fieldID')?.picklistValues?.find((v) => v.label === 'status')?.value);
		return {
			credentials: [credential, wrong],
			workflows: [
				manualWorkflow('atAllTickets0001', 'Autotask all tickets', [
					node('Autotask', AT, { resource: 'ticket', operation: 'getAll', returnAll: true, options: { includeFields: 'title,status' } }, [220, 0], credential),
				]),
				manualWorkflow('atTicketBurst001', 'Autotask 20 tickets at once', [
					node('List', AT, { resource: 'ticket', operation: 'getAll', returnAll: false, limit: 20, options: { includeFields: 'title' } }, [220, 0], credential),
					node(
						'Autotask',
						AT,
						{
							resource: 'ticket',
							operation: 'get',
							recordId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
							options: { parallelRequests: 10 },
						},
						[440, 0],
						credential,
					),
				]),
				manualWorkflow('atWrongSecret001', 'Autotask wrong secret', [
					node('Autotask', AT, { resource: 'company', operation: 'getAll', limit: 5, options: {} }, [220, 0], wrong),
				]),
				triggerWorkflow(credential),
			],
			webhooks: [{ path: `${WEBHOOK_ID}/webhook`, method: 'POST' }],
		};
	});

	afterAll(async () => await sandbox?.close());

	beforeEach(() => {
		sandbox.clearFaults();
		sandbox.resetStats();
	});

	const code = () => sandbox.systems.autotask.credentials.integrationCode;
	const ticketIds = () => sandbox.records<{ id: number }>('autotask', 'Tickets').map((t) => t.id);

	it('discovers the zone and returns every one of ≥ 1,200 tickets exactly once over 500-record pages', async () => {
		const expected = ticketIds();
		expect(expected.length).toBeGreaterThanOrEqual(1200);

		const result = await n8n().execute('atAllTickets0001');

		expect(result.error).toBeUndefined();
		const ids = nodeItems(result, 'Autotask').map((item) => item.id as number);
		expect(ids).toHaveLength(expected.length);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
		const stats = sandbox.stats().systems.autotask;
		// Three pages on the zone (the first query and two nextPageUrl), after zoneInformation on the discovery host.
		expect(stats.credentials[`${code()}|tickets`].requests).toBe(Math.ceil(expected.length / 500));
		expect(stats.requests).toBeGreaterThan(stats.credentials[`${code()}|tickets`].requests);
	});

	it('runs 20 item requests in parallel without ever having more than 3 in flight on the endpoint', async () => {
		// Slow responses make the requests overlap, so the limit is really exercised.
		sandbox.setFaults({ latencyMs: 150 }, 'autotask');

		const result = await n8n().execute('atTicketBurst001');

		expect(result.error).toBeUndefined();
		const listed = nodeItems(result, 'List').map((item) => item.id);
		const fetched = nodeItems(result, 'Autotask');
		expect(listed).toHaveLength(20);
		expect(fetched.map((item) => item.id)).toEqual(listed);
		const items = result.runData.Autotask[0].data?.main?.[0] ?? [];
		expect(items.map((item) => (item as { pairedItem?: { item: number } }).pairedItem?.item)).toEqual(listed.map((_, i) => i));
		const tickets = sandbox.stats().systems.autotask.credentials[`${code()}|tickets`];
		expect(tickets.rateLimited).toBe(0);
		expect(tickets.maxConcurrent).toBeLessThanOrEqual(3);
		// It did run in parallel: the limit was reached, not avoided by running one at a time.
		expect(tickets.maxConcurrent).toBe(3);
		expect(sandbox.stats().systems.autotask.byStatus['429']).toBeUndefined();
	});

	it('registered its webhook with the watched field when the workflow was activated', () => {
		const hooks = sandbox.plugin<AutotaskPlugin>('autotask').webhooks();
		expect(hooks).toHaveLength(1);
		expect(hooks[0]).toMatchObject({
			entity: 'Tickets',
			isActive: true,
			isReady: true,
			isSubscribedToUpdateEvents: true,
			isSubscribedToCreateEvents: false,
			webhookUrl: expect.stringContaining(`/webhook/${WEBHOOK_ID}/webhook`),
		});
		expect(hooks[0].fields).toEqual([expect.objectContaining({ name: 'status', subscribed: true })]);
	});

	async function executions(): Promise<Array<{ id: string; status?: string }>> {
		const response = await n8n().publicApi<{ data: Array<{ id: string; status?: string }> }>('GET', `executions?workflowId=${TRIGGER_WORKFLOW}`);
		expect(response.status).toBe(200);
		return response.body.data;
	}

	async function waitForExecutions(count: number): Promise<Array<{ id: string; status?: string }>> {
		const deadline = Date.now() + 20_000;
		let list = await executions();
		while (list.length < count && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			list = await executions();
		}
		return list;
	}

	it('starts one execution per signed delivery, none for a forgery, and one for a duplicated delivery', async () => {
		const plugin = sandbox.plugin<AutotaskPlugin>('autotask');
		const ticket = sandbox.records<{ id: number; status: number }>('autotask', 'Tickets').find((t) => t.status !== 8)!;
		const before = (await executions()).length;

		plugin.updateAs('Tickets', ticket.id, { status: 8 });
		await sandbox.webhooksIdle();
		const [delivery] = sandbox.deliveries('autotask').slice(-1);
		expect(delivery.status).toBe(200);
		let list = await waitForExecutions(before + 1);
		expect(list).toHaveLength(before + 1);
		const detail = await n8n().publicApi<{ data: { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } } }>(
			'GET',
			`executions/${list[0].id}?includeData=true`,
		);
		expect(detail.body.data.resultData.runData['Autotask Trigger'][0].data.main[0][0].json).toMatchObject({
			Action: 'Update',
			EntityType: 'Ticket',
			Id: ticket.id,
			Fields: { status: 8 },
		});

		// A forgery: the same shape, signed with a key that is not the webhook's.
		const forged = JSON.stringify({ ...JSON.parse(delivery.body), SequenceNumber: 999, Fields: { status: 5 } });
		const response = await n8n().callWebhook(`${WEBHOOK_ID}/webhook`, {
			rawBody: forged,
			headers: {
				'content-type': 'application/json',
				'x-hook-signature': `sha1=${createHmac('sha1', 'not-the-secret').update(forged).digest('base64')}`,
			},
		});
		expect(response.status).toBe(401);
		const unsigned = await n8n().callWebhook(`${WEBHOOK_ID}/webhook`, { rawBody: forged, headers: { 'content-type': 'application/json' } });
		expect(unsigned.status).toBe(401);

		// Autotask may deliver the same callout twice: only the first starts a run.
		sandbox.setFaults({ duplicateWebhooks: 1 }, 'autotask');
		plugin.updateAs('Tickets', ticket.id, { status: 5 });
		await sandbox.webhooksIdle();
		const copies = sandbox.deliveries('autotask').slice(-2);
		expect(copies.map((d) => d.copy)).toEqual([0, 1]);
		expect(copies[0].body).toBe(copies[1].body);
		expect(copies.map((d) => d.status)).toEqual([200, 200]);
		list = await waitForExecutions(before + 2);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await executions()).toHaveLength(before + 2);
	});

	it('passes the credential test (zone discovery, then ThresholdInformation) and fails it with a wrong secret', async () => {
		const test = async (cred: CredentialJson) =>
			await n8n().rest<{ data: { status: string; message?: string } }>('POST', '/rest/credentials/test', {
				credentials: { id: cred.id, name: cred.name, type: cred.type, data: { ...cred.data, zoneApiUrl: '' } },
			});
		const ok = await test(credential);
		expect(ok.status).toBe(200);
		expect(ok.body.data).toMatchObject({ status: 'OK' });
		expect(sandbox.stats().systems.autotask.credentials[`${code()}|thresholdinformation`]?.requests).toBeGreaterThanOrEqual(1);

		const wrong = { ...credential, id: 'atWrongSecret001', name: 'Autotask (wrong secret)', data: { ...credential.data, secret: WRONG_SECRET } };
		const bad = await test(wrong);
		expect(bad.body.data.status).toBe('Error');
		expect(JSON.stringify(bad.body)).not.toContain(WRONG_SECRET);
	});

	it('reports a wrong secret as a clear credential error that contains no secret', async () => {
		const result = await n8n().execute('atWrongSecret001');

		expect(result.success).toBe(false);
		expect(result.error?.message).toMatch(/Autotask PSA rejected the credentials/);
		const everything = `${JSON.stringify(result.run ?? {})}\n${result.logs}\n${n8n().logs()}`;
		for (const secret of [WRONG_SECRET, String(credential.data.secret)]) expect(everything).not.toContain(secret);
		expect(sandbox.stats().systems.autotask.byStatus['401']).toBeGreaterThanOrEqual(1);
	});

	it('removes its webhook from Autotask when the workflow is deactivated', async () => {
		const response = await n8n().publicApi('POST', `workflows/${TRIGGER_WORKFLOW}/deactivate`);
		expect(response.status).toBe(200);
		expect(sandbox.plugin<AutotaskPlugin>('autotask').webhooks()).toEqual([]);
	});
});
