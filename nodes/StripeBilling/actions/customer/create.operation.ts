import type { IDataObject } from 'n8n-workflow';

import type { Customer } from '../../../common/canonical';
import { toStripeCustomer } from '../../mapping';
import { inputModeProperty } from '../common.descriptions';
import { customer } from '../definitions';
import { additionalFieldsCollection, canonicalInput, clean, writeOperation } from '../operations';
import { customerFields, customerParams } from './fields';

const fieldsOnly = { show: { inputMode: ['fields'] } };

const operation = writeOperation(
	customer,
	'create',
	[
		inputModeProperty('Customer'),
		{ displayName: 'Name', name: 'name', type: 'string', default: '', displayOptions: fieldsOnly, description: 'The customer’s full or business name' },
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', displayOptions: fieldsOnly },
		{ ...additionalFieldsCollection(customerFields), displayOptions: fieldsOnly },
	],
	{
		body: (ctx, itemIndex) => {
			if (ctx.getNodeParameter('inputMode', itemIndex, 'fields') === 'canonical') {
				return toStripeCustomer(canonicalInput<Customer>(ctx, itemIndex, 'Customer')) as IDataObject;
			}
			return clean({
				name: ctx.getNodeParameter('name', itemIndex, '') as string,
				email: ctx.getNodeParameter('email', itemIndex, '') as string,
				...customerParams(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			});
		},
	},
);

export const description = operation.description;
export const execute = operation.execute;
