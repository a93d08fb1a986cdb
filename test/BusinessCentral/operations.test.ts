import type { IDataObject, NodeOperationError } from 'n8n-workflow';

import { api, byId, CO, company, guid, run, setupNock } from './helpers';

setupNock();

const ETAG = 'W/"JzQ0O0V0YWc7MTsn"';

describe('sales orders', () => {
	it('creates an order with its lines in one request (deep insert) and pairs the output item', async () => {
		let body: IDataObject = {};
		api()
			.post(`${CO}/salesOrders`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: guid(1), number: 'S-ORD101001', '@odata.etag': ETAG });
		const { json, output } = await run({
			resource: 'salesOrder',
			operation: 'create',
			companyId: company,
			bodyMode: 'fields',
			customerNumber: 'C10000',
			additionalFields: { externalDocumentNumber: 'PO-1', orderDate: '2025-03-04T00:00:00.000Z' },
			lines: {
				line: [
					{ lineType: 'Item', lineObjectNumber: '1000', quantity: 2, price: 0, discountPercent: 0, description: '' },
					{ lineType: 'Item', lineObjectNumber: '1001', quantity: 1, price: 9.5, discountPercent: 10, description: 'Special' },
					{ lineType: 'Comment', lineObjectNumber: '', quantity: 0, price: 0, description: 'Leave at dock 4' },
				],
			},
		});
		expect(json).toEqual([{ id: guid(1), number: 'S-ORD101001', '@odata.etag': ETAG }]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(body).toEqual({
			customerNumber: 'C10000',
			externalDocumentNumber: 'PO-1',
			orderDate: '2025-03-04',
			salesOrderLines: [
				{ lineType: 'Item', lineObjectNumber: '1000', quantity: 2 },
				{ lineType: 'Item', lineObjectNumber: '1001', quantity: 1, unitPrice: 9.5, discountPercent: 10, description: 'Special' },
				{ lineType: 'Comment', quantity: 0, description: 'Leave at dock 4' },
			],
		});
	});

	it('names the missing customer before sending anything', async () => {
		const error = (await run({ resource: 'salesOrder', operation: 'create', companyId: company, bodyMode: 'fields', customerNumber: '', additionalFields: {} }).catch(
			(e: unknown) => e,
		)) as NodeOperationError;
		expect(error.message).toBe('Customer Number is required to create a sales order');
		expect(error.description).toContain('customerNumber or customerId');
	});

	it('names the company when its ID is not a GUID', async () => {
		const error = (await run({ resource: 'customer', operation: 'getAll', companyId: byId('CRONUS'), returnAll: true, options: {} }).catch((e: unknown) => e)) as Error;
		expect(error.message).toBe('Company "CRONUS" is not a valid ID');
	});

	it('Create or Update creates the order when no order has the external document number', async () => {
		let body: IDataObject = {};
		api()
			.get(`${CO}/salesOrders`)
			.query({ $filter: "externalDocumentNumber eq 'PO-O''Brien'", $top: '2' })
			.reply(200, { value: [] })
			.post(`${CO}/salesOrders`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: guid(2) });
		const { json } = await run({
			resource: 'salesOrder',
			operation: 'upsert',
			companyId: company,
			upsertKeyValue: "PO-O'Brien",
			bodyMode: 'json',
			bodyJson: JSON.stringify({ customerNumber: 'C1', salesOrderLines: [{ lineObjectNumber: '1000', quantity: 1 }] }),
		});
		expect(json).toEqual([{ id: guid(2) }]);
		expect(body).toEqual({ customerNumber: 'C1', externalDocumentNumber: "PO-O'Brien", salesOrderLines: [{ lineObjectNumber: '1000', quantity: 1 }] });
	});

	it('Create or Update patches the existing order with If-Match and leaves its lines alone', async () => {
		let body: IDataObject = {};
		api()
			.get(`${CO}/salesOrders`)
			.query(true)
			.reply(200, { value: [{ id: guid(3), '@odata.etag': ETAG, externalDocumentNumber: 'PO-7' }] })
			.patch(`${CO}/salesOrders(${guid(3)})`, (b: IDataObject) => ((body = b), true))
			.matchHeader('if-match', ETAG)
			.reply(200, { id: guid(3), externalDocumentNumber: 'PO-7', requestedDeliveryDate: '2025-05-01' });
		const { json } = await run({
			resource: 'salesOrder',
			operation: 'upsert',
			companyId: company,
			upsertKeyValue: 'PO-7',
			bodyMode: 'json',
			bodyJson: { customerNumber: 'C1', requestedDeliveryDate: '2025-05-01', salesOrderLines: [{ lineObjectNumber: '1000', quantity: 1 }] },
		});
		expect(json[0]).toMatchObject({ id: guid(3) });
		expect(body).toEqual({ customerNumber: 'C1', requestedDeliveryDate: '2025-05-01', externalDocumentNumber: 'PO-7' });
	});

	it('Create or Update refuses to guess when two orders share the key', async () => {
		api().get(`${CO}/salesOrders`).query(true).reply(200, { value: [{ id: guid(4) }, { id: guid(5) }] });
		const error = (await run({ resource: 'salesOrder', operation: 'upsert', companyId: company, upsertKeyValue: 'PO-9', bodyMode: 'json', bodyJson: { customerNumber: 'C1' } }).catch(
			(e: unknown) => e,
		)) as NodeOperationError;
		expect(error.message).toBe('2 sales orders have External Document Number "PO-9"; cannot tell which one to update');
		expect(error.context.errorClass).toBe('duplicate');
	});

	it('gets an order with its lines and maps it to a canonical SalesOrder', async () => {
		api()
			.get(`${CO}/salesOrders(${guid(6)})`)
			.query({ $expand: 'salesOrderLines' })
			.reply(200, {
				id: guid(6),
				number: 'S-ORD1',
				externalDocumentNumber: 'PO-1',
				customerId: guid(7),
				customerNumber: 'C1',
				customerName: 'Harbor Hardware',
				orderDate: '2025-03-04',
				status: 'Open',
				totalAmountExcludingTax: 30.1,
				salesOrderLines: [{ id: guid(8), sequence: 10000, lineType: 'Item', itemId: guid(9), lineObjectNumber: '1000', quantity: 3, unitPrice: 10.0333, amountExcludingTax: 30.1 }],
			});
		const { json } = await run({ resource: 'salesOrder', operation: 'get', companyId: company, salesOrderId: byId(guid(6)), options: { output: 'canonical' } });
		expect(json[0]).toMatchObject({
			type: 'SalesOrder',
			externalIds: { businessCentral: guid(6) },
			number: 'S-ORD1',
			poNumber: 'PO-1',
			status: 'open',
			customer: { externalIds: { businessCentral: guid(7) }, code: 'C1', name: 'Harbor Hardware' },
			totals: { subtotal: '30.1' },
			lines: [{ lineNumber: '10000', item: { sku: '1000', externalIds: { businessCentral: guid(9) } }, quantity: '3', unitPrice: '10.0333', amount: '30.1' }],
		});
	});
});

