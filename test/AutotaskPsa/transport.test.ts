import nock from 'nock';

import { endpointOf } from '../../nodes/AutotaskPsa/transport';
import { useNock } from '../helpers/fakeContext';
import { API, DISCOVERY, SECRET, ZONE, api, credentials, page, resetCaches, run, zone } from './helpers';

useNock();
beforeEach(resetCaches);

const getTicket = (id: number | string) => ({
	resource: 'ticket',
	operation: 'get',
	recordId: { __rl: true, mode: 'id', value: String(id) },
	options: {},
});

describe('Autotask PSA transport', () => {
	it('discovers the zone once per user name and sends the three credential headers to it', async () => {
		const creds = credentials();
		const discovery = zone(String(creds.userName));
		const seen: Array<Record<string, unknown>> = [];
		api()
			.get(`${API}/Tickets/7`)
			.times(2)
			.reply(function () {
				seen.push(this.req.headers);
				return [200, { item: { id: 7, title: 'Printer' } }];
			});

		await run(getTicket(7), { credentials: creds });
		const second = await run(getTicket(7), { credentials: creds });

		expect(second.json).toEqual([{ id: 7, title: 'Printer' }]);
		expect(discovery.isDone()).toBe(true);
		expect(seen).toHaveLength(2);
		expect(seen[0]).toMatchObject({ username: creds.userName, secret: SECRET, apiintegrationcode: creds.integrationCode });
		// zoneInformation takes no credentials: the secret never goes there.
		const zoneCall = second.ctx.sentRequests.find((r) => String(r.url).includes('zoneInformation'));
		expect(zoneCall).toBeUndefined();
	});

	it('skips discovery with a fixed zone URL, accepting it with or without /v1.0', async () => {
		for (const zoneUrl of [`${ZONE}/atservicesrest`, `${ZONE}/atservicesrest/v1.0/`, ZONE]) {
			api().get(`${API}/Tickets/8`).reply(200, { item: { id: 8 } });
			const { json } = await run(getTicket(8), { credentials: credentials({ zoneUrl }) });
			expect(json).toEqual([{ id: 8 }]);
		}
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('names the user when the zone cannot be found, and tries again next time', async () => {
		const creds = credentials();
		nock(DISCOVERY).get(`${API}/zoneInformation`).query(true).reply(404, { errors: ['Zone information could not be determined'] });
		await expect(run(getTicket(1), { credentials: creds })).rejects.toThrow(/zone/i);
		zone(String(creds.userName));
		api().get(`${API}/Tickets/1`).reply(200, { item: { id: 1 } });
		expect((await run(getTicket(1), { credentials: creds })).json).toEqual([{ id: 1 }]);
	});

	it('never has more than 3 requests in flight on one endpoint, however many items run in parallel', async () => {
		const creds = credentials({ zoneUrl: `${ZONE}/atservicesrest` });
		let inFlight = 0;
		let peak = 0;
		api()
			.get(/\/atservicesrest\/v1\.0\/Tickets\/\d+$/)
			.times(12)
			.reply(async function (uri) {
				inFlight++;
				peak = Math.max(peak, inFlight);
				await new Promise((resolve) => setTimeout(resolve, 40));
				inFlight--;
				return [200, { item: { id: Number(uri.split('/').pop()) } }];
			});
		const items = Array.from({ length: 12 }, (_, i) => ({ json: { id: 100 + i } }));

		const { json, output } = await run(
			(i) => ({ resource: 'ticket', operation: 'get', recordId: { __rl: true, mode: 'id', value: String(100 + i) }, options: { parallelRequests: 8 } }),
			{ items, credentials: creds },
		);

		expect(peak).toBe(3);
		expect(json.map((j) => j.id)).toEqual(items.map((i) => i.json.id));
		expect(output.map((o) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	});

	it('retries a 429 (thread limit or threshold) with backoff and then succeeds', async () => {
		const creds = credentials({ zoneUrl: `${ZONE}/atservicesrest` });
		api().get(`${API}/Tickets/9`).reply(429, { errors: ['Thread limit exceeded'] });
		api().get(`${API}/Tickets/9`).reply(200, { item: { id: 9 } });
		expect((await run(getTicket(9), { credentials: creds })).json).toEqual([{ id: 9 }]);
	});

	it('refuses a nextPageUrl on another host instead of sending the credential there', async () => {
		const creds = credentials({ zoneUrl: `${ZONE}/atservicesrest` });
		api()
			.get(`${API}/Tickets/query`)
			.query(true)
			.reply(200, page([{ id: 1 }], 'https://evil.example/atservicesrest/v1.0/Tickets/query/next?paging=x'));
		await expect(run({ resource: 'ticket', operation: 'getAll', returnAll: true, options: {} }, { credentials: creds })).rejects.toThrow(
			/outside the zone's API/,
		);
	});

	it('counts child collections as their own endpoint', () => {
		expect(endpointOf('Tickets/12')).toBe('tickets');
		expect(endpointOf('/Tickets/query?search=x')).toBe('tickets');
		expect(endpointOf('Tickets/12/Notes')).toBe('tickets/notes');
		expect(endpointOf('TicketNotes/entityInformation/fields')).toBe('ticketnotes');
	});
});
