import type { IDataObject } from 'n8n-workflow';

import { customer } from '../definitions';
import { recordPath, updateFieldsCollection, writeOperation } from '../operations';
import { customerFields, customerParams } from './fields';

const operation = writeOperation(
	customer,
	'update',
	[
		customer.id,
		updateFieldsCollection([
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			...customerFields,
		]),
	],
	{
		path: (ctx, itemIndex) => recordPath(customer, ctx, itemIndex),
		body: (ctx, itemIndex) => customerParams(ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
	},
);

export const description = operation.description;
export const execute = operation.execute;
