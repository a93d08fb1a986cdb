import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { api, hookContext, setupNock, trigger } from './helpers';

setupNock();

const SECRET = 'whsec_unit_test_secret_0123456789abcdef';
const now = () => Math.floor(Date.now() / 1000);
const sign = (body: string, t = now(), secret = SECRET) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

let counter = 0;
function event(type = 'invoice.paid', id = `evt_unit_${++counter}_${Date.now()}`): string {
	return JSON.stringify({ id, object: 'event', type, api_version: '2025-03-31.basil', created: now(), data: { object: { id: 'in_1', object: 'invoice', currency: 'usd', total: 1050, amount_paid: 1050, amount_remaining: 0, status: 'paid', customer: 'cus_1' } } });
}

function delivery(body: string, headers: Record<string, string>, parameters: IDataObject = { events: ['invoice.paid'], options: {} }) {
	const h = hookContext({ parameters, staticData: { endpointId: 'we_1', endpointSecret: SECRET } });
	h.setRequest(body, headers);
	return h;
}

describe('webhook verification', () => {
	it('starts one run for a correctly signed event', async () => {
		const body = event();
		const h = delivery(body, { 'stripe-signature': sign(body) });
		const result = await trigger.webhook.call(h.webhook);
		expect(result.workflowData?.[0]).toEqual([{ json: JSON.parse(body) }]);
		expect(h.response.statusCode).toBe(200);
	});

	it.each([
		['unsigned', () => ({})],
		['signed with another secret', (body: string) => ({ 'stripe-signature': sign(body, now(), 'whsec_other') })],
		['expired (10 minutes old)', (body: string) => ({ 'stripe-signature': sign(body, now() - 600) })],
		['tampered after signing', (body: string) => ({ 'stripe-signature': sign(body.replace('1050', '1')) })],
		['with only a v0 signature', (body: string) => ({ 'stripe-signature': sign(body).replace('v1=', 'v0=') })],
	])('answers 401 without a run when %s', async (_case, headers) => {
		const body = event();
		const h = delivery(body, headers(body) as Record<string, string>);
		const result = await trigger.webhook.call(h.webhook);
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
		expect(h.response.statusCode).toBe(401);
	});

	it('accepts any of several v1 signatures (secret rotation) and honours a wider tolerance', async () => {
		const body = event();
		const t = now() - 600;
		const header = `t=${t},v1=${'0'.repeat(64)},${sign(body, t).split(',')[1]}`;
		const h = delivery(body, { 'stripe-signature': header }, { events: ['invoice.paid'], options: { toleranceSeconds: 900 } });
		expect((await trigger.webhook.call(h.webhook)).workflowData).toHaveLength(1);
	});

	it('acknowledges a duplicate delivery of the same event without a second run', async () => {
		const body = event();
		const first = await trigger.webhook.call(delivery(body, { 'stripe-signature': sign(body) }).webhook);
		const again = await trigger.webhook.call(delivery(body, { 'stripe-signature': sign(body) }).webhook);
		expect(first.workflowData).toHaveLength(1);
		expect(again.workflowData).toBeUndefined();
		expect(again.webhookResponse).toEqual({ received: true, duplicate: true });
	});

	it('ignores event types that were not selected, and adds the canonical object when asked', async () => {
		const other = event('customer.created');
		expect((await trigger.webhook.call(delivery(other, { 'stripe-signature': sign(other) }).webhook)).workflowData).toBeUndefined();
		const body = event();
		const h = delivery(body, { 'stripe-signature': sign(body) }, { events: ['*'], options: { canonical: true } });
		const [[item]] = (await trigger.webhook.call(h.webhook)).workflowData!;
		expect(item.json.canonical).toMatchObject({ type: 'Invoice', status: 'paid', totals: { total: '10.5', amountPaid: '10.5' } });
	});

	it('refuses deliveries while no endpoint secret is stored', async () => {
		const body = event();
		const h = hookContext({ staticData: {} });
		h.setRequest(body, { 'stripe-signature': sign(body) });
		await trigger.webhook.call(h.webhook);
		expect(h.response.statusCode).toBe(401);
	});
});

describe('endpoint lifecycle', () => {
	it('recreates an endpoint whose events changed, and tolerates one already deleted', async () => {
		const h = hookContext({ parameters: { events: ['invoice.paid', 'invoice.voided'], options: {} }, staticData: { endpointId: 'we_old', endpointSecret: SECRET } });
		api().get('/v1/webhook_endpoints/we_old').reply(200, { id: 'we_old', url: 'https://n8n.example.test/webhook/abc/webhook', enabled_events: ['invoice.paid'], status: 'enabled' });
		api().delete('/v1/webhook_endpoints/we_old').reply(200, { id: 'we_old', deleted: true });
		expect(await trigger.webhookMethods.default.checkExists.call(h.hook)).toBe(false);
		expect(h.staticData.endpointId).toBeUndefined();

		const gone = hookContext({ staticData: { endpointId: 'we_gone', endpointSecret: SECRET } });
		api().delete('/v1/webhook_endpoints/we_gone').reply(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such webhook endpoint' } });
		expect(await trigger.webhookMethods.default.delete.call(gone.hook)).toBe(true);
		expect(gone.staticData).toEqual({});
	});

	it('sends enabled_events[] and an Idempotency-Key when creating', async () => {
		let body = '';
		let key = '';
		api().get('/v1/webhook_endpoints').query({ limit: '100' }).reply(200, { object: 'list', has_more: false, data: [] });
		api()
			.post('/v1/webhook_endpoints')
			.reply(function (_uri, raw) {
				body = String(raw);
				key = String(this.req.headers['idempotency-key']);
				return [200, { id: 'we_new', secret: 'whsec_new', url: 'https://n8n.example.test/webhook/abc/webhook' }];
			});
		const h = hookContext({ parameters: { events: ['invoice.paid', 'credit_note.created'], options: {} } });
		await trigger.webhookMethods.default.create.call(h.hook);
		const pairs = [...new URLSearchParams(body).entries()];
		expect(pairs.filter(([k]) => k === 'enabled_events[]').map(([, v]) => v)).toEqual(['invoice.paid', 'credit_note.created']);
		expect(pairs).toContainEqual(['url', 'https://n8n.example.test/webhook/abc/webhook']);
		expect(pairs).toContainEqual(['api_version', '2025-03-31.basil']);
		expect(key).toMatch(/^n8n-webhook-/);
		expect(h.staticData).toMatchObject({ endpointId: 'we_new', endpointSecret: 'whsec_new' });
	});
});
