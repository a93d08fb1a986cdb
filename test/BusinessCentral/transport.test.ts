import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { api, CO, company, executeContext, guid, HOST, node, ROOT, run, SECRET, setupNock, TOKEN } from './helpers';

setupNock();

const customers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ id: guid(from + i), number: `C${from + i}` }));

describe('Business Central transport', () => {
	it('pages with Prefer: odata.maxpagesize and follows @odata.nextLink to the end (Return All)', async () => {
		const prefers: string[] = [];
		api()
			.get(`${CO}/customers`)
			.query({ $filter: "city eq 'Seattle'" })
			.reply(function () {
				prefers.push(String(this.req.headers.prefer));
				expect(this.req.headers.authorization).toBe(`Bearer ${TOKEN}`);
				return [200, { value: customers(1, 1000), '@odata.nextLink': `${HOST}${CO}/customers?$filter=city%20eq%20'Seattle'&$skiptoken=abc` }];
			})
			.get(`${CO}/customers`)
			.query({ $filter: "city eq 'Seattle'", $skiptoken: 'abc' })
			.reply(200, { value: customers(1001, 1500) });
		const { json, output } = await run({ resource: 'customer', operation: 'getAll', companyId: company, returnAll: true, options: { filter: "city eq 'Seattle'" } });
		expect(json).toHaveLength(1500);
		expect(json[1499]).toEqual({ id: guid(1500), number: 'C1500' });
		expect(prefers).toEqual(['odata.maxpagesize=1000']);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('sends the Limit as $top and reads no further page', async () => {
		api()
			.get(`${CO}/items`)
			.query({ $top: '3', $select: 'id,number' })
			.reply(200, { value: customers(1, 3), '@odata.nextLink': `${HOST}${CO}/items?$skiptoken=x` });
		const { json } = await run({ resource: 'item', operation: 'getAll', companyId: company, returnAll: false, limit: 3, options: { select: 'id,number' } });
		expect(json).toHaveLength(3);
	});

	it('refuses to follow a next link to another host (the token is never sent there)', async () => {
		api().get(`${CO}/vendors`).query(true).reply(200, { value: customers(1, 2), '@odata.nextLink': 'https://evil.example.test/v2.0/x/api/v2.0/vendors?$skiptoken=1' });
		const error = (await run({ resource: 'vendor', operation: 'getAll', companyId: company, returnAll: true, options: {} }).catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(/page link outside the configured API \(https:\/\/evil\.example\.test/);
	});

	it('waits out a 429 with Retry-After and retries', async () => {
		api()
			.get(`${ROOT}/companies(${guid(9)})`)
			.reply(429, { error: { code: 'Application_TooManyRequests', message: 'Too many requests reached.' } }, { 'Retry-After': '1' })
			.get(`${ROOT}/companies(${guid(9)})`)
			.reply(200, { id: guid(9), name: 'CRONUS' });
		const started = Date.now();
		const { json } = await run({ resource: 'company', operation: 'get', companyId: { __rl: true, mode: 'id', value: guid(9) } });
		expect(json).toEqual([{ id: guid(9), name: 'CRONUS' }]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	it.each([
		[404, 'Internal_CompanyNotFound', 'not_found'],
		[400, 'BadRequest_InvalidRequestUrl', 'validation'],
		[404, 'BadRequest_NotFound', 'not_found'],
		[400, 'Application_FieldValidationException', 'validation'],
		[400, 'Internal_EntityWithSameKeyExists', 'duplicate'],
		[403, 'Authorization_InsufficientPermissions', 'permission'],
		[412, 'Request_EntityChanged', 'conflict'],
	])('maps HTTP %i %s to the %s class by code', async (status, code, errorClass) => {
		api().get(`${CO}/customers(${guid(1)})`).query(true).reply(status, { error: { code, message: `Something about ${code}.  CorrelationId:  abc-123.` } });
		const error = (await run({ resource: 'customer', operation: 'get', companyId: company, customerId: { __rl: true, mode: 'id', value: guid(1) }, options: {} }).catch(
			(e: unknown) => e,
		)) as NodeApiError;
		expect(error.context.errorClass).toBe(errorClass);
		expect(error.context.vendorCode).toBe(code);
		expect(error.message).toBe(`Business Central ${status} [${code}]: Something about ${code}.`);
		expect(error.description).toContain('correlation ID: abc-123');
	});

	it('reports a rejected token as a credential problem without the secret or token', async () => {
		api()
			.get(`${ROOT}/companies`)
			.query(true)
			.twice()
			.reply(401, { error: { code: 'Authentication_InvalidCredentials', message: `The credentials provided are incorrect ${SECRET}` } });
		const error = (await run({ resource: 'company', operation: 'getAll', returnAll: true, options: {} }).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('Business Central 401 [Authentication_InvalidCredentials]: Business Central rejected the access token');
		expect(error.context.errorClass).toBe('auth');
		const everything = JSON.stringify({ message: error.message, description: error.description, context: error.context, cause: (error as unknown as IDataObject).cause });
		expect(everything).not.toContain(SECRET);
		expect(everything).not.toContain(TOKEN);
		expect(error.description).toContain('Microsoft Entra Applications');
	});

	it('reports a token request Entra ID refused as a credential error, without the secret', async () => {
		const ctx = executeContext({ resource: 'company', operation: 'getAll', returnAll: true, options: {} });
		// What n8n's OAuth client throws when the token endpoint answers invalid_client.
		ctx.helpers.httpRequestWithAuthentication = async () => {
			throw Object.assign(new Error(`Client authentication failed (${SECRET})`), { code: 'EAUTH', body: { error: 'invalid_client' } });
		};
		const error = (await node.execute.call(ctx).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('Entra ID refused the token request: Client authentication failed (***)');
		expect(error.context.errorClass).toBe('auth');
		expect(error.description).toContain('Client Secret');
	});
});