describe('update and delete', () => {
	it('reads the current ETag when none is given, then PATCHes with If-Match', async () => {
		let body: IDataObject = {};
		api()
			.get(`${CO}/customers(${guid(1)})`)
			.query({ $select: 'id' })
			.reply(200, { id: guid(1), '@odata.etag': ETAG })
			.patch(`${CO}/customers(${guid(1)})`, (b: IDataObject) => ((body = b), true))
			.matchHeader('if-match', ETAG)
			.reply(200, { id: guid(1), phoneNumber: '555-0100' });
		const { json } = await run({ resource: 'customer', operation: 'update', companyId: company, customerId: byId(guid(1)), bodyMode: 'fields', updateFields: { phoneNumber: '555-0100' }, options: {} });
		expect(json).toEqual([{ id: guid(1), phoneNumber: '555-0100' }]);
		expect(body).toEqual({ phoneNumber: '555-0100' });
	});

	it('turns a 412 on a stale ETag into a clear "changed since read" error', async () => {
		api()
			.patch(`${CO}/customers(${guid(1)})`)
			.matchHeader('if-match', ETAG)
			.reply(412, { error: { code: 'Request_EntityChanged', message: 'Another user has already changed the record.  CorrelationId:  c1.' } });
		const error = (await run({
			resource: 'customer',
			operation: 'update',
			companyId: company,
			customerId: byId(guid(1)),
			bodyMode: 'fields',
			updateFields: { email: 'ap@example.test' },
			options: { etag: ETAG },
		}).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe('Business Central 412 [Request_EntityChanged]: Another user has already changed the record.');
		expect(error.description).toContain('changed in Business Central since it was read');
		expect(error.context.errorClass).toBe('conflict');
	});

	it('deletes with If-Match: * and reports the id', async () => {
		api().delete(`${CO}/vendors(${guid(2)})`).matchHeader('if-match', '*').reply(204);
		const { json } = await run({ resource: 'vendor', operation: 'delete', companyId: company, vendorId: byId(guid(2)), options: {} });
		expect(json).toEqual([{ id: guid(2), deleted: true }]);
	});

	it('continues with an error item per failed input when set to continue on fail', async () => {
		api().get(`${CO}/items(${guid(1)})`).query(true).reply(200, { id: guid(1) });
		api().get(`${CO}/items(${guid(2)})`).query(true).reply(404, { error: { code: 'BadRequest_NotFound', message: 'The item does not exist.' } });
		const items = [{ json: { id: guid(1) } }, { json: { id: guid(2) } }];
		const { output } = await run((i) => ({ resource: 'item', operation: 'get', companyId: company, itemId: byId(guid(i + 1)), options: {} }), { items, continueOnFail: true });
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[1].json).toMatchObject({ error: 'Business Central 404 [BadRequest_NotFound]: The item does not exist.', errorClass: 'not_found' });
	});
});

