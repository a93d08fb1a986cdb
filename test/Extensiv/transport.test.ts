import { api, byId, credentials, HOST, orders, page, run, setupNock, TOKEN_PATH } from './helpers';

setupNock();

describe('Extensiv credential: token', () => {
	it('fetches a token with the documented JSON body and Basic client auth, stores it and reuses it', async () => {
		const creds = credentials({ accessToken: '' });
		const token = api()
			.post(TOKEN_PATH, (body) => body.grant_type === 'client_credentials' && body.user_login_id === creds.userLogin && body.user_login === undefined)
			.matchHeader('authorization', `Basic ${Buffer.from('client-1:Sup3r-Secret-Value').toString('base64')}`)
			.matchHeader('content-type', /application\/json/)
			.once()
			.reply(200, { access_token: 'tok-new', token_type: 'Bearer', expires_in: 3600 });
		api()
			.get('/orders/5001')
			.query(true)
			.times(2)
			.matchHeader('authorization', 'Bearer tok-new')
			.matchHeader('accept', 'application/hal+json')
			.reply(200, orders(5001, 5001)[0], { ETag: '"5001-1"' });
		const first = await run({ resource: 'order', operation: 'get', orderId: byId(5001), options: {} }, { credentials: creds });
		expect(first.ctx.credentialStore.extensivApi.accessToken).toBe('tok-new');
		expect(first.json[0]).toMatchObject({ referenceNum: 'SO-5001', etag: '"5001-1"' });
		expect(first.output[0].pairedItem).toEqual({ item: 0 });
		// A later execution reads the stored token: no second token request.
		await run({ resource: 'order', operation: 'get', orderId: byId(5001), options: {} }, { credentials: { ...creds, accessToken: 'tok-new' } });
		expect(token.isDone()).toBe(true);
	});

	it('sends user_login and the 3PL GUID when configured so', async () => {
		api()
			.post(TOKEN_PATH, { grant_type: 'client_credentials', user_login: 'api.user', tpl: '{guid-1}' })
			.reply(200, { access_token: 'tok-2', token_type: 'Bearer' });
		api().get('/orders').query(true).reply(200, page([], 0));
		await run({ resource: 'order', operation: 'getAll', returnAll: true, options: {} }, { credentials: credentials({ accessToken: '', userBy: 'login', userLogin: 'api.user', tpl: '{guid-1}' }) });
	});

	it('renews an expired token once on a 401 and repeats the request', async () => {
		// The first 401 is returned to the transport, which resends so that n8n sees it thrown and renews the token.
		api().get('/orders').query(true).times(2).matchHeader('authorization', 'Bearer tok-old').reply(401, { ErrorCode: 'Unauthorized', Message: 'expired' });
		api().post(TOKEN_PATH).reply(200, { access_token: 'tok-fresh', token_type: 'Bearer' });
		api().get('/orders').query(true).matchHeader('authorization', 'Bearer tok-fresh').reply(200, page(orders(1, 2), 2));
		const { json, ctx } = await run({ resource: 'order', operation: 'getAll', returnAll: true, options: {} }, { credentials: credentials({ accessToken: 'tok-old' }) });
		expect(json).toHaveLength(2);
		expect(ctx.credentialStore.extensivApi.accessToken).toBe('tok-fresh');
	});

	it('reports rejected credentials without leaking the secret', async () => {
		api().get('/orders').query(true).times(2).reply(401, {});
		api().post(TOKEN_PATH).reply(200, { access_token: 'tok-x' });
		api().get('/orders').query(true).reply(401, { ErrorCode: 'Unauthorized' });
		const error = await run({ resource: 'order', operation: 'getAll', returnAll: true, options: {} }).catch((e: Error) => e);
		expect((error as Error).message).toMatch(/Extensiv 401 \[Unauthorized\]: Extensiv rejected the credentials/);
		expect(JSON.stringify(error)).not.toContain('Sup3r-Secret-Value');
	});
});

describe('Extensiv paging', () => {
	it('Return All follows the HAL next link over 3 pages and returns each order once', async () => {
		api()
			.get('/orders')
			.query({ pgsiz: '1000', pgnum: '1', detail: 'OrderItems', rql: 'readOnly.status==0' })
			.reply(200, page(orders(1, 1000), 2100, `${HOST}/orders?pgsiz=1000&pgnum=2&rql=readOnly.status%3D%3D0&detail=OrderItems`))
			.get('/orders')
			.query({ pgsiz: '1000', pgnum: '2', detail: 'OrderItems', rql: 'readOnly.status==0' })
			.reply(200, page(orders(1001, 2000), 2100, '/orders?pgsiz=1000&pgnum=3&rql=readOnly.status%3D%3D0&detail=OrderItems'))
			.get('/orders')
			.query({ pgsiz: '1000', pgnum: '3', detail: 'OrderItems', rql: 'readOnly.status==0' })
			.reply(200, page(orders(2001, 2100), 2100));
		const { json, output } = await run({ resource: 'order', operation: 'getAll', returnAll: true, options: { rql: 'readOnly.status==0' } });
		const ids = json.map((o) => (o.readOnly as { orderId: number }).orderId);
		expect(ids).toHaveLength(2100);
		expect(new Set(ids).size).toBe(2100);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops at totalResults even if a next link is present, and a Limit asks for that page size only', async () => {
		api().get('/orders').query({ pgsiz: '3', pgnum: '1', detail: 'OrderItems' }).reply(200, page(orders(1, 3), 9, `${HOST}/orders?pgnum=2`));
		const limited = await run({ resource: 'order', operation: 'getAll', returnAll: false, limit: 3, options: {} });
		expect(limited.json).toHaveLength(3);
		expect(limited.ctx.sentRequests).toHaveLength(1);
		api().get('/orders').query(true).reply(200, page(orders(1, 2), 2, `${HOST}/orders?pgnum=2`));
		const all = await run({ resource: 'order', operation: 'getAll', returnAll: true, options: {} });
		expect(all.ctx.sentRequests).toHaveLength(1);
	});

	it('refuses to follow a next link to another host', async () => {
		api().get('/orders').query(true).reply(200, page(orders(1, 2), 10, 'https://evil.example.test/orders?pgnum=2'));
		await expect(run({ resource: 'order', operation: 'getAll', returnAll: true, options: {} })).rejects.toThrow(/link to another host/);
	});
});
