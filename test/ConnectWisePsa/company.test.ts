import type { IDataObject, NodeOperationError } from 'n8n-workflow';

import { API, api, byId, run, setupNock } from './helpers';

setupNock();

const existing = { id: 250, identifier: 'ACME', name: 'Acme Old' };
const lookup = { conditions: 'identifier="ACME"', pageSize: '1' };

function createParams(mode: string, extra: IDataObject = {}): IDataObject {
	return {
		resource: 'company',
		operation: 'create',
		identifier: 'ACME',
		name: 'Acme Inc',
		ifIdentifierExists: mode,
		additionalFields: { city: 'Tampa', ...extra },
	};
}

describe('company create: safe to repeat', () => {
	it('creates the company (with a Main site) when the identifier is new', async () => {
		let body: IDataObject = {};
		api()
			.get(`${API}/company/companies`)
			.query(lookup)
			.reply(200, [])
			.post(`${API}/company/companies`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 300, identifier: 'ACME' });
		const { json } = await run(createParams('error'));
		expect(json).toEqual([{ id: 300, identifier: 'ACME' }]);
		expect(body).toEqual({ identifier: 'ACME', name: 'Acme Inc', city: 'Tampa', site: { name: 'Main' } });
	});

	it('fails with a duplicate error naming the existing company', async () => {
		api().get(`${API}/company/companies`).query(lookup).reply(200, [existing]);
		const error = (await run(createParams('error')).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe('A company with identifier "ACME" already exists (ID 250)');
		expect(error.context.errorClass).toBe('duplicate');
		expect(error.context.existingId).toBe(250);
	});

	it('returns the existing company unchanged', async () => {
		api().get(`${API}/company/companies`).query(lookup).reply(200, [existing]);
		const { json, ctx } = await run(createParams('returnExisting'));
		expect(json).toEqual([existing]);
		expect(ctx.sentRequests.map((r) => r.method ?? 'GET')).toEqual(['GET']);
	});

	it('updates the existing company with the given fields (not its site)', async () => {
		api()
			.get(`${API}/company/companies`)
			.query(lookup)
			.reply(200, [existing])
			.patch(`${API}/company/companies/250`, [
				{ op: 'replace', path: 'identifier', value: 'ACME' },
				{ op: 'replace', path: 'name', value: 'Acme Inc' },
				{ op: 'replace', path: 'city', value: 'Tampa' },
			])
			.reply(200, { ...existing, name: 'Acme Inc', city: 'Tampa' });
		const { json } = await run(createParams('updateExisting', { siteName: 'HQ' }));
		expect(json).toEqual([{ ...existing, name: 'Acme Inc', city: 'Tampa' }]);
	});

	it('a replay that races another create resolves to the company that won', async () => {
		api()
			.get(`${API}/company/companies`)
			.query(lookup)
			.reply(200, [])
			.post(`${API}/company/companies`)
			.reply(400, {
				code: 'InvalidObject',
				message: 'company object is invalid',
				errors: [{ code: 'IdentifierInUse', message: 'The identifier is in use', resource: 'company', field: 'identifier' }],
			})
			.get(`${API}/company/companies`)
			.query(lookup)
			.reply(200, [existing]);
		const { json } = await run(createParams('returnExisting'));
		expect(json).toEqual([existing]);
	});

	it('other validation errors are reported as they are', async () => {
		api()
			.get(`${API}/company/companies`)
			.query(lookup)
			.reply(200, [])
			.post(`${API}/company/companies`)
			.reply(400, {
				code: 'InvalidObject',
				message: 'company object is invalid',
				errors: [{ code: 'NullValue', message: 'Name is required', resource: 'company', field: 'name' }],
			});
		await expect(run(createParams('returnExisting'))).rejects.toThrow(/company object is invalid/);
	});

	it('escapes quotes in the identifier lookup', async () => {
		api()
			.get(`${API}/company/companies`)
			.query({ conditions: 'identifier="A\\"B"', pageSize: '1' })
			.reply(200, [{ id: 1, identifier: 'A"B' }]);
		const { json } = await run({ ...createParams('returnExisting'), identifier: 'A"B' });
		expect(json).toEqual([{ id: 1, identifier: 'A"B' }]);
	});
});

describe('company read', () => {
	const company = {
		id: 250,
		identifier: 'ACME',
		name: 'Acme Inc',
		status: { id: 1, name: 'Active' },
		addressLine1: '1 Main St',
		city: 'Tampa',
		state: 'FL',
		zip: '33601',
		country: { id: 1, identifier: 'US', name: 'United States' },
		phoneNumber: '555-0100',
		_info: { lastUpdated: '2024-05-01T12:00:00Z' },
	};

	it('gets a company as a canonical Customer', async () => {
		api().get(`${API}/company/companies/250`).reply(200, company);
		const { json } = await run({ resource: 'company', operation: 'get', companyId: byId(250), options: { output: 'canonical' } });
		expect(json).toEqual([
			{
				type: 'Customer',
				externalIds: { connectWisePsa: '250' },
				source: { system: 'connectWisePsa', id: '250', updatedAt: '2024-05-01T12:00:00Z' },
				name: 'Acme Inc',
				code: 'ACME',
				status: 'active',
				phone: '555-0100',
				addresses: [
					{ type: 'billing', line1: '1 Main St', city: 'Tampa', region: 'FL', postalCode: '33601', country: 'US' },
				],
			},
		]);
	});

	it('gets a company with selected fields, raw', async () => {
		api().get(`${API}/company/companies/250`).query({ fields: 'id,name' }).reply(200, { id: 250, name: 'Acme Inc' });
		const { json } = await run({ resource: 'company', operation: 'get', companyId: byId(250), options: { fields: 'id,name' } });
		expect(json).toEqual([{ id: 250, name: 'Acme Inc' }]);
	});

	it('lists companies as canonical Customers', async () => {
		api().get(`${API}/company/companies`).query({ pageSize: '1' }).reply(200, [company]);
		const { json } = await run({
			resource: 'company',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			options: { output: 'canonical' },
		});
		expect(json[0]).toMatchObject({ type: 'Customer', code: 'ACME', externalIds: { connectWisePsa: '250' } });
	});
});
