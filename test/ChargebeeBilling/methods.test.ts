import { createLoadOptionsContext } from '../helpers/fakeContext';
import { API, api, credentialType, credentials, node, setupNock } from './helpers';

setupNock();

const ctx = () =>
	createLoadOptionsContext({ credentials: { chargebeeBillingApi: credentials() }, credentialTypes: [credentialType], nodeProperties: node.description.properties });

describe('Chargebee list search', () => {
	it('searches customers by email prefix when the filter has an @, else by company', async () => {
		api()
			.get(`${API}/customers`)
			.query({ limit: '50', 'sort_by[desc]': 'updated_at', 'email[starts_with]': 'ann@' })
			.reply(200, { list: [{ customer: { id: 'c1', company: 'Harbor', email: 'ann@example.com' } }] });
		expect((await node.methods.listSearch.searchCustomers.call(ctx(), 'ann@')).results).toEqual([{ name: 'Harbor <ann@example.com>', value: 'c1' }]);
		api()
			.get(`${API}/customers`)
			.query({ limit: '50', 'sort_by[desc]': 'updated_at', 'company[starts_with]': 'Harb' })
			.reply(200, { list: [] });
		expect((await node.methods.listSearch.searchCustomers.call(ctx(), 'Harb')).results).toEqual([]);
	});

	it('lists subscriptions with customer and status', async () => {
		api()
			.get(`${API}/subscriptions`)
			.query({ limit: '50', 'sort_by[desc]': 'updated_at' })
			.reply(200, { list: [{ subscription: { id: 'sub_1', customer_id: 'c1', status: 'active' }, customer: { id: 'c1' } }] });
		expect((await node.methods.listSearch.searchSubscriptions.call(ctx())).results).toEqual([{ name: 'sub_1 · c1 · active', value: 'sub_1' }]);
	});
});
