import type { IDataObject } from 'n8n-workflow';

import { ExtensivTrigger } from '../../nodes/Extensiv/ExtensivTrigger.node';
import { api, orders, page, pollContext, setupNock } from './helpers';

setupNock();

const trigger = new ExtensivTrigger();
const at = (id: number, status: number, modified: string) => orders(id, id, () => ({ readOnly: { orderId: id, status, lastModifiedDate: modified } }))[0];

describe('Extensiv Trigger (polling)', () => {
	it('queries from the backfill date, emits in modified order, and keeps the watermark from the data', async () => {
		const staticData: IDataObject = {};
		const creds = { baseUrl: 'https://wms.example.test', clientId: 'c', clientSecret: 's', userBy: 'id', userLogin: '7', tpl: '', accessToken: 'tok' };
		api()
			.get('/orders')
			.query({ pgsiz: '1000', pgnum: '1', rql: 'readOnly.lastModifiedDate=ge=2026-09-30T23:54:59', sort: 'readOnly.lastModifiedDate', detail: 'OrderItems' })
			.reply(200, page([at(2, 1, '2026-10-01T09:00:00'), at(1, 0, '2026-10-01T08:00:00')], 2));
		const params = { resource: 'order', event: 'statusChanged', statuses: [], options: { backfillFrom: '2026-10-01T00:00:00Z' } };
		const first = await trigger.poll.call(pollContext(params, 'trigger', staticData, creds).poll);
		expect(first?.[0].map((i) => (i.json.readOnly as IDataObject).orderId)).toEqual([1, 2]);
		expect(first?.[0][1].json._statusChange).toEqual({ status: 'complete', previousStatus: null });
		const watermark = (staticData['node:Extensiv Trigger'] as IDataObject).watermark as IDataObject;
		expect(watermark.since).toBe('2026-10-01T09:00:00.000Z');

		// Next poll: order 1 edited without a status change, order 2 unchanged (lookback), order 3 new.
		api()
			.get('/orders')
			.query({ pgsiz: '1000', pgnum: '1', rql: 'readOnly.lastModifiedDate=ge=2026-10-01T08:55:00', sort: 'readOnly.lastModifiedDate', detail: 'OrderItems' })
			.reply(200, page([at(1, 0, '2026-10-01T09:30:00'), at(2, 1, '2026-10-01T09:00:00'), at(3, 2, '2026-10-01T09:40:00')], 3));
		const second = await trigger.poll.call(pollContext(params, 'trigger', staticData, creds).poll);
		expect(second?.[0].map((i) => (i.json.readOnly as IDataObject).orderId)).toEqual([3]);

		// Order 1 ships: a status change from open to complete.
		api().get('/orders').query(true).reply(200, page([at(1, 1, '2026-10-01T10:00:00')], 1));
		const third = await trigger.poll.call(pollContext(params, 'trigger', staticData, creds).poll);
		expect(third?.[0][0].json._statusChange).toEqual({ status: 'complete', previousStatus: 'open' });
	});

	it('filters by status and maps shipped orders to canonical Shipments', async () => {
		api().get('/orders').query(true).reply(200, page([at(1, 0, '2026-10-01T08:00:00'), { ...at(2, 1, '2026-10-01T09:00:00'), routingInfo: { carrier: 'UPS', trackingNumber: '1Z9' } }], 2));
		const result = await trigger.poll.call(
			pollContext({ resource: 'order', event: 'anyChange', statuses: [1], options: { backfillFrom: '2026-09-01T00:00:00Z', output: 'shipment' } }).poll,
		);
		expect(result?.[0]).toHaveLength(1);
		expect(result?.[0][0].json).toMatchObject({ type: 'Shipment', status: 'shipped', carrier: 'UPS', trackingNumbers: ['1Z9'], externalIds: { extensiv: '2' } });
	});

	it('shows the newest record on a manual run without moving the watermark', async () => {
		const staticData: IDataObject = {};
		api()
			.get('/inventory/receivers')
			.query({ pgsiz: '1', pgnum: '1', sort: '-readOnly.lastModifiedDate', detail: 'ReceiveItems' })
			.reply(200, { totalResults: 5, _embedded: { r: [{ readOnly: { receiverId: 9, status: 1, lastModifiedDate: '2026-10-01T00:00:00' } }] } });
		const result = await trigger.poll.call(pollContext({ resource: 'receiver', event: 'anyChange', statuses: [], options: {} }, 'manual', staticData).poll);
		expect(result?.[0]).toHaveLength(1);
		expect(staticData).toEqual({});
	});
});
