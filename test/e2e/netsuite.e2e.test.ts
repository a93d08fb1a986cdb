/**
 * The NetSuite ERP nodes in a real n8n (packed tarball installed as a community package) against the
 * NetSuite sandbox: upsert by external id twice, SuiteQL Return All past the 100,000-row offset cap,
 * a TBA credential with a wrong token secret, the polling trigger across two polls, and the signed
 * user-event webhook.
 */
import { createHmac } from 'node:crypto';

import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type NetSuitePlugin, type RunningSandbox } from '../../sandbox';
import { useN8n } from './harness';

const NS = 'n8n-nodes-erp-interop.netSuiteErp';
const LEDGER_ROWS = 100_750;
const WRONG_SECRET = 'Wrong-Token-Secret-8d41';
const EVENT_SECRET = 'ns-user-event-secret-e2e-5521';
const EVENT_WEBHOOK_ID = 'ns-user-events-e2e';
const BACKFILL = '2025-10-15T00:00:00.000Z';

let sandbox: RunningSandbox;
let tba: CredentialJson;
let m2m: CredentialJson;
let wrong: CredentialJson;
let customerId = '';
let itemId = '';

const credentialRef = (credential: CredentialJson) => ({ [credential.type]: { id: credential.id, name: credential.name } });

function manual(id: string, parameters: Record<string, unknown>, credential: CredentialJson): WorkflowJson {
	return {
		id,
		name: id,
		active: false,
		nodes: [
			{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-n`, name: 'NetSuite', type: NS, typeVersion: 1, position: [220, 0], parameters, credentials: credentialRef(credential) },
		],
		connections: { Start: { main: [[{ node: 'NetSuite', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Webhook → SuiteQL Return All → Code (count, distinct ids, range): the answer is small, the run is not. */
function suiteQlAll(credential: CredentialJson): WorkflowJson {
	return {
		id: 'nsSuiteQlAll0001',
		name: 'NetSuite SuiteQL all rows',
		active: true,
		nodes: [
			{ id: 'sq-w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'ns-suiteql-all', parameters: { httpMethod: 'POST', path: 'ns-suiteql-all', responseMode: 'lastNode' } },
			{
				id: 'sq-n',
				name: 'NetSuite',
				type: NS,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'suiteql', operation: 'execute', query: 'SELECT id, custrecord_quantity FROM customrecord_stock_ledger ORDER BY id', returnAll: true, options: {} },
				credentials: credentialRef(credential),
			},
			{
				id: 'sq-c',
				name: 'Summary',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [440, 0],
				parameters: {
					jsCode:
						'const ids = $input.all().map((i) => Number(i.json.id));\nlet min = Infinity, max = -Infinity;\nfor (const id of ids) { if (id < min) min = id; if (id > max) max = id; }\nreturn [{ json: { count: ids.length, distinct: new Set(ids).size, min, max } }];',
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'NetSuite', type: 'main', index: 0 }]] },
			NetSuite: { main: [[{ node: 'Summary', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function pollingWorkflow(credential: CredentialJson): WorkflowJson {
	return {
		id: 'nsPollSalesOrd01',
		name: 'NetSuite poll sales orders',
		active: true,
		nodes: [
			{
				id: 'poll-t',
				name: 'NetSuite Trigger',
				type: 'n8n-nodes-erp-interop.netSuiteTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, recordType: 'salesOrder', event: 'modified', backfillFrom: BACKFILL, options: {} },
				credentials: credentialRef(credential),
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

function userEventWorkflow(credential: CredentialJson): WorkflowJson {
	return {
		id: 'nsUserEvents0001',
		name: 'NetSuite user events',
		active: true,
		nodes: [
			{
				id: 'ue-t',
				name: 'NetSuite Events',
				type: 'n8n-nodes-erp-interop.netSuiteUserEventTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: EVENT_WEBHOOK_ID,
				parameters: { recordTypes: '' },
				credentials: credentialRef(credential),
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
}

describe('NetSuite ERP in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ seed: 7, systems: ['netsuite'], netsuite: { ledgerRows: LEDGER_ROWS } });
		const all = sandboxCredentials(sandbox);
		tba = all.find((c) => c.type === 'netSuiteTbaApi') as CredentialJson;
		tba = { ...tba, data: { ...tba.data, webhookSecret: EVENT_SECRET } };
		m2m = all.find((c) => c.type === 'netSuiteM2mApi') as CredentialJson;
		wrong = { ...tba, id: 'nsWrongSecret001', name: 'NetSuite TBA (wrong token secret)', data: { ...tba.data, tokenSecret: WRONG_SECRET } };
		const plugin = sandbox.plugin<NetSuitePlugin>('netsuite');
		customerId = (plugin.records('customer') as Array<{ id: string }>)[2].id;
		itemId = (plugin.records('inventoryItem') as Array<{ id: string }>)[4].id;
		const upsertFields = JSON.stringify({ entity: { id: customerId }, memo: 'E2E order', item: { items: [{ item: { id: itemId }, quantity: 4, rate: 12.5 }] } });
		return {
			credentials: [tba, wrong, m2m],
			workflows: [
				manual('nsUpsertOrder001', { resource: 'record', operation: 'upsert', recordType: 'salesOrder', externalId: 'E2E-SO-1', inputMode: 'fields', fields: upsertFields, options: {} }, tba),
				manual('nsWrongSecret001', { resource: 'record', operation: 'getAll', recordType: 'customer', returnAll: false, limit: 3, q: '', options: {} }, wrong),
				suiteQlAll(tba),
				pollingWorkflow(tba),
				userEventWorkflow(tba),
			],
			webhooks: [{ path: `${EVENT_WEBHOOK_ID}/netsuite-events`, method: 'POST' }],
		};
	});

	afterAll(async () => await sandbox?.close());

	const plugin = () => sandbox.plugin<NetSuitePlugin>('netsuite');

	async function executions(workflowId: string): Promise<ExecutionSummary[]> {
		const response = await n8n().publicApi<{ data: ExecutionSummary[] }>('GET', `executions?workflowId=${workflowId}&limit=50`);
		expect(response.status).toBe(200);
		return response.body.data;
	}

	async function triggerItems(executionId: string, node: string): Promise<Array<Record<string, unknown>>> {
		const response = await n8n().publicApi<{ data: { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } } }>(
			'GET',
			`executions/${executionId}?includeData=true`,
		);
		return response.body.data.resultData.runData[node][0].data.main[0].map((item) => item.json);
	}

	async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
		const end = Date.now() + timeoutMs;
		for (;;) {
			const value = await fn();
			if (value !== undefined) return value;
			if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
			await new Promise((r) => setTimeout(r, 1000));
		}
	}

	it('upserting the same sales order twice by external id leaves one record', async () => {
		const first = await n8n().execute('nsUpsertOrder001');
		expect(first.error).toBeUndefined();
		const second = await n8n().execute('nsUpsertOrder001');
		expect(second.error).toBeUndefined();
		const [a] = nodeItems(first, 'NetSuite');
		const [b] = nodeItems(second, 'NetSuite');
		expect(a.id).toMatch(/^\d+$/);
		expect(b.id).toBe(a.id);
		const orders = (plugin().records('salesOrder') as Array<Record<string, unknown>>).filter((o) => o.externalId === 'E2E-SO-1');
		expect(orders).toHaveLength(1);
		expect(orders[0]).toMatchObject({ entity: { id: customerId }, total: 50 });
		expect((orders[0].item as { items: unknown[] }).items).toHaveLength(1);
	});

	it(`SuiteQL Return All over ${LEDGER_ROWS} rows returns each row once (past the 100,000 offset cap)`, async () => {
		sandbox.resetStats();
		const response = await n8n().callWebhook<{ count: number; distinct: number; min: number; max: number }>('ns-suiteql-all', { body: {}, timeoutMs: 180_000 });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ count: LEDGER_ROWS, distinct: LEDGER_ROWS, min: 1, max: LEDGER_ROWS });
		const stats = sandbox.stats().systems.netsuite;
		// 100 pages up to the cap, then one more query from id > 100000: 101 requests (a trigger poll may add a few).
		expect(stats.requests).toBeGreaterThanOrEqual(101);
		expect(stats.requests).toBeLessThan(110);
		expect(stats.byStatus['400'] ?? 0).toBe(0);
	}, 240_000);

	it('a TBA credential with a wrong token secret fails with a clear auth error and leaks no secret', async () => {
		const result = await n8n().execute('nsWrongSecret001');
		expect(result.success).toBe(false);
		expect(result.error?.message).toMatch(/NetSuite 401 \[INVALID_LOGIN\]: NetSuite rejected the login/);
		const everything = `${JSON.stringify(result.run ?? {})}\n${result.logs}\n${n8n().logs()}`;
		for (const secret of [WRONG_SECRET, String(tba.data.tokenSecret), String(tba.data.consumerSecret)]) expect(everything).not.toContain(secret);
		expect(plugin().auth.audit.some((a) => a.reason === 'signature mismatch')).toBe(true);
	});

	it('the credential tests: both credentials pass, a wrong token secret fails', async () => {
		const test = async (credential: CredentialJson) =>
			(await n8n().rest<{ data: { status: string; message: string } }>('POST', '/rest/credentials/test', { credentials: { id: credential.id, name: credential.name, type: credential.type, data: credential.data } })).body.data;
		expect(await test(tba)).toMatchObject({ status: 'OK' });
		expect(await test(m2m)).toMatchObject({ status: 'OK' });
		const failed = await test(wrong);
		expect(failed.status).toBe('Error');
		expect(failed.message).not.toContain(WRONG_SECRET);
	});

	it('the polling trigger fires once per changed record across two polls', async () => {
		const expectedFirst = (plugin().records('salesOrder') as Array<{ id: string; lastModifiedDate: string; externalId?: string }>)
			.filter((o) => o.lastModifiedDate >= BACKFILL && o.externalId !== 'E2E-SO-1')
			.map((o) => o.id);
		// The activation poll ran at start-up. n8n lists executions newest first, and on a slow machine a later
		// poll (the upsert above, alone) may already have run: the first poll is the oldest execution.
		const [first] = await waitFor('the first poll', async () => {
			const list = (await executions('nsPollSalesOrd01')).filter((e) => e.status === 'success').sort((a, b) => Number(a.id) - Number(b.id));
			return list.length >= 1 ? list : undefined;
		}, 60_000);
		const firstIds = (await triggerItems(first.id, 'NetSuite Trigger')).map((r) => String(r.id));
		// The e2e upsert above may have landed before or after activation; the seeded ones are all there once.
		expect(firstIds.filter((id) => expectedFirst.includes(id)).sort()).toEqual([...expectedFirst].sort());
		expect(new Set(firstIds).size).toBe(firstIds.length);

		const [x, y] = (plugin().records('salesOrder') as Array<{ id: string }>).slice(5, 7);
		plugin().updateAs('salesOrder', x.id, { memo: 'changed for poll 2' });
		plugin().updateAs('salesOrder', y.id, { memo: 'changed for poll 2' });
		const changed = await waitFor('a poll with the two changed orders', async () => {
			for (const execution of (await executions('nsPollSalesOrd01')).filter((e) => e.id !== first.id && e.status === 'success')) {
				const ids = (await triggerItems(execution.id, 'NetSuite Trigger')).map((r) => String(r.id));
				if (ids.includes(x.id) || ids.includes(y.id)) return ids;
			}
			return undefined;
		}, 100_000);
		const upserted = (plugin().records('salesOrder') as Array<{ id: string; externalId?: string }>).find((o) => o.externalId === 'E2E-SO-1')?.id;
		expect(changed.filter((id) => id !== upserted).sort()).toEqual([x.id, y.id].sort());
	}, 200_000);

	it('the user-event webhook starts a run for an event the account signed and answers 401 to a forgery', async () => {
		const url = `${n8n().baseUrl}/webhook/${EVENT_WEBHOOK_ID}/netsuite-events`;
		const before = (await executions('nsUserEvents0001')).length;
		sandbox.clearDeliveries();
		plugin().setUserEvents({ url, secret: EVENT_SECRET, types: ['customer'] });
		plugin().updateAs('customer', customerId, { phone: '(253) 555-0199' });
		await sandbox.webhooksIdle();
		plugin().setUserEvents(undefined);
		const [delivery] = sandbox.deliveries('netsuite');
		expect(delivery.status).toBe(200);

		const body = JSON.stringify({ eventType: 'delete', recordType: 'customer', id: customerId });
		const stale = Math.floor(Date.now() / 1000);
		const forged = await n8n().callWebhook(`${EVENT_WEBHOOK_ID}/netsuite-events`, {
			rawBody: body,
			headers: { 'content-type': 'application/json', 'X-NetSuite-Signature': `t=${stale},v1=${createHmac('sha256', 'not-the-secret').update(`${stale}.${body}`).digest('hex')}` },
		});
		expect(forged.status).toBe(401);

		const after = await waitFor('the user-event execution', async () => {
			const list = await executions('nsUserEvents0001');
			return list.length > before ? list : undefined;
		}, 20_000);
		expect(after.length).toBe(before + 1);
		const [event] = await triggerItems(after[0].id, 'NetSuite Events');
		expect(event).toMatchObject({ eventType: 'edit', recordType: 'customer', id: customerId });
	});
});
