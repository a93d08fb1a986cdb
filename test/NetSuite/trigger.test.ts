/**
 * NetSuite ERP Trigger (SuiteQL watermark polling) against the sandbox, and the user-event webhook
 * trigger's signature check with events the sandbox signed.
 */
import type { IDataObject, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import { NetSuiteTrigger, pollQuery } from '../../nodes/NetSuite/NetSuiteTrigger.node';
import { NetSuiteUserEventTrigger } from '../../nodes/NetSuite/NetSuiteUserEventTrigger.node';
import { startSandbox, type NetSuitePlugin, type RunningSandbox } from '../../sandbox';
import { createExecuteContext, useNock } from '../helpers/fakeContext';
import { m2mType, sandboxTba, tbaType } from './helpers';

useNock(true);

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['netsuite'], seed: 5 });
});
afterAll(async () => await sandbox.close());
const plugin = () => sandbox.plugin<NetSuitePlugin>('netsuite');

function pollContext(parameters: IDataObject, staticData: IDataObject, mode = 'trigger'): IPollFunctions {
	const ctx = createExecuteContext({
		parameters,
		credentials: { netSuiteTbaApi: sandboxTba(sandbox) },
		credentialTypes: [tbaType, m2mType],
		node: { name: 'NetSuite ERP Trigger', type: 'n8n-nodes-erp-interop.netSuiteTrigger' },
		staticData,
	});
	return {
		...ctx,
		getMode: () => mode,
		getNodeParameter: (name: string, fallback?: unknown) => ctx.getNodeParameter(name, 0, fallback),
	} as unknown as IPollFunctions;
}

const trigger = new NetSuiteTrigger();

describe('NetSuite ERP Trigger (polling)', () => {
	it('builds a SuiteQL query on the change time with the type filter', () => {
		expect(pollQuery('salesOrder', 'modified', new Date('2026-01-02T03:04:05Z'))).toBe(
			"SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS changed_at FROM transaction WHERE type = 'SalesOrd' AND lastmodifieddate >= TO_TIMESTAMP('2026-01-02 03:04:05', 'YYYY-MM-DD HH24:MI:SS') ORDER BY id",
		);
	});

	it('fires once per changed record across polls, watermark taken from the data', async () => {
		const staticData: IDataObject = {};
		const params = { recordType: 'salesOrder', event: 'modified', backfillFrom: '2025-10-20T00:00:00Z', options: {} };
		const first = await trigger.poll.call(pollContext(params, staticData));
		const firstIds = (first?.[0] ?? []).map((i) => String(i.json.id));
		const expected = (plugin().records('salesOrder') as Array<{ id: string; lastModifiedDate: string }>)
			.filter((o) => o.lastModifiedDate >= '2025-10-20T00:00:00Z')
			.map((o) => o.id);
		expect(firstIds.sort()).toEqual(expected.sort());
		expect(first?.[0][0].json.tranId).toBeDefined();

		const again = await trigger.poll.call(pollContext(params, staticData));
		expect(again).toBeNull();

		const [a, b] = plugin().records('salesOrder') as Array<{ id: string }>;
		plugin().updateAs('salesOrder', a.id, { memo: 'changed once' });
		plugin().updateAs('salesOrder', b.id, { memo: 'changed once' });
		const second = await trigger.poll.call(pollContext(params, staticData));
		expect((second?.[0] ?? []).map((i) => String(i.json.id)).sort()).toEqual([a.id, b.id].sort());
		expect(second?.[0][0].json.memo).toBe('changed once');

		const third = await trigger.poll.call(pollContext(params, staticData));
		expect(third).toBeNull();
		expect((staticData['node:NetSuite ERP Trigger'] as IDataObject).watermark).toBeDefined();
	});

	it('without a backfill date the first poll starts from now and emits nothing old', async () => {
		const result = await trigger.poll.call(pollContext({ recordType: 'customer', event: 'modified', backfillFrom: '', options: { output: 'row' } }, {}));
		expect(result).toBeNull();
	});

	it('manual runs show the newest record without moving the watermark', async () => {
		const staticData: IDataObject = {};
		const result = await trigger.poll.call(pollContext({ recordType: 'vendor', event: 'created', backfillFrom: '', options: { output: 'row' } }, staticData, 'manual'));
		expect(result?.[0]).toHaveLength(1);
		expect(result?.[0][0].json).toMatchObject({ recordType: 'vendor', event: 'created' });
		expect(staticData).toEqual({});
	});
});

