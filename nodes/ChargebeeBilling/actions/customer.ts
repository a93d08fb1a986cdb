import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isCanonical } from '../../common/canonical';
import type { Customer } from '../../common/canonical';
import { fromChargebeeCustomer, toChargebeeCustomer } from '../mapping';
import { chargebeeApi, chargebeeRequest } from '../transport';
import type { OperationModule } from './shared';
import { getAllOperation, getOperation, idLocator, idParameter, operationSelector, parseJson, stamp } from './shared';

const def = {
	resource: 'customer',
	noun: 'customer',
	plural: 'customers',
	path: '/customers',
	key: 'customer',
	segment: 'customers',
	canonical: { name: 'Customer', map: (r: IDataObject) => fromChargebeeCustomer(r) },
	sortFields: ['created_at', 'updated_at'],
};

const fields: INodeProperties[] = [
	{ displayName: 'Auto Collection', name: 'auto_collection', type: 'options', default: 'on', options: [{ name: 'On', value: 'on' }, { name: 'Off', value: 'off' }] },
	{ displayName: 'Billing Address (JSON)', name: 'billing_address', type: 'json', default: '', placeholder: '{"line1": "1 Main St", "city": "Reno", "state": "NV", "zip": "89501", "country": "US"}' },
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
	{ displayName: 'Net Term Days', name: 'net_term_days', type: 'number', default: 0 },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Preferred Currency', name: 'preferred_currency_code', type: 'string', default: '', placeholder: 'e.g. USD' },
	{ displayName: 'VAT Number', name: 'vat_number', type: 'string', default: '' },
];

function bodyFrom(ctx: IExecuteFunctions, values: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (value === '' || value === undefined || value === null) continue;
		body[key] = key === 'billing_address' ? parseJson(ctx.getNode(), value, 'Billing Address (JSON)', itemIndex) : value;
	}
	return body;
}

const create: OperationModule = {
	description: stamp('customer', 'create', [
		{
			displayName: 'Input',
			name: 'input',
			type: 'options',
			default: 'fields',
			options: [
				{ name: 'Fields', value: 'fields' },
				{ name: 'Canonical Customer', value: 'canonical' },
			],
		},
		{ displayName: 'Canonical Customer', name: 'canonical', type: 'json', default: '={{ $json }}', displayOptions: { show: { input: ['canonical'] } } },
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			description: 'Your own ID for the customer (e.g. the ERP account number). With it, a customer that already exists is returned instead of created again.',
		},
		{ displayName: 'Fields', name: 'fields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show: { input: ['fields'] } }, options: fields },
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		let body: IDataObject;
		if (this.getNodeParameter('input', itemIndex, 'fields') === 'canonical') {
			const value = parseJson(this.getNode(), this.getNodeParameter('canonical', itemIndex), 'Canonical Customer', itemIndex);
			if (!isCanonical(value, 'Customer')) throw new NodeOperationError(this.getNode(), 'Canonical Customer is not a canonical Customer', { itemIndex });
			body = toChargebeeCustomer(value as unknown as Customer);
		} else {
			body = bodyFrom(this, this.getNodeParameter('fields', itemIndex, {}) as IDataObject, itemIndex);
		}
		const id = String(this.getNodeParameter('customerId', itemIndex, '') ?? '').trim() || (body.id as string | undefined);
		if (id) {
			body.id = id;
			const existing = await chargebeeRequest(this, { path: `/customers/${encodeURIComponent(id)}`, acceptStatus: [404], itemIndex });
			if (existing.statusCode !== 404) return existing.body.customer as IDataObject;
		}
		const result = await chargebeeApi(this, {
			method: 'POST',
			path: '/customers',
			body,
			// With a caller-chosen id a resend cannot create a second customer (Chargebee refuses the duplicate id).
			idempotencyKey: id ? `n8n-customer-${id}` : undefined,
			itemIndex,
		});
		return result.customer as IDataObject;
	},
};

const update: OperationModule = {
	description: stamp('customer', 'update', [
		idLocator('customerId', 'Customer', 'customer', 'customers'),
		{ displayName: 'Update Fields', name: 'fields', type: 'collection', placeholder: 'Add Field', default: {}, options: fields.filter((f) => f.name !== 'billing_address') },
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = idParameter(this, 'customerId', 'Customer', itemIndex);
		const body = bodyFrom(this, this.getNodeParameter('fields', itemIndex, {}) as IDataObject, itemIndex);
		if (Object.keys(body).length === 0) throw new NodeOperationError(this.getNode(), 'Update Fields: choose at least one field to update', { itemIndex });
		const result = await chargebeeApi(this, { method: 'POST', path: `/customers/${encodeURIComponent(id)}`, body, itemIndex });
		return result.customer as IDataObject;
	},
};

const get = getOperation(def);
const getAll = getAllOperation(def);

export const operations = { create, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector(
		'customer',
		[
			{ name: 'Create', value: 'create', description: 'Create a customer, or return the one with the same ID', action: 'Create a customer' },
			{ name: 'Get', value: 'get', description: 'Get a customer', action: 'Get a customer' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many customers', action: 'Get many customers' },
			{ name: 'Update', value: 'update', description: 'Update a customer', action: 'Update a customer' },
		],
		'get',
	),
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
