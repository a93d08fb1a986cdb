import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { useNock } from '../helpers/fakeContext';
import { API, ZONE, api, credentials, page, resetCaches, run, searchOf, TICKET_FIELDS } from './helpers';

useNock();
beforeEach(resetCaches);

const fixed = () => credentials({ zoneUrl: `${ZONE}/atservicesrest` });

describe('Get Many (query)', () => {
	it('follows nextPageUrl with 500-record pages and returns each record once', async () => {
		const ids = Array.from({ length: 1203 }, (_, i) => i + 1);
		const next = (after: number) => `${ZONE}/atservicesrest/v1.0/Tickets/query/next?paging=after${after}`;
		const searches: IDataObject[] = [];
		api()
			.get(`${API}/Tickets/query`)
			.query(true)
			.reply(function (uri) {
				searches.push(searchOf(uri));
				return [200, page(ids.slice(0, 500).map((id) => ({ id })), next(500))];
			});
		api().get(`${API}/Tickets/query/next`).query({ paging: 'after500' }).reply(200, page(ids.slice(500, 1000).map((id) => ({ id })), next(1000)));
		api().get(`${API}/Tickets/query/next`).query({ paging: 'after1000' }).reply(200, page(ids.slice(1000).map((id) => ({ id }))));

		const { json, output } = await run({ resource: 'ticket', operation: 'getAll', returnAll: true, options: {} }, { credentials: fixed() });

		expect(json.map((j) => j.id)).toEqual(ids);
		expect(searches[0]).toEqual({ filter: [{ op: 'gte', field: 'id', value: 0 }], MaxRecords: 500 });
		expect(output.every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('asks for no more than the limit and stops without following the next page', async () => {
		let search: IDataObject = {};
		api()
			.get(`${API}/Companies/query`)
			.query(true)
			.reply(function (uri) {
				search = searchOf(uri);
				return [200, page(Array.from({ length: 7 }, (_, i) => ({ id: i + 1 })), `${ZONE}/atservicesrest/v1.0/Companies/query/next?paging=p`)];
			});
		const { json } = await run({ resource: 'company', operation: 'getAll', returnAll: false, limit: 7, options: {} }, { credentials: fixed() });
		expect(json).toHaveLength(7);
		expect(search.MaxRecords).toBe(7);
	});

	it('builds the filter from the UI rows (typed by field metadata, labels as values) and ANDs the raw JSON', async () => {
		api().get(`${API}/Tickets/entityInformation/fields`).reply(200, TICKET_FIELDS);
		let search: IDataObject = {};
		api()
			.get(`${API}/Tickets/query`)
			.query(true)
			.reply(function (uri) {
				search = searchOf(uri);
				return [200, page([{ id: 3, status: 5 }])];
			});

		await run(
			{
				resource: 'ticket',
				operation: 'getAll',
				returnAll: true,
				filters: {
					condition: [
						{ field: 'status', op: 'eq', value: 'complete' },
						{ field: 'companyID', op: 'in', value: '12, 13' },
						{ field: 'title', op: 'contains', value: '42' },
						{ field: 'Root Cause', op: 'eq', value: 'Network', udf: true },
					],
				},
				match: 'any',
				options: { filterJson: '{"filter":[{"op":"gt","field":"createDate","value":"2025-01-01"}]}', includeFields: 'title, status' },
			},
			{ credentials: fixed() },
		);

		expect(search).toEqual({
			filter: [
				{
					op: 'or',
					items: [
						{ op: 'eq', field: 'status', value: 5 },
						{ op: 'in', field: 'companyID', value: [12, 13] },
						{ op: 'contains', field: 'title', value: '42' },
						{ op: 'eq', field: 'Root Cause', udf: true, value: 'Network' },
					],
				},
				{ op: 'gt', field: 'createDate', value: '2025-01-01' },
			],
			IncludeFields: ['id', 'title', 'status'],
			MaxRecords: 500,
		});
	});

	it('reports an invalid filter JSON on the item without calling Autotask', async () => {
		await expect(
			run({ resource: 'ticket', operation: 'getAll', returnAll: true, options: { filterJson: '{"filter": [' } }, { credentials: fixed() }),
		).rejects.toThrow(/Filter \(JSON\) is not valid JSON/);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('adds picklist labels and maps to canonical records on request', async () => {
		api().get(`${API}/Tickets/entityInformation/fields`).reply(200, TICKET_FIELDS);
		api().get(`${API}/Tickets/query`).query(true).reply(200, page([{ id: 3, status: 8, title: 'VPN' }]));
		const labelled = await run({ resource: 'ticket', operation: 'getAll', returnAll: true, options: { picklistLabels: true } }, { credentials: fixed() });
		expect(labelled.json).toEqual([{ id: 3, status: 8, status_label: 'In Progress', title: 'VPN' }]);

		api().get(`${API}/Companies/query`).query(true).reply(200, page([{ id: 29683500, companyName: 'Harbor Dental', companyType: 1, isActive: true }]));
		const canonical = await run({ resource: 'company', operation: 'getAll', returnAll: true, options: { output: 'canonical' } }, { credentials: fixed() });
		expect(canonical.json).toEqual([
			{
				type: 'Customer',
				externalIds: { autotaskPsa: '29683500' },
				source: { system: 'autotaskPsa', id: '29683500' },
				name: 'Harbor Dental',
				status: 'active',
			},
		]);
	});
});

describe('Get', () => {
	it('turns Autotask’s 200 with a null item into a not-found error naming the record', async () => {
		api().get(`${API}/Tickets/404`).reply(200, { item: null });
		await expect(
			run({ resource: 'ticket', operation: 'get', recordId: { __rl: true, mode: 'id', value: '404' }, options: {} }, { credentials: fixed() }),
		).rejects.toThrow('Ticket 404 was not found');
	});

	it('takes the ID from an Autotask URL', async () => {
		api().get(`${API}/Tickets/7311`).reply(200, { item: { id: 7311 } });
		const url = 'https://ww14.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=7311';
		const { json } = await run({ resource: 'ticket', operation: 'get', recordId: { __rl: true, mode: 'url', value: url }, options: {} }, { credentials: fixed() });
		expect(json).toEqual([{ id: 7311 }]);
	});

	it('keeps going with an error item per failed input when continue on fail is set', async () => {
		api().get(`${API}/Tickets/1`).reply(200, { item: { id: 1 } });
		api().get(`${API}/Tickets/2`).reply(200, { item: null });
		api().get(`${API}/Tickets/3`).reply(200, { item: { id: 3 } });
		const { output } = await run(
			(i) => ({ resource: 'ticket', operation: 'get', recordId: { __rl: true, mode: 'id', value: String(i + 1) }, options: { parallelRequests: 3 } }),
			{ items: [{ json: {} }, { json: {} }, { json: {} }], continueOnFail: true, credentials: fixed() },
		);
		expect(output.map((o) => [o.json.id ?? o.json.error, o.pairedItem])).toEqual([
			[1, { item: 0 }],
			['Ticket 2 was not found', { item: 1 }],
			[3, { item: 2 }],
		]);
	});
});

describe('writes', () => {
	it('creates a ticket note through its ticket and returns the stored note', async () => {
		let posted: IDataObject = {};
		api()
			.post(`${API}/Tickets/7300/Notes`, (b: IDataObject) => {
				posted = b;
				return true;
			})
			.reply(200, { itemId: 555 });
		api().get(`${API}/TicketNotes/555`).reply(200, { item: { id: 555, ticketID: 7300, title: 'Called' } });
		const { json } = await run(
			{ resource: 'ticketNote', operation: 'create', parentId: 7300, inputMode: 'json', json: '{"title":"Called","description":"x","noteType":1,"publish":1}', options: {} },
			{ credentials: fixed() },
		);
		expect(posted).toEqual({ title: 'Called', description: 'x', noteType: 1, publish: 1, ticketID: 7300 });
		expect(json).toEqual([{ id: 555, ticketID: 7300, title: 'Called' }]);
	});

	it('creates from picked fields, typing values and picklist labels by the field list', async () => {
		api().get(`${API}/Tickets/entityInformation/fields`).reply(200, TICKET_FIELDS);
		let posted: IDataObject = {};
		api()
			.post(`${API}/Tickets`, (b: IDataObject) => {
				posted = b;
				return true;
			})
			.reply(200, { itemId: 9001 });
		api().get(`${API}/Tickets/9001`).reply(200, { item: { id: 9001 } });
		await run(
			{
				resource: 'ticket',
				operation: 'create',
				inputMode: 'fields',
				fields: {
					field: [
						{ name: 'title', value: '0042 printer' },
						{ name: 'companyID', value: '29683500' },
						{ name: 'status', value: 'New' },
						{ name: 'estimatedHours', value: '1.5' },
					],
				},
				options: {},
			},
			{ credentials: fixed() },
		);
		expect(posted).toEqual({ title: '0042 printer', companyID: 29683500, status: 1, estimatedHours: 1.5 });
	});

	it('updates with PATCH carrying the id, from a canonical record', async () => {
		let patched: IDataObject = {};
		api()
			.patch(`${API}/Companies`, (b: IDataObject) => {
				patched = b;
				return true;
			})
			.reply(200, { itemId: 29683500 });
		api().get(`${API}/Companies/29683500`).reply(200, { item: { id: 29683500, companyName: 'Harbor Dental Group' } });
		const canonicalRecord = {
			type: 'Customer',
			externalIds: { autotaskPsa: '29683500' },
			name: 'Harbor Dental Group',
			phone: '813-555-0101',
			addresses: [{ type: 'billing', line1: '1 Bay St', city: 'Tampa', region: 'FL', postalCode: '33602' }],
		};
		await run(
			{ resource: 'company', operation: 'update', recordId: { __rl: true, mode: 'id', value: '29683500' }, inputMode: 'canonical', canonicalRecord, options: {} },
			{ credentials: fixed() },
		);
		expect(patched).toEqual({
			id: 29683500,
			companyName: 'Harbor Dental Group',
			companyType: 1,
			phone: '813-555-0101',
			address1: '1 Bay St',
			city: 'Tampa',
			state: 'FL',
			postalCode: '33602',
		});
	});

	it('refuses a canonical record of the wrong type', async () => {
		await expect(
			run(
				{ resource: 'company', operation: 'create', inputMode: 'canonical', canonicalRecord: { type: 'Project', externalIds: {}, name: 'x' }, options: {} },
				{ credentials: fixed() },
			),
		).rejects.toThrow('The input is not a canonical Customer');
	});

	it('deletes a child record through its parent', async () => {
		api().delete(`${API}/Projects/29684100/Tasks/29690001`).reply(200, { itemId: 29690001 });
		const { json } = await run(
			{ resource: 'task', operation: 'delete', recordId: { __rl: true, mode: 'id', value: '29690001' }, parentId: 29684100, options: {} },
			{ credentials: fixed() },
		);
		expect(json).toEqual([{ id: 29690001, deleted: true }]);
	});
});

describe('Custom API Call and API usage', () => {
	it('sends any request under v1.0 with the credential', async () => {
		api().get(`${API}/Tickets/entityInformation`).reply(200, { info: { canCreate: true } });
		const { json } = await run(
			{ resource: 'customApiCall', operation: 'request', method: 'GET', path: '/v1.0/Tickets/entityInformation', qs: '{}' },
			{ credentials: fixed() },
		);
		expect(json).toEqual([{ info: { canCreate: true } }]);
	});

	it('reports the threshold usage and the latency Autotask adds at it', async () => {
		api().get(`${API}/ThresholdInformation`).reply(200, { externalRequestThreshold: 10000, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 7600 });
		const { json } = await run({ resource: 'apiUsage', operation: 'get' }, { credentials: fixed() });
		expect(json).toEqual([
			{ externalRequestThreshold: 10000, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 7600, usagePercent: 76, addedLatency: '1s' },
		]);
	});
});