describe('NetSuite ERP User Event Trigger (signed webhook)', () => {
	const SECRET = 'user-event-secret-42';
	const node = new NetSuiteUserEventTrigger();

	function webhookContext(delivery: { headers: Record<string, string>; body: string }, secret = SECRET) {
		const sent: { status?: number; body?: unknown } = {};
		const res = {
			status(code: number) {
				sent.status = code;
				return res;
			},
			json(body: unknown) {
				sent.body = body;
				return res;
			},
		};
		const headers = Object.fromEntries(Object.entries(delivery.headers).map(([k, v]) => [k.toLowerCase(), v]));
		const ctx = {
			getRequestObject: () => ({ headers, body: JSON.parse(delivery.body) as IDataObject, rawBody: Buffer.from(delivery.body) }),
			getResponseObject: () => res,
			getNode: () => ({ name: 'NS Events', credentials: { netSuiteTbaApi: { id: '1', name: 'x' } } }),
			getCredentials: async () => ({ webhookSecret: secret }),
			getNodeParameter: (_name: string, fallback: unknown) => fallback,
			helpers: { returnJsonArray: (data: IDataObject) => [{ json: data }] },
		} as unknown as IWebhookFunctions;
		return { ctx, sent };
	}

	async function sandboxDelivery(): Promise<{ headers: Record<string, string>; body: string }> {
		sandbox.clearDeliveries();
		plugin().setUserEvents({ url: 'http://127.0.0.1:9/unreachable', secret: SECRET });
		const customer = (plugin().records('customer') as Array<{ id: string }>)[3];
		plugin().updateAs('customer', customer.id, { phone: '(206) 555-0000' });
		await sandbox.webhooksIdle();
		plugin().setUserEvents(undefined);
		const [delivery] = sandbox.deliveries('netsuite');
		return delivery;
	}

	it('starts a run for an event the account signed', async () => {
		const delivery = await sandboxDelivery();
		const { ctx, sent } = webhookContext(delivery);
		const result = await node.webhook.call(ctx);
		expect(sent.status).toBeUndefined();
		expect(result.workflowData?.[0][0].json).toMatchObject({ eventType: 'edit', recordType: 'customer' });
	});

	it('answers 401 and starts nothing for a forged body, a wrong secret or a missing header', async () => {
		const delivery = await sandboxDelivery();
		for (const [variant, secret] of [
			[{ ...delivery, body: delivery.body.replace('"edit"', '"delete"') }, SECRET],
			[delivery, 'another-secret'],
			[{ ...delivery, headers: {} }, SECRET],
		] as const) {
			const { ctx, sent } = webhookContext(variant, secret);
			const result = await node.webhook.call(ctx);
			expect(sent.status).toBe(401);
			expect(result).toEqual({ noWebhookResponse: true });
		}
	});

	it('refuses a replayed delivery older than five minutes', async () => {
		const delivery = await sandboxDelivery();
		const old = Math.floor(Date.now() / 1000) - 600;
		const { createHmac } = await import('node:crypto');
		const signature = createHmac('sha256', SECRET).update(`${old}.${delivery.body}`).digest('hex');
		const { ctx, sent } = webhookContext({ ...delivery, headers: { 'X-NetSuite-Signature': `t=${old},v1=${signature}` } });
		await node.webhook.call(ctx);
		expect(sent.status).toBe(401);
		expect(String((sent.body as IDataObject).message)).toMatch(/tolerance/);
	});
});

describe('record picker (listSearch)', () => {
	it('searches records of the chosen type by their name column with SuiteQL', async () => {
		const { searchRecords } = await import('../../nodes/NetSuite/methods/listSearch');
		const { createLoadOptionsContext } = await import('../helpers/fakeContext');
		const ctx = createLoadOptionsContext({
			parameters: { recordType: 'customer' },
			credentials: { netSuiteTbaApi: sandboxTba(sandbox) },
			credentialTypes: [tbaType, m2mType],
		});
		const result = await searchRecords.call(ctx, 'summit');
		const expected = (plugin().records('customer') as Array<{ id: string; companyName: string }>).filter((c) => /summit/i.test(c.companyName));
		expect(result.results.map((r) => r.value).sort()).toEqual(expected.map((c) => c.id).sort());
		expect(result.results[0].name).toMatch(/Summit .* \(\d+\)$/);
	});
});
