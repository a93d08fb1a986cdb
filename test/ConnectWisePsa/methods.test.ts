import { getAgreementTypes, getBoards, getBoardStatuses, getMembers, getPriorities } from '../../nodes/ConnectWisePsa/methods/loadOptions';
import { searchAgreements, searchCompanies } from '../../nodes/ConnectWisePsa/methods/listSearch';
import { API, SITE, api, loadOptionsContext, setupNock } from './helpers';

setupNock();

describe('loadOptions', () => {
	it('lists active boards sorted by name', async () => {
		api()
			.get(`${API}/service/boards`)
			.query({ conditions: 'inactiveFlag=false', fields: 'id,name', pageSize: '1000' })
			.reply(200, [
				{ id: 2, name: 'Service' },
				{ id: 1, name: 'Help Desk' },
			]);
		expect(await getBoards.call(loadOptionsContext())).toEqual([
			{ name: 'Help Desk', value: 1 },
			{ name: 'Service', value: 2 },
		]);
	});

	it('lists the statuses of the chosen board in workflow order, without inactive ones', async () => {
		api()
			.get(`${API}/service/boards/7/statuses`)
			.query(true)
			.reply(200, [
				{ id: 30, name: 'Closed', sortOrder: 9 },
				{ id: 10, name: 'New', sortOrder: 0 },
				{ id: 20, name: 'Old', sortOrder: 1, inactive: true },
				{ id: 15, name: 'In Progress', sortOrder: 2 },
			]);
		expect(await getBoardStatuses.call(loadOptionsContext({ boardId: 7 }))).toEqual([
			{ name: 'New', value: 10 },
			{ name: 'In Progress', value: 15 },
			{ name: 'Closed', value: 30 },
		]);
	});

	it('reads the board from Update Fields on update', async () => {
		api().get(`${API}/service/boards/8/statuses`).query(true).reply(200, [{ id: 1, name: 'New' }]);
		expect(await getBoardStatuses.call(loadOptionsContext({ updateFields: { boardId: 8 } }))).toEqual([{ name: 'New', value: 1 }]);
	});

	it('asks for a board before listing statuses', async () => {
		await expect(getBoardStatuses.call(loadOptionsContext({}))).rejects.toThrow(/Choose a board first/);
	});

	it('lists active members with their identifier, reading every page', async () => {
		api()
			.get(`${API}/system/members`)
			.query({ conditions: 'inactiveFlag=false', fields: 'id,identifier,firstName,lastName', pageSize: '1000' })
			.reply(200, [{ id: 1, identifier: 'zed', firstName: 'Zed', lastName: 'Z' }], {
				Link: `<${SITE}${API}/system/members?pageSize=1000&pageId=1>; rel="next"`,
			})
			.get(`${API}/system/members`)
			.query({ pageSize: '1000', pageId: '1' })
			.reply(200, [{ id: 2, identifier: 'api' }]);
		expect(await getMembers.call(loadOptionsContext())).toEqual([
			{ name: 'api', value: 2 },
			{ name: 'Zed Z (zed)', value: 1 },
		]);
	});

	it('lists priorities and active agreement types', async () => {
		api()
			.get(`${API}/service/priorities`)
			.query(true)
			.reply(200, [{ id: 4, name: 'Priority 1 - Emergency' }])
			.get(`${API}/finance/agreements/types`)
			.query(true)
			.reply(200, [
				{ id: 1, name: 'Gold' },
				{ id: 2, name: 'Legacy', inactiveFlag: true },
			]);
		expect(await getPriorities.call(loadOptionsContext())).toEqual([{ name: 'Priority 1 - Emergency', value: 4 }]);
		expect(await getAgreementTypes.call(loadOptionsContext())).toEqual([{ name: 'Gold', value: 1 }]);
	});
});

describe('listSearch', () => {
	it('searches companies by name or identifier, 50 per page', async () => {
		api()
			.get(`${API}/company/companies`)
			.query({
				conditions: '(deletedFlag=false) and (name contains "ac\\"me" or identifier contains "ac\\"me")',
				fields: 'id,identifier,name',
				orderBy: 'name asc',
				page: '1',
				pageSize: '50',
			})
			.reply(200, [{ id: 250, identifier: 'ACME', name: 'Acme Inc' }], {
				Link: `<${SITE}${API}/company/companies?page=2>; rel="next"`,
			});
		const result = await searchCompanies.call(loadOptionsContext(), 'ac"me');
		expect(result).toEqual({ results: [{ name: 'Acme Inc (ACME)', value: '250' }], paginationToken: '2' });
	});

	it('continues with the page token and ends without a next link', async () => {
		api()
			.get(`${API}/company/companies`)
			.query((q) => q.page === '2' && q.conditions === 'deletedFlag=false')
			.reply(200, [{ id: 251, identifier: 'B', name: 'Beta' }]);
		const result = await searchCompanies.call(loadOptionsContext(), '', '2');
		expect(result).toEqual({ results: [{ name: 'Beta (B)', value: '251' }], paginationToken: undefined });
	});

	it('searches agreements and shows their company', async () => {
		api()
			.get(`${API}/finance/agreements`)
			.query((q) => q.conditions === 'name contains "Gold" or company/name contains "Gold"')
			.reply(200, [{ id: 31, name: 'Gold MSP', company: { name: 'Acme Inc' } }]);
		const result = await searchAgreements.call(loadOptionsContext(), 'Gold');
		expect(result.results).toEqual([{ name: 'Gold MSP (Acme Inc)', value: '31' }]);
	});
});