describe('sales invoices', () => {
	it('posts a draft invoice with Microsoft.NAV.post and returns it as it is afterwards', async () => {
		api()
			.post(`${CO}/salesInvoices(${guid(5)})/Microsoft.NAV.post`)
			.reply(204)
			.get(`${CO}/salesInvoices(${guid(5)})`)
			.reply(200, { id: guid(5), number: 'S-INV1', status: 'Open' });
		const { json } = await run({ resource: 'salesInvoice', operation: 'post', companyId: company, salesInvoiceId: byId(guid(5)) });
		expect(json).toEqual([{ id: guid(5), number: 'S-INV1', status: 'Open' }]);
	});

	it('sends a posted invoice with Microsoft.NAV.send', async () => {
		api().post(`${CO}/salesInvoices(${guid(5)})/Microsoft.NAV.send`).reply(204).get(`${CO}/salesInvoices(${guid(5)})`).reply(200, { id: guid(5), status: 'Open' });
		const { json } = await run({ resource: 'salesInvoice', operation: 'send', companyId: company, salesInvoiceId: byId(guid(5)) });
		expect(json[0]).toMatchObject({ status: 'Open' });
	});
});

describe('customer payments and canonical input', () => {
	it('creates a payment journal line from a canonical Payment', async () => {
		let body: IDataObject = {};
		const journal = guid(40);
		api()
			.post(`${CO}/customerPaymentJournals(${journal})/customerPayments`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: guid(41) });
		await run({
			resource: 'customerPayment',
			operation: 'create',
			companyId: company,
			journalId: byId(journal),
			bodyMode: 'canonical',
			canonicalRecord: {
				type: 'Payment',
				externalIds: {},
				direction: 'incoming',
				party: { code: 'C10000' },
				amount: '1234.50',
				date: '2025-06-01',
				reference: 'CHK 1001',
				applications: [{ document: { code: 'S-INV100001' }, amount: '1234.50' }],
			},
		});
		expect(body).toEqual({ customerNumber: 'C10000', amount: 1234.5, postingDate: '2025-06-01', externalDocumentNumber: 'CHK 1001', appliesToInvoiceNumber: 'S-INV100001' });
	});

	it('rejects input that is not the canonical type, naming the parameter', async () => {
		const error = (await run({
			resource: 'customer',
			operation: 'create',
			companyId: company,
			bodyMode: 'canonical',
			canonicalRecord: { type: 'Supplier', externalIds: {}, name: 'X' },
		}).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe('Canonical Customer is not a canonical Customer record');
	});
});

describe('custom API call', () => {
	it('calls any path under the API root with the token and outputs collection rows', async () => {
		api()
			.get(`${CO}/salesQuotes`)
			.query({ $top: '2' })
			.reply(200, { value: [{ id: guid(1) }, { id: guid(2) }] });
		const { json } = await run({
			resource: 'customApiCall',
			operation: 'request',
			method: 'GET',
			path: `companies(${COMPANY_ID})/salesQuotes`,
			query: { parameters: [{ name: '$top', value: '2' }] },
			followPages: false,
		});
		expect(json).toEqual([{ id: guid(1) }, { id: guid(2) }]);
	});
});

const COMPANY_ID = '5106c77d-af37-4e2d-bb88-45d87aba1033';
