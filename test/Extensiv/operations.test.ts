import { api, byId, orders, page, run, setupNock } from './helpers';

setupNock();

const order = (etag = '"5001-1"') => ({ ...orders(5001, 5001)[0], notes: 'old', _links: { self: { href: '/orders/5001' } }, etag });

describe('Extensiv orders: update with ETag', () => {
	it('merges the change into the current order and sends the given ETag as If-Match', async () => {
		api().get('/orders/5001').reply(200, order(), { ETag: '"5001-2"' });
		api()
			.put('/orders/5001', (body) => body.notes === 'rush' && body.referenceNum === 'SO-5001' && body.readOnly === undefined && body._links === undefined)
			.matchHeader('if-match', '"5001-1"')
			.matchHeader('content-type', /application\/hal\+json/)
			.reply(200, { ...order(), notes: 'rush' }, { ETag: '"5001-3"' });
		const { json, output } = await run({ resource: 'order', operation: 'update', orderId: byId(5001), etag: '"5001-1"', updateFields: { notes: 'rush' } });
		expect(json[0]).toMatchObject({ notes: 'rush', etag: '"5001-3"' });
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('turns a 412 into a clear "changed since you read it" conflict error', async () => {
		api().get('/orders/5001').reply(200, order(), { ETag: '"5001-2"' });
		api().put('/orders/5001').reply(412, { ErrorCode: 'ConcurrencyConflict', Message: 'The record has been modified since it was read', Properties: { 'If-Match': '"5001-1"' } });
		const { json, output } = await run(
			{ resource: 'order', operation: 'update', orderId: byId(5001), etag: '"5001-1"', updateFields: { notes: 'rush' } },
			{ continueOnFail: true },
		);
		expect(json[0].error).toMatch(/^Extensiv 412 \[ConcurrencyConflict\]: The record has changed since you read it/);
		expect(json[0].errorClass).toBe('conflict');
		expect(String(json[0].description)).toMatch(/get the record again/i);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('without an ETag uses the one just read', async () => {
		api().get('/orders/5001').reply(200, order(), { ETag: '"5001-7"' });
		api().put('/orders/5001').matchHeader('if-match', '"5001-7"').reply(200, order(), { ETag: '"5001-8"' });
		await run({ resource: 'order', operation: 'update', orderId: byId(5001), etag: '', updateFields: { carrier: 'UPS' } });
	});

	it('cancels with the ETag and the reason', async () => {
		api().post('/orders/5001/canceler', { reason: 'Customer cancelled' }).matchHeader('if-match', '"5001-1"').reply(204);
		const { json } = await run({ resource: 'order', operation: 'cancel', orderId: byId(5001), etag: '"5001-1"', reason: 'Customer cancelled' });
		expect(json[0]).toEqual({ orderId: 5001, cancelled: true, reason: 'Customer cancelled' });
	});
});

describe('Extensiv orders: create', () => {
	const params = {
		resource: 'order',
		operation: 'create',
		input: 'fields',
		customerId: 1,
		facilityId: 2,
		referenceNum: 'PO 77',
		lines: { line: [{ sku: 'WID-1', qty: 3 }] },
		additionalFields: { poNum: 'PO-77', carrier: 'UPS' },
		options: {},
	};

	it('returns the existing order with the same reference number instead of creating another', async () => {
		api()
			.get('/orders')
			.query({ pgsiz: '1', pgnum: '1', detail: 'OrderItems', rql: 'referenceNum=="PO 77";customerIdentifier.id==1;readOnly.status!=2' })
			.reply(200, page(orders(5009, 5009), 1));
		const { json } = await run(params);
		expect((json[0].readOnly as { orderId: number }).orderId).toBe(5009);
	});

	it('creates the order with its lines when none exists and returns its ETag', async () => {
		api().get('/orders').query(true).reply(200, page([], 0));
		api()
			.post('/orders', {
				referenceNum: 'PO 77',
				poNum: 'PO-77',
				routingInfo: { carrier: 'UPS' },
				customerIdentifier: { id: 1 },
				facilityIdentifier: { id: 2 },
				orderItems: [{ itemIdentifier: { sku: 'WID-1' }, qty: 3 }],
			})
			.reply(201, orders(5010, 5010)[0], { ETag: '"5010-1"' });
		const { json } = await run(params);
		expect(json[0]).toMatchObject({ referenceNum: 'SO-5010', etag: '"5010-1"' });
	});

	it('creates from a canonical SalesOrder', async () => {
		api().get('/orders').query(true).reply(200, page([], 0));
		api()
			.post('/orders', (body) => body.referenceNum === 'SO-9' && body.customerIdentifier.id === 3 && body.orderItems[0].qty === 2.5 && body.shipTo.city === 'Reno')
			.reply(201, orders(5011, 5011)[0]);
		await run({
			...params,
			input: 'canonical',
			customerId: 3,
			canonical: {
				type: 'SalesOrder',
				externalIds: {},
				number: 'SO-9',
				customer: { code: 'C1' },
				shipTo: { name: 'Store 9', line1: '1 Main', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' },
				lines: [{ item: { sku: 'WID-1' }, quantity: '2.5' }],
			},
			lines: {},
		});
	});

	it('names the rejected field from the WmsException Properties', async () => {
		api().get('/orders').query(true).reply(200, page([], 0));
		api()
			.post('/orders')
			.reply(400, { ErrorCode: 'InvalidArgument', Message: 'Line 1: SKU WID-1 is not an item of customer 1', Hint: null, Properties: { 'orderItems[0].itemIdentifier.sku': 'WID-1' } });
		const error = (await run(params).catch((e: Error) => e)) as Error & { description?: string };
		expect(error.message).toBe('Extensiv 400 [InvalidArgument]: Line 1: SKU WID-1 is not an item of customer 1 (orderItems[0].itemIdentifier.sku)');
		expect(error.description).toMatch(/orderItems\[0\]\.itemIdentifier\.sku: WID-1/);
	});
});

describe('Extensiv items, inventory and receivers', () => {
	it('creates an item only when its SKU is new', async () => {
		api().get('/customers/1/items').query({ pgsiz: '1', pgnum: '1', rql: 'sku==WID-9' }).reply(200, { totalResults: 0, _embedded: { item: [] } });
		api().post('/customers/1/items', { sku: 'WID-9', description: 'Widget', price: 19.99 }).reply(201, { itemId: 9, sku: 'WID-9' });
		const { json } = await run({ resource: 'item', operation: 'create', customerId: 1, sku: 'WID-9', itemDescription: 'Widget', additionalFields: { price: '19.99' } });
		expect(json[0]).toEqual({ itemId: 9, sku: 'WID-9' });
	});

	it('reads stock summaries with facility and customer filters as canonical inventory levels', async () => {
		api()
			.get('/inventory/stocksummaries')
			.query({ pgsiz: '50', pgnum: '1', rql: 'facilityId==2;customerId==1' })
			.reply(200, { totalResults: 1, summaries: [{ facilityId: 2, itemIdentifier: { id: 5, sku: 'WID-1' }, onHand: 10.5, allocated: 2, available: 8.5 }] });
		const { json } = await run({ resource: 'inventory', operation: 'getAll', returnAll: false, limit: 50, options: { facilityId: 2, customerId: 1, output: 'canonical' } });
		expect(json[0]).toEqual({
			type: 'InventoryLevel',
			externalIds: { extensiv: '2:5' },
			item: { sku: 'WID-1', code: 'WID-1', externalIds: { extensiv: '5' } },
			location: { externalIds: { extensiv: '2' } },
			onHand: '10.5',
			available: '8.5',
			committed: '2',
		});
	});

	it('creates a receiver (ASN) once per reference number', async () => {
		api().get('/inventory/receivers').query(true).reply(200, { totalResults: 0, _embedded: {} });
		api()
			.post('/inventory/receivers', (b) => b.referenceNum === 'ASN-1' && b.receiveItems[0].itemIdentifier.sku === 'WID-1' && b.facilityIdentifier.id === 1)
			.reply(201, { readOnly: { receiverId: 801 }, referenceNum: 'ASN-1' });
		const { json } = await run({ resource: 'receiver', operation: 'create', customerId: 1, facilityId: 1, referenceNum: 'ASN-1', lines: { line: [{ sku: 'WID-1', qty: 40 }] }, additionalFields: {} });
		expect(json[0]).toMatchObject({ readOnly: { receiverId: 801 } });
	});
});
