import type { IDataObject } from 'n8n-workflow';

import { useNock } from '../helpers/fakeContext';
import { plugin, records, run, sandboxCredentials, useIntacctSandbox } from './helpers';

useNock(true);
const sandbox = useIntacctSandbox();

const create = (fields: IDataObject, options: IDataObject = {}) => ({
	resource: 'record',
	operation: 'create',
	object: 'CUSTOMER',
	inputMode: 'fields',
	fields: JSON.stringify(fields),
	options,
});

describe('sessions', () => {
	it('signs in once, reuses the session in later executions, and renews it once after it expired', async () => {
		const credentials = sandboxCredentials(sandbox());
		const counters = plugin(sandbox()).counters;
		const loginsBefore = counters.logins;
		const params = { resource: 'record', operation: 'getAll', object: 'VENDOR', returnAll: false, limit: 3, query: '', options: {} };

		await run(params, { credentials });
		const firstSession = credentials.sessionToken;
		await run(params, { credentials });
		expect(counters.logins - loginsBefore).toBe(1);
		expect(credentials.sessionToken).toBe(firstSession);

		plugin(sandbox()).expireSessions();
		const refusalsBefore = counters.sessionRefusals;
		const { json } = await run(params, { credentials });
		expect(json).toHaveLength(3);
		expect(counters.sessionRefusals - refusalsBefore).toBe(1);
		expect(counters.logins - loginsBefore).toBe(2);
		expect(credentials.sessionToken).not.toBe(firstSession);
	});

	it('reports a wrong user password as a sign-in error without any secret', async () => {
		const credentials = sandboxCredentials(sandbox(), { userPassword: 'Wrong-Pa55word!' });
		const failure = await run({ resource: 'record', operation: 'get', object: 'CUSTOMER', lookupBy: 'recordNo', key: '1', options: {} }, { credentials }).catch(
			(error: unknown) => error as Error & { description?: string; context?: IDataObject },
		);
		expect(failure).toBeInstanceOf(Error);
		const error = failure as Error & { description?: string; context?: IDataObject };
		expect(error.message).toMatch(/^Sage Intacct \[XL03000006\]: Sage Intacct refused the sign-in/);
		expect(error.context?.errorClass).toBe('auth');
		const everything = JSON.stringify({ message: error.message, description: error.description, context: error.context });
		for (const secret of ['Wrong-Pa55word!', String(credentials.senderPassword)]) expect(everything).not.toContain(secret);
	});

	it('reports a wrong sender password as a sender error', async () => {
		const credentials = sandboxCredentials(sandbox(), { senderPassword: 'Not-The-Sender-Pw' });
		await expect(
			run({ resource: 'record', operation: 'get', object: 'CUSTOMER', lookupBy: 'recordNo', key: '1', options: {} }, { credentials }),
		).rejects.toThrow(/XL03000006.*sender ID or sender password/);
	});
});

describe('reads', () => {
	it('gets a record by RECORDNO and by its ID, with canonical output', async () => {
		const credentials = sandboxCredentials(sandbox());
		const customer = records(sandbox(), 'CUSTOMER')[4];
		// As the editor stores a record picked from the list.
		const byNo = await run(
			{ resource: 'record', operation: 'get', object: 'CUSTOMER', lookupBy: 'recordNo', key: { __rl: true, mode: 'list', value: customer.RECORDNO }, options: {} },
			{ credentials },
		);
		expect(byNo.json[0]).toMatchObject({ RECORDNO: customer.RECORDNO, CUSTOMERID: customer.CUSTOMERID, NAME: customer.NAME });
		const byId = await run(
			{ resource: 'record', operation: 'get', object: 'CUSTOMER', lookupBy: 'id', idValue: customer.CUSTOMERID, options: { output: 'canonical' } },
			{ credentials },
		);
		expect(byId.json[0]).toMatchObject({ type: 'Customer', code: customer.CUSTOMERID, name: customer.NAME, externalIds: { sageIntacct: customer.RECORDNO } });
	});

	it('filters with the native query and stops at the limit', async () => {
		const credentials = sandboxCredentials(sandbox());
		const { json } = await run(
			{ resource: 'record', operation: 'getAll', object: 'CUSTOMER', returnAll: false, limit: 7, query: "STATUS = 'T' AND NAME LIKE 'Summit%'", options: {} },
			{ credentials },
		);
		expect(json.length).toBeGreaterThan(0);
		expect(json.length).toBeLessThanOrEqual(7);
		expect(json.every((r) => String(r.NAME).startsWith('Summit') && r.STATUS === 'active')).toBe(true);
	});

	it('names the record when it does not exist', async () => {
		const credentials = sandboxCredentials(sandbox());
		await expect(
			run({ resource: 'record', operation: 'get', object: 'VENDOR', lookupBy: 'id', idValue: 'V-NOPE', options: {} }, { credentials }),
		).rejects.toThrow('Sage Intacct has no VENDOR VENDORID=V-NOPE');
	});
});

