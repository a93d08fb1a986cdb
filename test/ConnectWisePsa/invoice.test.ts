import type { IDataObject, NodeOperationError } from 'n8n-workflow';

import { API, api, byId, run, setupNock } from './helpers';

setupNock();

const existing = { id: 77, invoiceNumber: '10077', reference: 'D2C-A12-2026-03', subtotal: 100 };
const lookup = { conditions: 'reference="D2C-A12-2026-03"', orderBy: 'id asc', pageSize: '1' };

function createParams(mode: string | undefined, extra: IDataObject = {}): IDataObject {
	return {
		resource: 'invoice',
		operation: 'create',
		type: 'Agreement',
		companyId: byId(250),
		...(mode ? { ifReferenceExists: mode } : {}),
		additionalFields: { applyToType: 'Agreement', applyToId: '12', reference: 'D2C-A12-2026-03', internalNotes: 'ERP INV00042', ...extra },
	};
}

describe('invoice create: If Reference Exists', () => {
	it('by default creates without looking (ConnectWise behaviour), as before', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/finance/invoices`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 90, reference: 'D2C-A12-2026-03' });
		const { json, output, ctx } = await run(createParams(undefined));
		expect(json).toEqual([{ id: 90, reference: 'D2C-A12-2026-03' }]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(ctx.sentRequests.map((r) => r.method)).toEqual(['POST']);
		expect(body).toEqual({
			type: 'Agreement',
			company: { id: 250 },
			applyToType: 'Agreement',
			applyToId: 12,
			reference: 'D2C-A12-2026-03',
			internalNotes: 'ERP INV00042',
		});
	});

	it('creates when no invoice has the reference', async () => {
		api().get(`${API}/finance/invoices`).query(lookup).reply(200, []).post(`${API}/finance/invoices`).reply(201, { id: 91 });
		const { json } = await run(createParams('returnExisting'));
		expect(json).toEqual([{ id: 91 }]);
	});

	it('returns the existing invoice unchanged', async () => {
		api().get(`${API}/finance/invoices`).query(lookup).reply(200, [existing]);
		const { json, ctx } = await run(createParams('returnExisting'));
		expect(json).toEqual([existing]);
		expect(ctx.sentRequests.map((r) => r.method ?? 'GET')).toEqual(['GET']);
	});

	it('updates the existing invoice with the given fields, not its type or company', async () => {
		api()
			.get(`${API}/finance/invoices`)
			.query(lookup)
			.reply(200, [existing])
			.patch(`${API}/finance/invoices/77`, [
				{ op: 'replace', path: 'applyToType', value: 'Agreement' },
				{ op: 'replace', path: 'applyToId', value: 12 },
				{ op: 'replace', path: 'reference', value: 'D2C-A12-2026-03' },
				{ op: 'replace', path: 'internalNotes', value: 'ERP INV00042' },
				{ op: 'replace', path: 'subtotal', value: 651.3 },
			])
			.reply(200, { ...existing, subtotal: 651.3 });
		const { json } = await run(createParams('updateExisting', { otherFields: '{"subtotal": 651.3}' }));
		expect(json).toEqual([{ ...existing, subtotal: 651.3 }]);
	});

	it('fails with a duplicate error naming the existing invoice', async () => {
		api().get(`${API}/finance/invoices`).query(lookup).reply(200, [existing]);
		const error = (await run(createParams('error')).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe('An invoice with reference "D2C-A12-2026-03" already exists (ID 77)');
		expect(error.context.errorClass).toBe('duplicate');
		expect(error.context.existingId).toBe(77);
	});

	it('refuses to look up an empty reference, before any request', async () => {
		const error = (await run(createParams('returnExisting', { reference: '' })).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe('Reference is empty, so an existing invoice cannot be looked up');
		expect(error.context.errorClass).toBe('validation');
	});

	it('escapes quotes in the reference lookup', async () => {
		api()
			.get(`${API}/finance/invoices`)
			.query({ conditions: 'reference="PO \\"7\\""', orderBy: 'id asc', pageSize: '1' })
			.reply(200, [{ id: 5, reference: 'PO "7"' }]);
		const { json } = await run(createParams('returnExisting', { reference: 'PO "7"' }));
		expect(json).toEqual([{ id: 5, reference: 'PO "7"' }]);
	});
});
