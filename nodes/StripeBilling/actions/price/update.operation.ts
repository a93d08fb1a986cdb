import type { IDataObject } from 'n8n-workflow';

import { price } from '../definitions';
import { clean, recordPath, updateFieldsCollection, writeOperation } from '../operations';
import { priceFields } from './create.operation';

/** Amounts and intervals of a price are fixed in Stripe; create a new price to change them. */
const operation = writeOperation(price, 'update', [price.id, updateFieldsCollection(priceFields)], {
	path: (ctx, itemIndex) => recordPath(price, ctx, itemIndex),
	body: (ctx, itemIndex) => clean(ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
});

export const description = operation.description;
export const execute = operation.execute;
