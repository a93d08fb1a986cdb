import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { fromExtensivItem } from '../../mapping';
import { extensivApi, extensivList } from '../../transport';
import type { OperationModule } from '../shared';
import { customerIdProperty, idLocator, idParameter, outputOption, positiveNumber, rqlOption, rqlValue, sortOption, stamp } from '../shared';

const itemOutput = outputOption([{ name: 'Canonical Item', value: 'canonical' }]);
const as = (output: unknown, record: IDataObject): IDataObject =>
	output === 'canonical' ? (fromExtensivItem(record) as unknown as IDataObject) : record;

const get: OperationModule = {
	description: stamp('item', 'get', [
		customerIdProperty,
		idLocator('itemId', 'Item', 'item', 'items'),
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [itemOutput] },
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const customerId = positiveNumber(this, 'customerId', 'Customer ID', itemIndex);
		const id = idParameter(this, 'itemId', 'Item', itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return as(options.output, await extensivApi(this, { path: `/customers/${customerId}/items/${id}`, itemIndex }));
	},
};

const getAll: OperationModule = {
	description: stamp('item', 'getAll', [
		customerIdProperty,
		...returnAllOrLimit(),
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [itemOutput, rqlOption, sortOption] },
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const customerId = positiveNumber(this, 'customerId', 'Customer ID', itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (typeof options.rql === 'string' && options.rql.trim()) qs.rql = options.rql.trim();
		if (typeof options.sort === 'string' && options.sort.trim()) qs.sort = options.sort.trim();
		const records = await extensivList(this, { path: `/customers/${customerId}/items`, qs, returnAll, limit, itemIndex });
		return records.map((record) => as(options.output, record));
	},
};

const create: OperationModule = {
	description: stamp('item', 'create', [
		customerIdProperty,
		{ displayName: 'SKU', name: 'sku', type: 'string', default: '', required: true, description: 'Unique per customer' },
		{ displayName: 'Description', name: 'itemDescription', type: 'string', default: '', required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Cost', name: 'cost', type: 'string', default: '', placeholder: 'e.g. 12.50' },
				{ displayName: 'Description 2', name: 'description2', type: 'string', default: '' },
				{ displayName: 'Price', name: 'price', type: 'string', default: '', placeholder: 'e.g. 19.99' },
				{ displayName: 'UPC', name: 'upc', type: 'string', default: '' },
			],
		},
	] as INodeProperties[]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const customerId = positiveNumber(this, 'customerId', 'Customer ID', itemIndex);
		const sku = String(this.getNodeParameter('sku', itemIndex, '')).trim();
		if (!sku) throw new NodeOperationError(this.getNode(), 'SKU is required to create an item', { itemIndex });
		// The SKU is the customer's key: an item that already has it is returned, not duplicated.
		const [existing] = await extensivList(this, {
			path: `/customers/${customerId}/items`,
			qs: { rql: `sku==${rqlValue(sku)}` },
			returnAll: false,
			limit: 1,
			itemIndex,
		});
		if (existing) return existing;
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { sku, description: this.getNodeParameter('itemDescription', itemIndex, '') as string };
		if (extra.description2) body.description2 = extra.description2;
		if (extra.upc) body.upc = extra.upc;
		for (const key of ['price', 'cost'] as const) {
			if (extra[key] === undefined || extra[key] === '') continue;
			const value = Number(extra[key]);
			if (!Number.isFinite(value)) throw new NodeOperationError(this.getNode(), `${key} must be a number`, { itemIndex });
			body[key] = value;
		}
		return await extensivApi(this, { method: 'POST', path: `/customers/${customerId}/items`, body, itemIndex });
	},
};

export const operations = { create, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['item'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer SKU, or return the existing one', action: 'Create an item' },
			{ name: 'Get', value: 'get', description: 'Get a customer SKU', action: 'Get an item' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many SKUs of a customer', action: 'Get many items' },
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
];