describe('bad input names the field', () => {
	const credentials = () => sandboxCredentials(sandbox());
	it.each([
		[{ resource: 'record', operation: 'get', object: '__other', objectName: 'not an object', lookupBy: 'recordNo', key: '1', options: {} }, /^Object: "NOT AN OBJECT"/],
		[{ resource: 'record', operation: 'get', object: 'CUSTOMER', lookupBy: 'recordNo', key: 'abc', options: {} }, /^Record: "abc" is not a valid RECORDNO/],
		[create({ CUSTOMERID: 'C-X1' }), /^NAME is required to create a CUSTOMER record/],
		[{ ...create({ CUSTVENDID: 'x' }), object: 'SODOCUMENT' }, /^Transaction Definition is required/],
	])('%#', async (params, message) => {
		await expect(run(params as IDataObject, { credentials: credentials() })).rejects.toThrow(message);
	});

	it('passes on the gateway’s message for an object it does not know', async () => {
		await expect(
			run({ resource: 'record', operation: 'get', object: '__other', objectName: 'WIDGET', lookupBy: 'recordNo', key: '1', options: {} }, { credentials: credentials() }),
		).rejects.toThrow(/Object definition WIDGET not found/);
	});
});

describe('writes', () => {
	it('creates, updates and deletes a customer', async () => {
		const credentials = sandboxCredentials(sandbox());
		const created = await run(create({ CUSTOMERID: 'C-NEW-1', NAME: 'Fresh Hardware' }), { credentials });
		const recordNo = String(created.json[0].RECORDNO);
		expect(records(sandbox(), 'CUSTOMER').find((r) => r.RECORDNO === recordNo)).toMatchObject({ NAME: 'Fresh Hardware' });

		await run({ resource: 'record', operation: 'update', object: 'CUSTOMER', key: recordNo, inputMode: 'fields', fields: '{"NAME":"Fresher Hardware"}', options: {} }, { credentials });
		expect(records(sandbox(), 'CUSTOMER').find((r) => r.RECORDNO === recordNo)).toMatchObject({ NAME: 'Fresher Hardware' });

		const deleted = await run({ resource: 'record', operation: 'delete', object: 'CUSTOMER', key: recordNo, options: {} }, { credentials });
		expect(deleted.json[0]).toEqual({ object: 'CUSTOMER', RECORDNO: recordNo, deleted: true });
		expect(records(sandbox(), 'CUSTOMER').some((r) => r.RECORDNO === recordNo)).toBe(false);
	});

	it('upserts by CUSTOMERID: created the first time, updated the second', async () => {
		const credentials = sandboxCredentials(sandbox());
		const params = { resource: 'record', operation: 'upsert', object: 'CUSTOMER', inputMode: 'fields', fields: '{"CUSTOMERID":"C-UPS-1","NAME":"Upsert Supply"}', options: {} };
		const first = await run(params, { credentials });
		const second = await run({ ...params, fields: '{"CUSTOMERID":"C-UPS-1","NAME":"Upsert Supply Co"}' }, { credentials });
		expect(first.json[0].action).toBe('created');
		expect(second.json[0]).toMatchObject({ action: 'updated', RECORDNO: first.json[0].RECORDNO });
		const matches = records(sandbox(), 'CUSTOMER').filter((r) => r.CUSTOMERID === 'C-UPS-1');
		expect(matches).toHaveLength(1);
		expect(matches[0].NAME).toBe('Upsert Supply Co');
	});

	it('creates a sales order from a canonical record and reads it back as canonical', async () => {
		const credentials = sandboxCredentials(sandbox());
		const customer = records(sandbox(), 'CUSTOMER')[0];
		const item = records(sandbox(), 'ITEM')[0];
		const order = {
			type: 'SalesOrder',
			externalIds: {},
			customer: { code: customer.CUSTOMERID },
			orderDate: '2026-02-03',
			poNumber: 'PO-CANON-1',
			lines: [{ item: { sku: item.ITEMID }, quantity: '3', unitPrice: '19.99' }],
		};
		const created = await run(
			{ resource: 'record', operation: 'create', object: 'SODOCUMENT', transactionDefinition: 'Sales Order', inputMode: 'canonical', options: {} },
			{ credentials, items: [{ json: order }] },
		);
		const recordNo = String(created.json[0].RECORDNO);
		const read = await run(
			{ resource: 'record', operation: 'get', object: 'SODOCUMENT', lookupBy: 'recordNo', key: recordNo, options: { output: 'canonical' } },
			{ credentials },
		);
		expect(read.json[0]).toMatchObject({
			type: 'SalesOrder',
			customer: { code: customer.CUSTOMERID },
			orderDate: '2026-02-03',
			poNumber: 'PO-CANON-1',
			lines: [{ item: { sku: item.ITEMID }, quantity: '3', unitPrice: '19.99', amount: '59.97' }],
		});
	});
});

