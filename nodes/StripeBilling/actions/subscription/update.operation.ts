import type { IDataObject } from 'n8n-workflow';

import { subscription } from '../definitions';
import { clean, recordPath, updateFieldsCollection, writeOperation } from '../operations';
import { subscriptionFields } from './create.operation';

const operation = writeOperation(subscription, 'update', [subscription.id, updateFieldsCollection(subscriptionFields)], {
	path: (ctx, itemIndex) => recordPath(subscription, ctx, itemIndex),
	body: (ctx, itemIndex) => clean(ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
});

export const description = operation.description;
export const execute = operation.execute;
