import type { IDataObject } from 'n8n-workflow';

import { API, api, byId, records, run, setupNock } from './helpers';

setupNock();

/** getAll of every resource: path, first page request and output. */
describe.each([
	['company', '/company/companies'],
	['contact', '/company/contacts'],
	['ticket', '/service/tickets'],
	['project', '/project/projects'],
	['timeEntry', '/time/entries'],
	['expense', '/expense/entries'],
	['agreement', '/finance/agreements'],
	['invoice', '/finance/invoices'],
	['product', '/procurement/products'],
])('%s Get Many', (resource, path) => {
	it(`reads ${path}`, async () => {
		api().get(`${API}${path}`).query({ pageSize: '2' }).reply(200, records(10, 11));
		const { output } = await run({ resource, operation: 'getAll', returnAll: false, limit: 2 });
		expect(output.map((item) => item.json.id)).toEqual([10, 11]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});
});

describe('agreement additions', () => {
	it('reads the additions of the chosen agreement', async () => {
		api().get(`${API}/finance/agreements/31/additions`).query({ pageSize: '50' }).reply(200, records(1, 2));
		const { json } = await run({ resource: 'agreementAddition', operation: 'getAll', agreementId: byId(31), returnAll: false, limit: 50 });
		expect(json.map((r) => r.id)).toEqual([1, 2]);
	});

	it('creates an addition under the agreement', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/finance/agreements/31/additions`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 5, agreementId: 31 });
		const { json } = await run({
			resource: 'agreementAddition',
			operation: 'create',
			agreementId: byId(31),
			catalogItemId: '88',
			billCustomer: 'Billable',
			quantity: 3,
			additionalFields: { unitPrice: 12.5, effectiveDate: '2024-02-01' },
		});
		expect(json).toEqual([{ id: 5, agreementId: 31 }]);
		expect(body).toEqual({
			product: { id: 88 },
			billCustomer: 'Billable',
			quantity: 3,
			unitPrice: 12.5,
			effectiveDate: '2024-02-01T00:00:00Z',
		});
	});

	it('patches and deletes an addition by its own ID', async () => {
		api()
			.patch(`${API}/finance/agreements/31/additions/5`, [{ op: 'replace', path: 'quantity', value: 4 }])
			.reply(200, { id: 5, quantity: 4 })
			.delete(`${API}/finance/agreements/31/additions/5`)
			.reply(204);
		const updated = await run({
			resource: 'agreementAddition',
			operation: 'update',
			agreementId: byId(31),
			additionId: '5',
			updateFields: { quantity: 4 },
		});
		expect(updated.json).toEqual([{ id: 5, quantity: 4 }]);
		const deleted = await run({ resource: 'agreementAddition', operation: 'delete', agreementId: byId(31), additionId: '5' });
		expect(deleted.json).toEqual([{ id: 5, deleted: true }]);
	});
});

describe('writes', () => {
	it('creates a service ticket from its parameters and Additional Fields', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/service/tickets`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 501, summary: 'Printer jam' });
		const { json } = await run({
			resource: 'ticket',
			operation: 'create',
			summary: 'Printer jam',
			boardId: 1,
			companyId: byId(250),
			statusId: 16,
			priorityId: '',
			additionalFields: {
				initialDescription: 'Tray 2',
				requiredDate: '2024-06-01T09:30:00',
				severity: 'High',
				otherFields: '{"customFields":[{"id":4,"value":"West"}]}',
			},
		});
		expect(json).toEqual([{ id: 501, summary: 'Printer jam' }]);
		expect(body).toEqual({
			summary: 'Printer jam',
			board: { id: 1 },
			company: { id: 250 },
			status: { id: 16 },
			initialDescription: 'Tray 2',
			requiredDate: '2024-06-01T09:30:00Z',
			severity: 'High',
			customFields: [{ id: 4, value: 'West' }],
		});
	});

	it('accepts a company picked by URL', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/service/tickets`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 502 });
		await run({
			resource: 'ticket',
			operation: 'create',
			summary: 'x',
			boardId: 1,
			companyId: {
				__rl: true,
				mode: 'url',
				value: 'https://na.myconnectwise.net/v4_6_release/services/system_io/router/openrecord.rails?recordType=CompanyFV&recid=250',
			},
			additionalFields: {},
		});
		expect(body.company).toEqual({ id: 250 });
	});

	it('updates a ticket with JSON-Patch replace operations of the chosen fields only', async () => {
		api()
			.patch(`${API}/service/tickets/501`, [
				{ op: 'replace', path: 'summary', value: 'Printer fixed' },
				{ op: 'replace', path: 'status', value: { id: 17 } },
				{ op: 'replace', path: 'budgetHours', value: 1.5 },
				{ op: 'replace', path: 'skipCallback', value: false },
			])
			.reply(200, { id: 501, summary: 'Printer fixed' });
		const { json } = await run({
			resource: 'ticket',
			operation: 'update',
			ticketId: byId(501),
			updateFields: { summary: 'Printer fixed', statusId: 17, budgetHours: 1.5, skipCallback: false, ownerId: '' },
		});
		expect(json).toEqual([{ id: 501, summary: 'Printer fixed' }]);
	});

	it('refuses an update with no fields', async () => {
		await expect(run({ resource: 'ticket', operation: 'update', ticketId: byId(501), updateFields: {} })).rejects.toThrow(
			/choose at least one field/,
		);
	});

	it('deletes a ticket', async () => {
		api().delete(`${API}/service/tickets/501`).reply(204);
		const { json } = await run({ resource: 'ticket', operation: 'delete', ticketId: byId(501) });
		expect(json).toEqual([{ id: 501, deleted: true }]);
	});

	it('creates a contact with email and phone as communication items', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/company/contacts`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 9 });
		await run({
			resource: 'contact',
			operation: 'create',
			firstName: 'Ada',
			lastName: 'Lovelace',
			companyId: byId(250),
			additionalFields: { email: 'ada@acme.test', phone: '555-0100' },
		});
		expect(body).toEqual({
			firstName: 'Ada',
			lastName: 'Lovelace',
			company: { id: 250 },
			communicationItems: [
				{ type: { name: 'Email' }, value: 'ada@acme.test', defaultFlag: true, communicationType: 'Email' },
				{ type: { name: 'Direct' }, value: '555-0100', defaultFlag: true, communicationType: 'Phone' },
			],
		});
	});

	it('creates a project with its required fields', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/project/projects`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 40 });
		await run({
			resource: 'project',
			operation: 'create',
			name: 'Migration',
			boardId: 3,
			companyId: byId(250),
			billingMethod: 'FixedFee',
			estimatedStart: '2024-03-01T00:00:00.000Z',
			estimatedEnd: '2024-04-30',
			additionalFields: { managerId: 12, billingAmount: 9000 },
		});
		expect(body).toEqual({
			name: 'Migration',
			board: { id: 3 },
			company: { id: 250 },
			billingMethod: 'FixedFee',
			estimatedStart: '2024-03-01T00:00:00Z',
			estimatedEnd: '2024-04-30T00:00:00Z',
			manager: { id: 12 },
			billingAmount: 9000,
		});
	});

	it('names a required field left empty', async () => {
		await expect(
			run({
				resource: 'project',
				operation: 'create',
				name: '',
				boardId: 3,
				companyId: byId(250),
				billingMethod: 'FixedFee',
				estimatedStart: '2024-03-01',
				estimatedEnd: '2024-04-30',
				additionalFields: {},
			}),
		).rejects.toThrow('Name is required to create a project');
	});

	it('creates a time entry charged to a ticket', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/time/entries`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 700 });
		await run({
			resource: 'timeEntry',
			operation: 'create',
			chargeToType: 'ServiceTicket',
			chargeToId: '501',
			memberId: 12,
			timeStart: '2024-05-01T08:00:00+02:00',
			timeEnd: '2024-05-01T09:15:00+02:00',
			notes: 'Replaced toner',
			additionalFields: { billableOption: 'DoNotBill', addToDetailDescriptionFlag: true },
		});
		expect(body).toEqual({
			chargeToType: 'ServiceTicket',
			chargeToId: 501,
			member: { id: 12 },
			timeStart: '2024-05-01T06:00:00Z',
			timeEnd: '2024-05-01T07:15:00Z',
			notes: 'Replaced toner',
			billableOption: 'DoNotBill',
			addToDetailDescriptionFlag: true,
		});
	});

	it('drops the charge-to type of a time entry without a charge-to ID', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/time/entries`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 701 });
		await run({
			resource: 'timeEntry',
			operation: 'create',
			chargeToType: 'ServiceTicket',
			chargeToId: '',
			memberId: '',
			timeStart: '2024-05-01T08:00:00Z',
			timeEnd: '',
			notes: '',
			additionalFields: { companyId: '250' },
		});
		expect(body).toEqual({ timeStart: '2024-05-01T08:00:00Z', company: { id: 250 } });
	});

	it('creates an expense entry', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/expense/entries`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 800 });
		await run({
			resource: 'expense',
			operation: 'create',
			typeId: 2,
			amount: 42.5,
			date: '2024-05-02',
			billableOption: 'Billable',
			chargeToType: 'ProjectTicket',
			chargeToId: '77',
			memberId: '',
			additionalFields: { notes: 'Taxi' },
		});
		expect(body).toEqual({
			type: { id: 2 },
			amount: 42.5,
			date: '2024-05-02T00:00:00Z',
			billableOption: 'Billable',
			chargeToType: 'ProjectTicket',
			chargeToId: 77,
			notes: 'Taxi',
		});
	});

	it('creates an agreement', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/finance/agreements`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 31 });
		await run({
			resource: 'agreement',
			operation: 'create',
			name: 'Managed Services',
			typeId: 4,
			companyId: byId(250),
			contactId: '9',
			startDate: '2024-01-01',
			additionalFields: { noEndingDateFlag: true, billAmount: 1500 },
		});
		expect(body).toEqual({
			name: 'Managed Services',
			type: { id: 4 },
			company: { id: 250 },
			contact: { id: 9 },
			startDate: '2024-01-01T00:00:00Z',
			noEndingDateFlag: true,
			billAmount: 1500,
		});
	});

	it('updates an invoice', async () => {
		api()
			.patch(`${API}/finance/invoices/1001`, [
				{ op: 'replace', path: 'dueDate', value: '2024-07-31T00:00:00Z' },
				{ op: 'replace', path: 'customerPO', value: 'PO-9' },
			])
			.reply(200, { id: 1001 });
		const { json } = await run({
			resource: 'invoice',
			operation: 'update',
			invoiceId: byId(1001),
			updateFields: { dueDate: '2024-07-31', customerPO: 'PO-9' },
		});
		expect(json).toEqual([{ id: 1001 }]);
	});

	it('creates a product line on a ticket', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/procurement/products`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 60 });
		await run({
			resource: 'product',
			operation: 'create',
			catalogItemId: '15',
			billableOption: 'Billable',
			quantity: 2,
			additionalFields: { ticketId: '501', price: 99.95 },
		});
		expect(body).toEqual({ catalogItem: { id: 15 }, billableOption: 'Billable', quantity: 2, ticket: { id: 501 }, price: 99.95 });
	});

	it('names an invalid JSON field', async () => {
		await expect(
			run({ resource: 'product', operation: 'update', productId: byId(60), updateFields: { otherFields: '{oops' } }),
		).rejects.toThrow(/Other Fields \(JSON\) is not valid JSON/);
	});
});