describe('batch mode', () => {
	const items = (ids: string[]) => ids.map((id) => ({ json: { id } }));
	const batchParams = (transaction: boolean) => (i: number) => ({
		resource: 'record',
		operation: 'create',
		object: 'CUSTOMER',
		inputMode: 'fields',
		// Item 1 reuses an existing CUSTOMERID and fails as a duplicate.
		fields: JSON.stringify(i === 1 ? { CUSTOMERID: 'C-01001', NAME: 'Duplicate' } : { CUSTOMERID: `C-B${transaction ? 'T' : 'N'}-${i}`, NAME: `Batch ${i}` }),
		options: { batch: true, transaction },
	});

	it('sends one request, reports the failing function by controlid and keeps the others’ results', async () => {
		const credentials = sandboxCredentials(sandbox());
		const before = sandbox().stats().systems.intacct.requests;
		const { output } = await run(batchParams(false), { credentials, items: items(['a', 'b', 'c']), continueOnFail: true });
		// One gateway request for three functions (plus the sign-in).
		expect(sandbox().stats().systems.intacct.requests - before).toBe(2);
		expect(output.map((o) => (o.pairedItem as { item: number }).item)).toEqual([0, 1, 2]);
		expect(output[0].json.CUSTOMERID).toBe('C-BN-0');
		expect(output[2].json.CUSTOMERID).toBe('C-BN-2');
		expect(String(output[1].json.error)).toMatch(/\[BL34000061\].*controlid 1.*CUSTOMER CUSTOMERID=C-01001 of item 1/);
		expect(output[1].json.errorClass).toBe('duplicate');
		expect(records(sandbox(), 'CUSTOMER').filter((r) => String(r.CUSTOMERID).startsWith('C-BN-'))).toHaveLength(2);
	});

	it('with All or Nothing, rolls back the others and reports them as aborted', async () => {
		const credentials = sandboxCredentials(sandbox());
		const { output } = await run(batchParams(true), { credentials, items: items(['a', 'b', 'c']), continueOnFail: true });
		expect(String(output[1].json.error)).toMatch(/BL34000061/);
		expect(String(output[0].json.error)).toMatch(/XL03000009/);
		expect(output[0].json.errorClass).toBe('transient');
		expect(records(sandbox(), 'CUSTOMER').filter((r) => String(r.CUSTOMERID).startsWith('C-BT-'))).toHaveLength(0);
	});

	it('without continueOnFail, stops with the failing item’s error', async () => {
		const credentials = sandboxCredentials(sandbox());
		await expect(run(batchParams(false), { credentials, items: items(['a', 'b']) })).rejects.toThrow(/BL34000061/);
	});
});

describe('safe retries', () => {
	it('refuses a replayed control ID instead of creating the record twice', async () => {
		const credentials = sandboxCredentials(sandbox());
		const params = create({ CUSTOMERID: 'C-REPLAY-1', NAME: 'Replay' }, { uniqueId: true });
		await run(params, { credentials, executionId: 'exec-replay' });
		// The same execution sending the same function again: a retry after a lost response.
		const again = await run(params, { credentials, executionId: 'exec-replay', continueOnFail: true });
		expect(again.json[0].errorClass).toBe('duplicate');
		expect(records(sandbox(), 'CUSTOMER').filter((r) => String(r.CUSTOMERID).startsWith('C-REPLAY-'))).toHaveLength(1);
	});

	it('waits out an injected 429 and still answers', async () => {
		const credentials = sandboxCredentials(sandbox());
		sandbox().setFaults({ burst429: { count: 1, retryAfterSec: 0 } }, 'intacct');
		try {
			const { json } = await run({ resource: 'record', operation: 'getAll', object: 'ITEM', returnAll: false, limit: 2, query: '', options: {} }, { credentials });
			expect(json).toHaveLength(2);
			expect(sandbox().stats().systems.intacct.byStatus['429']).toBeGreaterThanOrEqual(1);
		} finally {
			sandbox().clearFaults();
		}
	});
});

describe('custom API call', () => {
	it('sends the function and returns its result', async () => {
		const credentials = sandboxCredentials(sandbox());
		const { json } = await run(
			{ resource: 'customApiCall', operation: 'request', functionXml: '<readByQuery><object>WAREHOUSE</object><query></query><fields>*</fields></readByQuery>', recordsOnly: true },
			{ credentials },
		);
		expect(json.map((r) => r.WAREHOUSEID)).toEqual(records(sandbox(), 'WAREHOUSE').map((r) => r.WAREHOUSEID));
	});

	it('refuses XML with a DOCTYPE before sending anything', async () => {
		const credentials = sandboxCredentials(sandbox());
		await expect(
			run(
				{ resource: 'customApiCall', operation: 'request', functionXml: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><inspect><object>&e;</object></inspect>' },
				{ credentials },
			),
		).rejects.toThrow(/^Function XML: XML with a DOCTYPE/);
	});
});
