import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { API, api, byId, records, run, setupNock } from './helpers';

setupNock();

const items = [{ json: { ticket: 1 } }, { json: { ticket: 2 } }, { json: { ticket: 3 } }];
const getTicket = (itemIndex: number): IDataObject => ({
	resource: 'ticket',
	operation: 'get',
	ticketId: byId(items[itemIndex].json.ticket),
});

describe('ConnectWise PSA item handling', () => {
	it('runs once per item and pairs every output item with its input', async () => {
		api()
			.get(`${API}/service/tickets/1`)
			.reply(200, { id: 1 })
			.get(`${API}/service/tickets/2`)
			.reply(200, { id: 2 })
			.get(`${API}/service/tickets/3`)
			.reply(200, { id: 3 });
		const { output } = await run(getTicket, { items });
		expect(output).toEqual([
			{ json: { id: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 2 }, pairedItem: { item: 1 } },
			{ json: { id: 3 }, pairedItem: { item: 2 } },
		]);
	});

	it('pairs every record of a list with the item that asked for it', async () => {
		api()
			.get(`${API}/company/contacts`)
			.query({ conditions: 'company/id=1', pageSize: '2' })
			.reply(200, records(10, 11))
			.get(`${API}/company/contacts`)
			.query({ conditions: 'company/id=2', pageSize: '2' })
			.reply(200, records(20, 20));
		const { output } = await run(
			(i) => ({
				resource: 'contact',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
				options: { conditions: `company/id=${i + 1}` },
			}),
			{ items: items.slice(0, 2) },
		);
		expect(output.map((o) => [o.json.id, o.pairedItem])).toEqual([
			[10, { item: 0 }],
			[11, { item: 0 }],
			[20, { item: 1 }],
		]);
	});

	it('with Continue On Fail outputs an error item for the failed item and goes on', async () => {
		api()
			.get(`${API}/service/tickets/1`)
			.reply(200, { id: 1 })
			.get(`${API}/service/tickets/2`)
			.reply(404, { code: 'NotFound', message: 'Ticket 2 not found' })
			.get(`${API}/service/tickets/3`)
			.reply(200, { id: 3 });
		const { output } = await run(getTicket, { items, continueOnFail: true });
		expect(output[0]).toEqual({ json: { id: 1 }, pairedItem: { item: 0 } });
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[1].json).toMatchObject({ errorClass: 'not_found', error: expect.stringContaining('Ticket 2 not found') });
		expect(output[2]).toEqual({ json: { id: 3 }, pairedItem: { item: 2 } });
	});

	it('without Continue On Fail stops at the failed item and says which one', async () => {
		api()
			.get(`${API}/service/tickets/1`)
			.reply(200, { id: 1 })
			.get(`${API}/service/tickets/2`)
			.reply(403, { code: 'Forbidden', message: 'Not allowed to view ticket' });
		const error = (await run(getTicket, { items }).catch((e: unknown) => e)) as NodeApiError;
		expect(error.context.itemIndex).toBe(1);
		expect(error.context.errorClass).toBe('permission');
	});
});