describe('Custom API Call', () => {
	it('sends the method, path, query and body with the credential', async () => {
		api()
			.post(`${API}/service/tickets/5/notes`, { text: 'Hello', internalAnalysisFlag: true })
			.query({ fields: 'id' })
			.reply(201, { id: 3 });
		const { json } = await run({
			resource: 'customApiCall',
			operation: 'request',
			method: 'POST',
			path: '/service/tickets/5/notes',
			query: { parameters: [{ name: 'fields', value: 'id' }] },
			body: '{"text":"Hello","internalAnalysisFlag":true}',
		});
		expect(json).toEqual([{ id: 3 }]);
	});

	it('outputs one item per record and can follow pages', async () => {
		api()
			.get(`${API}/system/members`)
			.query({ pageSize: '2' })
			.reply(200, records(1, 2), { Link: `<https://cw.example.test${API}/system/members?pageSize=2&page=2>; rel="next"` })
			.get(`${API}/system/members`)
			.query({ pageSize: '2', page: '2' })
			.reply(200, records(3, 3));
		const { json } = await run({
			resource: 'customApiCall',
			operation: 'request',
			method: 'GET',
			path: 'system/members',
			query: { parameters: [{ name: 'pageSize', value: '2' }] },
			followPages: true,
		});
		expect(json.map((r) => r.id)).toEqual([1, 2, 3]);
	});

	it('refuses a path that leaves the API root', async () => {
		await expect(
			run({ resource: 'customApiCall', operation: 'request', method: 'GET', path: 'https://evil.example/x', query: {} }),
		).rejects.toThrow(/relative to the ConnectWise API root/);
		await expect(
			run({ resource: 'customApiCall', operation: 'request', method: 'GET', path: '/../../login', query: {} }),
		).rejects.toThrow(/relative to the ConnectWise API root/);
	});

	it('answers a 204 with a success item', async () => {
		api().delete(`${API}/service/tickets/5`).reply(204);
		const { json } = await run({ resource: 'customApiCall', operation: 'request', method: 'DELETE', path: '/service/tickets/5', query: {} });
		expect(json).toEqual([{ success: true, statusCode: 204 }]);
	});
});
