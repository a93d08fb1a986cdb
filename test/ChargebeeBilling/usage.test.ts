import { usageKey } from '../../nodes/ChargebeeBilling/actions/usage';
import { API, api, byId, run, setupNock } from './helpers';

setupNock();

const params = {
	resource: 'usage',
	operation: 'create',
	input: 'fields',
	subscriptionId: byId('sub_1'),
	itemPriceId: 'backup-storage-gb-USD-monthly',
	quantity: '12.50',
	usageDate: '2026-10-05T10:00:00Z',
	options: {},
};
const unix = Date.parse('2026-10-05T10:00:00Z') / 1000;

describe('Chargebee usage: record once', () => {
	it('derives a stable usage id and idempotency key from the usage and sends the form body', async () => {
		const key = `n8n_${usageKey('sub_1', 'backup-storage-gb-USD-monthly', unix, '12.5')}`;
		expect(key).toBe(`n8n_${usageKey('sub_1', 'backup-storage-gb-USD-monthly', unix, '12.5')}`);
		expect(key).not.toBe(`n8n_${usageKey('sub_1', 'backup-storage-gb-USD-monthly', unix, '12.6')}`);
		api()
			.post(`${API}/subscriptions/sub_1/usages`, `id=${key}&item_price_id=backup-storage-gb-USD-monthly&quantity=12.5&usage_date=${unix}`)
			.matchHeader('chargebee-idempotency-key', key)
			.matchHeader('content-type', 'application/x-www-form-urlencoded')
			.reply(200, { usage: { id: key, quantity: '12.5' } });
		const { json, output } = await run(params);
		expect(json[0]).toEqual({ id: key, quantity: '12.5' });
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('retries a POST with an idempotency key after a 502 (safe to resend)', async () => {
		api().post(`${API}/subscriptions/sub_1/usages`).reply(502, 'Bad gateway');
		api().post(`${API}/subscriptions/sub_1/usages`).reply(200, { usage: { id: 'u1' } });
		const { json } = await run(params);
		expect(json[0]).toEqual({ id: 'u1' });
	});

	it('returns the usage already recorded when Chargebee refuses the repeated usage id', async () => {
		api().post(`${API}/subscriptions/sub_1/usages`).reply(400, { message: 'The value is already present.', api_error_code: 'duplicate_entry', param: 'id', http_status_code: 400 });
		api()
			.get(`${API}/usages`)
			.query((q) => q['subscription_id[is]'] === 'sub_1' && String(q['id[is]']).startsWith('n8n_') && q.limit === '1')
			.reply(200, { list: [{ usage: { id: 'n8n_x', quantity: '12.5' } }] });
		const { json } = await run(params);
		expect(json[0]).toEqual({ id: 'n8n_x', quantity: '12.5' });
	});

	it('records a canonical UsageRecord', async () => {
		api()
			.post(`${API}/subscriptions/sub_9/usages`, { id: 'u-77', item_price_id: 'storage', quantity: '3', usage_date: String(unix) })
			.matchHeader('chargebee-idempotency-key', 'u-77')
			.reply(200, { usage: { id: 'u-77' } });
		await run({
			...params,
			input: 'canonical',
			canonical: { type: 'UsageRecord', externalIds: {}, agreement: { externalIds: { chargebeeBilling: 'sub_9' } }, metric: 'storage', quantity: '3', timestamp: '2026-10-05T10:00:00Z', idempotencyKey: 'u-77' },
		});
	});

	it('refuses a quantity that is not a decimal before calling Chargebee', async () => {
		await expect(run({ ...params, quantity: 'lots' })).rejects.toThrow(/Quantity must be a decimal/);
	});
});
