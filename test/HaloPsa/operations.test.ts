import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { useNock } from '../helpers/fakeContext';
import { haloList } from '../../nodes/HaloPsa/transport';
import { API, HOST, executeContext, run } from './helpers';

useNock();

const page = (n: number, size: number, total: number, key = 'tickets') => ({
	page_no: n,
	page_size: size,
	record_count: total,
	[key]: Array.from({ length: Math.max(0, Math.min(size, total - (n - 1) * size)) }, (_, i) => ({ id: (n - 1) * size + i + 1, summary: `T${(n - 1) * size + i + 1}` })),
});

describe('HaloPSA: Get Many', () => {
	it('pages with pageinate/page_size/page_no until record_count, with the bearer token', async () => {
		const seen: IDataObject[] = [];
		nock(HOST)
			.get(`${API}/Tickets`)
			.query((q) => (seen.push(q), true))
			.times(3)
			.reply(function (uri) {
				const n = Number(new URL(uri, HOST).searchParams.get('page_no'));
				expect(this.req.headers.authorization).toBe('Bearer halo-access-token-1');
				return [200, page(n, 100, 250)];
			});

		const { json, output } = await run({ resource: 'ticket', operation: 'getAll', returnAll: true, filters: { client_id: 7, search: ' printer ' } });

		expect(json.map((t) => t.id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
		expect(seen).toEqual([1, 2, 3].map((n) => ({ pageinate: 'true', page_size: '100', page_no: String(n), client_id: '7', search: 'printer' })));
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops at the limit without fetching further pages', async () => {
		const scope = nock(HOST).get(`${API}/Client`).query({ pageinate: 'true', page_size: '5', page_no: '1' }).reply(200, page(1, 5, 40, 'clients'));
		const { json } = await run({ resource: 'client', operation: 'getAll', returnAll: false, limit: 5, filters: {} });
		expect(json).toHaveLength(5);
		expect(scope.isDone()).toBe(true);
	});

	it('drops records repeated on a later page (a record inserted before the cursor while paging)', async () => {
		nock(HOST)
			.get(`${API}/Tickets`)
			.query((q) => q.page_no === '1')
			.reply(200, { page_no: 1, page_size: 2, record_count: 4, tickets: [{ id: 1 }, { id: 2 }] })
			// A new record sorted first shifts every later one by one place.
			.get(`${API}/Tickets`)
			.query((q) => q.page_no === '2')
			.reply(200, { page_no: 2, page_size: 2, record_count: 5, tickets: [{ id: 2 }, { id: 3 }] })
			.get(`${API}/Tickets`)
			.query((q) => q.page_no === '3')
			.reply(200, { page_no: 3, page_size: 2, record_count: 5, tickets: [{ id: 4 }] });
		const ctx = executeContext({});
		const records = await haloList(ctx, { path: '/Tickets', listKey: 'tickets', returnAll: true, pageSize: 2 });
		expect(records.map((t) => t.id)).toEqual([1, 2, 3, 4]);
	});

	it('passes other query parameters and maps to canonical output', async () => {
		nock(HOST)
			.get(`${API}/Projects`)
			.query({ pageinate: 'true', page_size: '100', page_no: '1', open_only: 'true' })
			.reply(200, {
				page_no: 1,
				page_size: 100,
				record_count: 1,
				tickets: [{ id: 1201, summary: 'Server refresh', client_id: 4, client_name: 'Cedar Legal', status_id: 2, estimate: 40, budget: 6000.1, startdate: '2026-01-05T09:00:00' }],
			});
		const { json } = await run({
			resource: 'project',
			operation: 'getAll',
			returnAll: true,
			filters: { query: { parameter: [{ name: 'open_only', value: 'true' }] } },
			options: { output: 'canonical' },
		});
		expect(json).toEqual([
			{
				type: 'Project',
				externalIds: { haloPsa: '1201' },
				source: { system: 'haloPsa', id: '1201' },
				name: 'Server refresh',
				customer: { externalIds: { haloPsa: '4' }, name: 'Cedar Legal' },
				status: 'open',
				startDate: '2026-01-05',
				budgetHours: '40',
				budgetAmount: '6000.1',
			},
		]);
	});
});

describe('HaloPSA: writes', () => {
	it('creates by POSTing an array with the required and additional fields', async () => {
		let body: unknown;
		nock(HOST)
			.post(`${API}/Tickets`, (b: unknown) => ((body = b), true))
			.reply(200, { id: 55, summary: 'Printer offline' });
		const { json } = await run({
			resource: 'ticket',
			operation: 'create',
			summary: 'Printer offline',
			client_id: 4,
			additionalFields: { details: 'Lobby printer', deadlinedate: '2026-03-01T10:00:00.000Z', otherFields: '{"customfields":[{"id":3,"value":"x"}]}' },
		});
		expect(body).toEqual([
			{ summary: 'Printer offline', client_id: 4, details: 'Lobby printer', deadlinedate: '2026-03-01T10:00:00', customfields: [{ id: 3, value: 'x' }] },
		]);
		expect(json).toEqual([{ id: 55, summary: 'Printer offline' }]);
	});

	it('updates by POSTing the id with the changed fields', async () => {
		let body: unknown;
		nock(HOST)
			.post(`${API}/Client`, (b: unknown) => ((body = b), true))
			.reply(200, [{ id: 9, name: 'Harbor', website: 'https://h.example' }]);
		const { json } = await run({
			resource: 'client',
			operation: 'update',
			recordId: { __rl: true, mode: 'id', value: '9' },
			updateFields: { website: 'https://h.example' },
		});
		expect(body).toEqual([{ id: 9, website: 'https://h.example' }]);
		expect(json[0]).toMatchObject({ id: 9 });
	});

	it('refuses an update without fields, without a request', async () => {
		await expect(
			run({ resource: 'client', operation: 'update', recordId: { __rl: true, mode: 'id', value: '9' }, updateFields: {} }),
		).rejects.toThrow(/choose at least one field/);
	});

	it('creates from a canonical TimeEntry as an action with time', async () => {
		let body: unknown;
		nock(HOST)
			.post(`${API}/Actions`, (b: unknown) => ((body = b), true))
			.reply(200, { id: 700 });
		await run({
			resource: 'action',
			operation: 'create',
			inputMode: 'canonical',
			canonical: {
				type: 'TimeEntry',
				externalIds: {},
				workItem: { kind: 'ticket', externalIds: { haloPsa: '42' } },
				worker: { externalIds: { haloPsa: '3' } },
				hours: '1.25',
				billable: true,
				start: '2026-02-02T09:00:00Z',
				end: '2026-02-02T10:15:00Z',
				notes: 'Replaced toner',
			},
		});
		expect(body).toEqual([
			{
				ticket_id: 42,
				agent_id: 3,
				note: 'Replaced toner',
				timetaken: 1.25,
				actionchargehours: 1.25,
				nonbill: false,
				actionarrivaldate: '2026-02-02T09:00:00',
				actioncompletiondate: '2026-02-02T10:15:00',
			},
		]);
	});

	it('rejects canonical input of the wrong type', async () => {
		await expect(
			run({ resource: 'client', operation: 'create', inputMode: 'canonical', canonical: { type: 'Invoice', externalIds: {} } }),
		).rejects.toThrow(/not a canonical Customer/);
	});

	it('deletes, and pairs each output with its input item', async () => {
		nock(HOST).delete(`${API}/Asset/3`).reply(200).delete(`${API}/Asset/4`).reply(200);
		const { output } = await run(
			(i) => ({ resource: 'asset', operation: 'delete', recordId: { __rl: true, mode: 'id', value: String(3 + i) } }),
			{ items: [{ json: {} }, { json: {} }] },
		);
		expect(output).toEqual([
			{ json: { id: 3, deleted: true }, pairedItem: { item: 0 } },
			{ json: { id: 4, deleted: true }, pairedItem: { item: 1 } },
		]);
	});

	it('gets one record with includedetails', async () => {
		nock(HOST).get(`${API}/Invoice/12`).query({ includedetails: 'true' }).reply(200, { id: 12, invoicenumber: 'INV-5012', client_id: 2, lines: [] });
		const { json } = await run({ resource: 'invoice', operation: 'get', recordId: { __rl: true, mode: 'list', value: '12' }, options: {} });
		expect(json).toEqual([{ id: 12, invoicenumber: 'INV-5012', client_id: 2, lines: [] }]);
	});
});

describe('HaloPSA: Custom API Call', () => {
	it('sends any request with the credential and pages a named list', async () => {
		nock(HOST).get(`${API}/TicketType`).query({ showall: 'true' }).reply(200, [{ id: 1, name: 'Incident' }]);
		const { json } = await run({ resource: 'customApiCall', operation: 'request', method: 'GET', path: '/TicketType', query: { parameters: [{ name: 'showall', value: 'true' }] }, listKey: '' });
		expect(json).toEqual([{ id: 1, name: 'Incident' }]);

		nock(HOST).get(`${API}/Site`).query(true).reply(200, page(1, 100, 2, 'sites'));
		const paged = await run({ resource: 'customApiCall', operation: 'request', method: 'GET', path: 'Site', query: {}, listKey: 'sites' });
		expect(paged.json.map((s) => s.id)).toEqual([1, 2]);
	});

	it('refuses absolute URLs and parent paths', async () => {
		await expect(run({ resource: 'customApiCall', operation: 'request', method: 'GET', path: 'https://evil.test/x', query: {}, listKey: '' })).rejects.toThrow(
			/relative to the Halo resource server/,
		);
		await expect(run({ resource: 'customApiCall', operation: 'request', method: 'GET', path: '/../auth/token', query: {}, listKey: '' })).rejects.toThrow(
			/relative/,
		);
	});
});
