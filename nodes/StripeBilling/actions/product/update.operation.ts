import type { IDataObject } from 'n8n-workflow';

import { product } from '../definitions';
import { clean, recordPath, updateFieldsCollection, writeOperation } from '../operations';
import { productFields } from './create.operation';

const operation = writeOperation(
	product,
	'update',
	[
		product.id,
		updateFieldsCollection([
			{ displayName: 'Default Price ID', name: 'default_price', type: 'string', default: '', placeholder: 'price_…' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			...productFields,
		]),
	],
	{
		path: (ctx, itemIndex) => recordPath(product, ctx, itemIndex),
		body: (ctx, itemIndex) => clean(ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
	},
);

export const description = operation.description;
export const execute = operation.execute;
