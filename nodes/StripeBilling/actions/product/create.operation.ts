import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { product } from '../definitions';
import { additionalFieldsCollection, clean, writeOperation } from '../operations';

export const productFields: INodeProperties[] = [
	{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the product can be sold' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Statement Descriptor', name: 'statement_descriptor', type: 'string', default: '' },
	{ displayName: 'Tax Code', name: 'tax_code', type: 'string', default: '', placeholder: 'e.g. txcd_10103001' },
	{ displayName: 'Unit Label', name: 'unit_label', type: 'string', default: '', placeholder: 'e.g. seat' },
	{ displayName: 'URL', name: 'url', type: 'string', default: '' },
];

const operation = writeOperation(
	product,
	'create',
	[
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{ displayName: 'Product ID', name: 'productKey', type: 'string', default: '', description: 'Optional ID of your own (e.g. your SKU); Stripe generates one when empty. A second create with the same ID fails as a duplicate.' },
		additionalFieldsCollection(productFields),
	],
	{
		body: (ctx, itemIndex) =>
			clean({
				name: ctx.getNodeParameter('name', itemIndex) as string,
				id: ctx.getNodeParameter('productKey', itemIndex, '') as string,
				...(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			}),
	},
);

export const description = operation.description;
export const execute = operation.execute;
