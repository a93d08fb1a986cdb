import { createLoadOptionsContext } from '../helpers/fakeContext';
import { api, credentialType, credentials, node, page, setupNock } from './helpers';

setupNock();

const ctx = () =>
	createLoadOptionsContext({ credentials: { extensivApi: credentials() }, credentialTypes: [credentialType], nodeProperties: node.description.properties });

describe('Extensiv list search and load options', () => {
	it('searches orders by reference number with an RQL wildcard, newest first', async () => {
		api()
			.get('/orders')
			.query({ pgsiz: '50', pgnum: '1', sort: '-readOnly.orderId', rql: 'referenceNum=="*SO-1*"' })
			.reply(200, page([{ readOnly: { orderId: 7 }, referenceNum: 'SO-17', customerIdentifier: { name: 'Northwind' } }], 1));
		const result = await node.methods.listSearch.searchOrders.call(ctx(), 'SO-1');
		expect(result.results).toEqual([{ name: 'SO-17 (Northwind)', value: '7' }]);
	});

	it('lists the 3PL’s customers sorted by name with their ids', async () => {
		api()
			.get('/customers')
			.query({ pgsiz: '1000', pgnum: '1' })
			.reply(200, { totalResults: 2, _embedded: { c: [{ customerId: 2, companyInfo: { companyName: 'Zeta' } }, { customerId: 1, companyInfo: { companyName: 'Acme' } }] } });
		expect(await node.methods.loadOptions.getCustomers.call(ctx())).toEqual([
			{ name: 'Acme (1)', value: 1 },
			{ name: 'Zeta (2)', value: 2 },
		]);
	});
});
