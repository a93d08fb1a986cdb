import { listSearch } from '../../nodes/BusinessCentral/methods';
import { api, CO, company, guid, HOST, loadOptionsContext, ROOT, setupNock } from './helpers';

setupNock();

describe('Business Central pickers', () => {
	it('lists companies, searching by name, and pages with the nextLink as token', async () => {
		api()
			.get(`${ROOT}/companies`)
			.query({ $select: 'id,name,displayName', $filter: "contains(name,'cas') or contains(displayName,'cas')" })
			.reply(200, { value: [{ id: guid(1), name: 'CASCADE', displayName: 'Cascade Supply Co.' }], '@odata.nextLink': `${HOST}${ROOT}/companies?$skiptoken=1` })
			.get(`${ROOT}/companies`)
			.query({ $skiptoken: '1' })
			.reply(200, { value: [{ id: guid(2), name: 'CASCADE TEST', displayName: '' }] });
		const ctx = loadOptionsContext();
		const first = await listSearch.searchCompanies.call(ctx, 'cas');
		expect(first.results).toEqual([{ name: 'Cascade Supply Co.', value: guid(1) }]);
		const second = await listSearch.searchCompanies.call(ctx, 'cas', first.paginationToken as string);
		expect(second).toEqual({ results: [{ name: 'CASCADE TEST', value: guid(2) }], paginationToken: undefined });
	});

	it('lists records of the current resource in the picked company', async () => {
		api()
			.get(`${CO}/salesOrders`)
			.query({ $select: 'id,number,customerName', $orderby: 'number', $filter: "contains(number,'101') or contains(customerName,'101')" })
			.reply(200, { value: [{ id: guid(3), number: 'S-ORD101001', customerName: 'Harbor Hardware' }] });
		const ctx = loadOptionsContext({ resource: 'salesOrder', companyId: company });
		expect((await listSearch.searchRecords.call(ctx, '101')).results).toEqual([{ name: 'S-ORD101001 (Harbor Hardware)', value: guid(3) }]);
	});

	it('asks for the company first', async () => {
		const ctx = loadOptionsContext({ resource: 'customer', companyId: { __rl: true, mode: 'list', value: '' } });
		await expect(listSearch.searchRecords.call(ctx)).rejects.toThrow('Pick a company first');
	});
});
