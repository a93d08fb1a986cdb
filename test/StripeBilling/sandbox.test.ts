/* eslint-disable @typescript-eslint/no-explicit-any -- Stripe objects are read field by field */
/**
 * The node against the Stripe sandbox in-process (real HTTP, no mocks): the idempotency contract end to
 * end, invoices with lines, usage with identifiers, canonical input, retries and the trigger's
 * endpoint lifecycle.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { startSandbox, type RunningSandbox, type StripePlugin } from '../../sandbox';
import { listSearch, loadOptions } from '../../nodes/StripeBilling/methods';
import { createLoadOptionsContext } from '../helpers/fakeContext';
import { byId, credentialType, hookContext, node, run, trigger } from './helpers';

let sandbox: RunningSandbox;
let creds: ICredentialDataDecryptedObject;

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['stripe'], seed: 5, rateLimits: { stripe: null } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	const c = sandbox.systems.stripe.credentials;
	creds = { secretKey: c.secretKey, apiVersion: c.apiVersion, baseUrl: c.baseUrl, stripeAccount: '', maxConcurrent: 5, requestsPerSecond: 0 };
});

const records = (collection: string) => sandbox.records<any>('stripe', collection);
const customer = () => records('customers')[10];

const invoiceParams = (extra: IDataObject = {}) => ({
	resource: 'invoice',
	operation: 'create',
	inputMode: 'fields',
	customerId: byId(customer().id),
	collectionMethod: 'send_invoice',
	daysUntilDue: 14,
	lines: { line: [{ description: 'Firewall replacement', amount: '1249.99', quantity: 1 }, { description: 'Labour (hours)', amount: '185', quantity: 3 }] },
	additionalFields: {},
	finalize: true,
	metadata: { entries: [{ key: 'order', value: 'SO-7' }] },
	additionalParameters: '{}',
	requestOptions: {},
	...extra,
});

describe('invoices', () => {
	it('creates one invoice with its lines however often the same input is run', async () => {
		const before = records('invoices').length;
		const items = [{ json: { orderId: 'SO-7' } }];
		const first = await run(invoiceParams(), { credentials: creds, items, workflowId: 'wf-inv' });
		const second = await run(invoiceParams(), { credentials: creds, items, workflowId: 'wf-inv' });
		expect(first.json[0]).toMatchObject({ object: 'invoice', status: 'open', total: 124999 + 3 * 18500, metadata: { order: 'SO-7' } });
		expect(second.json[0].id).toBe(first.json[0].id);
		expect(records('invoices')).toHaveLength(before + 1);
		expect(records('invoiceitems').filter((i) => i.invoice === first.json[0].id)).toHaveLength(2);
		expect(first.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('creates a second invoice for a different input item', async () => {
		const before = records('invoices').length;
		await run(invoiceParams(), { credentials: creds, items: [{ json: { orderId: 'SO-8' } }, { json: { orderId: 'SO-9' } }], workflowId: 'wf-inv' });
		expect(records('invoices')).toHaveLength(before + 2);
	});

	it('converts amounts exactly for zero- and three-decimal currencies', async () => {
		const jpy = await run(invoiceParams({ finalize: false, additionalFields: { currency: 'jpy' }, lines: { line: [{ description: 'Visit', amount: '50000', quantity: 1 }] } }), { credentials: creds });
		expect(jpy.json[0]).toMatchObject({ currency: 'jpy', total: 50000, status: 'draft' });
		const kwd = await run(invoiceParams({ finalize: false, additionalFields: { currency: 'kwd' }, lines: { line: [{ description: 'Survey', amount: '125.505', quantity: 1 }] } }), { credentials: creds, items: [{ json: { n: 2 } }] });
		expect(kwd.json[0]).toMatchObject({ currency: 'kwd', total: 125505 });
		const tooPrecise = await run(invoiceParams({ additionalFields: { currency: 'jpy' }, lines: { line: [{ amount: '10.5', quantity: 1 }] } }), { credentials: creds, items: [{ json: { n: 3 } }] }).catch((e: unknown) => e);
		expect(String((tooPrecise as Error).message)).toMatch(/Line 1 Unit Amount: 10.5 JPY has more decimals than the currency's 0/);
	});

	it('waits out lock timeouts and still writes once', async () => {
		sandbox.plugin<StripePlugin>('stripe').injectLockTimeouts(2);
		const before = records('invoices').length;
		const { json } = await run(invoiceParams({ finalize: false }), { credentials: creds, items: [{ json: { lock: true } }] });
		expect(json[0].total).toBe(124999 + 3 * 18500);
		expect(records('invoices')).toHaveLength(before + 1);
		expect(sandbox.stats().systems.stripe.byStatus['429']).toBe(2);
	});

	it('pays, credits and voids through the node', async () => {
		const { json } = await run(invoiceParams(), { credentials: creds, items: [{ json: { flow: 1 } }] });
		const id = json[0].id as string;
		const paid = await run({ resource: 'invoice', operation: 'pay', invoiceId: byId(id), payOptions: { paid_out_of_band: true } }, { credentials: creds });
		expect(paid.json[0]).toMatchObject({ status: 'paid', amount_remaining: 0 });
		const note = await run(
			{ resource: 'creditNote', operation: 'create', inputMode: 'fields', invoiceId: byId(id), currency: 'usd', lines: { line: [{ description: 'SLA credit', amount: '50', quantity: 1 }] }, additionalFields: { reason: 'product_unsatisfactory' }, metadata: {}, additionalParameters: '{}', requestOptions: {} },
			{ credentials: creds },
		);
		expect(note.json[0]).toMatchObject({ object: 'credit_note', amount: 5000, invoice: id });
		const voided = await run({ resource: 'invoice', operation: 'void', invoiceId: byId(id) }, { credentials: creds }).catch((e: unknown) => e);
		expect(voided).toMatchObject({ context: { errorClass: 'validation' } });
	});
});

describe('usage', () => {
	const usage = (identifier = '') => ({
		resource: 'meterEvent',
		operation: 'create',
		inputMode: 'fields',
		eventName: 'api_requests',
		customerId: customer().id,
		value: '={{ $json.value }}',
		identifier,
		timestamp: '',
		meterOptions: {},
		requestOptions: {},
	});

	it('records meter events once: replayed on a re-run, refused by identifier from another workflow', async () => {
		const items = [{ json: { value: 120, row: 'r1' } }, { json: { value: 80, row: 'r2' } }];
		const params = (i: number) => ({ ...usage(`usage-${String(items[i].json.row)}`), value: String(items[i].json.value) });
		const before = records('meter_events').length;
		const first = await run(params, { credentials: creds, items, workflowId: 'wf-usage' });
		expect(first.json.map((e) => e.identifier)).toEqual(['usage-r1', 'usage-r2']);
		expect(records('meter_events')).toHaveLength(before + 2);

		const rerun = await run(params, { credentials: creds, items, workflowId: 'wf-usage' });
		expect(rerun.json.map((e) => e.duplicate)).toEqual([undefined, undefined]);
		const other = await run(params, { credentials: creds, items, workflowId: 'wf-other' });
		expect(other.json.map((e) => e.duplicate)).toEqual([true, true]);
		expect(records('meter_events')).toHaveLength(before + 2);

		const meter = records('billing_meters').find((m) => m.event_name === 'api_requests');
		const now = Math.floor(Date.now() / 1000);
		const summary = await run(
			{ resource: 'customApiCall', operation: 'request', method: 'GET', path: `/v1/billing/meters/${meter.id}/event_summaries`, parameters: JSON.stringify({ customer: customer().id, start_time: now - 600, end_time: now + 600 }) },
			{ credentials: creds },
		);
		expect(((summary.json[0].data as IDataObject[])[0] as IDataObject).aggregated_value).toBe(200);
	});

	it('derives the identifier from the input when none is given, and takes canonical usage records', async () => {
		const items = [{ json: { type: 'UsageRecord', externalIds: {}, customer: { externalIds: { stripe: customer().id } }, metric: 'api_requests', quantity: '7.5', timestamp: new Date().toISOString(), idempotencyKey: 'canon-1' } }];
		const canonical = await run({ ...usage(), inputMode: 'canonical', meterOptions: { output: 'canonical' } }, { credentials: creds, items });
		expect(canonical.json[0]).toMatchObject({ type: 'UsageRecord', metric: 'api_requests', quantity: '7.5', idempotencyKey: 'canon-1' });
		const derived = await run({ ...usage(), value: '3' }, { credentials: creds, items: [{ json: { any: 'input' } }] });
		expect(String(derived.json[0].identifier)).toMatch(/^n8n-[0-9a-f]{48}$/);
	});
});

describe('customers, catalogue and subscriptions', () => {
	it('returns every customer across pages, and creates one from a canonical Customer', async () => {
		const all = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: {}, options: { output: 'canonical' } }, { credentials: creds });
		expect(all.json).toHaveLength(records('customers').length);
		expect(all.json[0]).toMatchObject({ type: 'Customer', externalIds: { stripe: expect.stringMatching(/^cus_/) } });

		const item = { json: { type: 'Customer', externalIds: { erp: 'C-900' }, name: 'Granite Freight', code: 'C-900', email: 'ap@granite.example', addresses: [{ type: 'billing', city: 'Denver', country: 'US' }] } };
		const created = await run({ resource: 'customer', operation: 'create', inputMode: 'canonical', metadata: {}, additionalParameters: '{}', requestOptions: {} }, { credentials: creds, items: [item] });
		expect(created.json[0]).toMatchObject({ name: 'Granite Freight', email: 'ap@granite.example', address: { city: 'Denver' }, metadata: { erp_customer_id: 'C-900', erp_id: 'C-900' } });
	});

	it('creates a sub-cent metered price and subscribes a customer to it', async () => {
		const meter = records('billing_meters').find((m) => m.event_name === 'api_requests');
		const product = records('products')[0];
		const price = await run(
			{ resource: 'price', operation: 'create', productId: byId(product.id), currency: 'usd', unitAmount: '0.0004', priceType: 'recurring', interval: 'month', intervalCount: 1, usageType: 'metered', meterId: byId(meter.id), additionalFields: { nickname: 'API per request' }, metadata: {}, additionalParameters: '{}', requestOptions: {} },
			{ credentials: creds },
		);
		expect(price.json[0]).toMatchObject({ unit_amount_decimal: '0.04', recurring: { usage_type: 'metered', meter: meter.id } });
		const sub = await run(
			{ resource: 'subscription', operation: 'create', inputMode: 'fields', customerId: byId(customer().id), items: { item: [{ price: price.json[0].id, quantity: 1, metered: true }] }, additionalFields: {}, metadata: {}, additionalParameters: '{}', requestOptions: {} },
			{ credentials: creds },
		);
		expect(sub.json[0]).toMatchObject({ object: 'subscription', status: 'active', customer: customer().id });
		const agreement = await run({ resource: 'subscription', operation: 'get', subscriptionId: byId(String(sub.json[0].id)), options: { output: 'canonical' } }, { credentials: creds });
		expect(agreement.json[0]).toMatchObject({ type: 'Agreement', status: 'active', lines: [{ unitOfMeasure: 'metered', unitPrice: '0.0004' }] });
	});

	it('reports a read-only restricted key as a permission error', async () => {
		const readOnly = { ...creds, secretKey: sandbox.systems.stripe.credentials.restrictedKey };
		const error = await run({ resource: 'product', operation: 'create', name: 'X', productKey: '', additionalFields: {}, metadata: {}, additionalParameters: '{}', requestOptions: {} }, { credentials: readOnly }).catch((e: unknown) => e);
		expect(error).toMatchObject({ context: { errorClass: 'permission' } });
	});
});

describe('pickers', () => {
	const ctx = () => createLoadOptionsContext({ credentials: { stripeBillingApi: creds }, credentialTypes: [credentialType], nodeProperties: node.description.properties });

	it('searches customers by name and lists meter event names', async () => {
		const target = customer();
		const found = await listSearch.searchCustomers.call(ctx(), String(target.name).slice(0, 8));
		expect(found.results.map((r) => r.value)).toContain(target.id);
		expect(found.results[0].url).toMatch(/^https:\/\/dashboard\.stripe\.com\/customers\/cus_/);
		const names = await loadOptions.getMeterEventNames.call(ctx());
		expect(names.map((n) => n.value).sort()).toEqual(['api_requests', 'backup_storage_gb']);
	});
});

describe('trigger endpoint lifecycle', () => {
	it('creates the endpoint with the events, keeps its secret, finds it again and deletes it', async () => {
		const h = hookContext({ credentials: creds, parameters: { events: ['invoice.paid', 'customer.created'], options: {} }, webhookUrl: 'http://127.0.0.1:9/webhook/x/webhook' });
		const methods = trigger.webhookMethods.default;
		expect(await methods.checkExists.call(h.hook)).toBe(false);
		expect(await methods.create.call(h.hook)).toBe(true);
		const endpoints = records('webhook_endpoints');
		expect(endpoints).toHaveLength(1);
		expect(endpoints[0]).toMatchObject({ url: 'http://127.0.0.1:9/webhook/x/webhook', enabled_events: ['invoice.paid', 'customer.created'], api_version: '2025-03-31.basil' });
		expect(h.staticData.endpointSecret).toBe(endpoints[0].secret);
		expect(await methods.checkExists.call(h.hook)).toBe(true);

		// A stale endpoint for the same URL (static data lost) is replaced on the next create.
		const fresh = hookContext({ credentials: creds, parameters: { events: ['invoice.paid'], options: {} }, webhookUrl: 'http://127.0.0.1:9/webhook/x/webhook' });
		await methods.create.call(fresh.hook);
		expect(records('webhook_endpoints')).toHaveLength(1);
		expect(records('webhook_endpoints')[0].id).toBe(fresh.staticData.endpointId);

		expect(await methods.delete.call(fresh.hook)).toBe(true);
		expect(records('webhook_endpoints')).toHaveLength(0);
		expect(fresh.staticData.endpointSecret).toBeUndefined();
		expect(await methods.checkExists.call(h.hook)).toBe(false);
	});
});
