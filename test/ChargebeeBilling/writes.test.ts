import { API, api, byId, run, setupNock } from './helpers';

setupNock();

describe('Chargebee customers and subscriptions', () => {
	it('returns the existing customer for a caller-chosen id instead of creating it again', async () => {
		api().get(`${API}/customers/ERP-1001`).reply(200, { customer: { id: 'ERP-1001', company: 'Harbor' } });
		const { json, ctx } = await run({ resource: 'customer', operation: 'create', input: 'fields', customerId: 'ERP-1001', fields: { company: 'Harbor' } });
		expect(json[0]).toEqual({ id: 'ERP-1001', company: 'Harbor' });
		expect(ctx.sentRequests).toHaveLength(1);
	});

	it('creates a customer from a canonical Customer with the id as idempotency key', async () => {
		api().get(`${API}/customers/ERP-7`).reply(404, { api_error_code: 'resource_not_found', message: 'not found' });
		api()
			.post(`${API}/customers`, { company: 'Peak Logistics', email: 'ap@peak.example', net_term_days: '30', 'billing_address[city]': 'Reno', 'billing_address[company]': 'Peak Logistics', id: 'ERP-7' })
			.matchHeader('chargebee-idempotency-key', 'n8n-customer-ERP-7')
			.reply(200, { customer: { id: 'ERP-7' } });
		await run({
			resource: 'customer',
			operation: 'create',
			input: 'canonical',
			customerId: '',
			canonical: { type: 'Customer', externalIds: { chargebeeBilling: 'ERP-7' }, name: 'Peak Logistics', email: 'ap@peak.example', paymentTerms: 'Net 30', addresses: [{ type: 'billing', name: 'Peak Logistics', city: 'Reno' }] },
		});
	});

	it('subscribes a customer with subscription_items in bracket notation', async () => {
		api()
			.post(`${API}/customers/c1/subscription_for_items`, {
				'subscription_items[item_price_id][0]': 'managed-it-USD-monthly',
				'subscription_items[quantity][0]': '1',
				'subscription_items[item_price_id][1]': 'endpoint-protection-USD-monthly',
				'subscription_items[quantity][1]': '25',
				id: 'SUB-ERP-1',
				po_number: 'PO-9',
			})
			.matchHeader('chargebee-idempotency-key', 'n8n-subscription-SUB-ERP-1')
			.reply(200, { subscription: { id: 'SUB-ERP-1', status: 'active' }, customer: { id: 'c1' } });
		const { json } = await run({
			resource: 'subscription',
			operation: 'create',
			customerId: byId('c1'),
			items: { item: [{ item_price_id: 'managed-it-USD-monthly', quantity: 1 }, { item_price_id: 'endpoint-protection-USD-monthly', quantity: 25 }] },
			additionalFields: { id: 'SUB-ERP-1', po_number: 'PO-9' },
		});
		expect(json[0]).toEqual({ id: 'SUB-ERP-1', status: 'active' });
	});

	it('outputs a subscription as a canonical Agreement', async () => {
		api().get(`${API}/subscriptions/sub_1`).reply(200, { subscription: { id: 'sub_1', customer_id: 'c1', status: 'active', currency_code: 'USD', mrr: 4900, subscription_items: [] } });
		const { json } = await run({ resource: 'subscription', operation: 'get', subscriptionId: byId('sub_1'), options: { output: 'canonical' } });
		expect(json[0]).toMatchObject({ type: 'Agreement', status: 'active', amount: '49', customer: { externalIds: { chargebeeBilling: 'c1' } } });
	});
});

describe('Chargebee node description', () => {
	it('shows each record locator only for its own operations', async () => {
		const { node } = await import('./helpers');
		const locators = node.description.properties.filter((p) => p.name === 'customerId' && p.type === 'resourceLocator');
		const shown = locators.map((p) => `${String(p.displayOptions?.show?.resource)}:${String(p.displayOptions?.show?.operation)}`).sort();
		expect(shown).toEqual(['customer:get', 'customer:update', 'subscription:create']);
	});
});
