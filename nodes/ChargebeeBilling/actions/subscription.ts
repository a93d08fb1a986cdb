import { createHash } from 'node:crypto';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromChargebeeSubscription } from '../mapping';
import { chargebeeApi } from '../transport';
import type { OperationModule } from './shared';
import { getAllOperation, getOperation, idLocator, idParameter, operationSelector, stamp } from './shared';

const def = {
	resource: 'subscription',
	noun: 'subscription',
	plural: 'subscriptions',
	path: '/subscriptions',
	key: 'subscription',
	segment: 'subscriptions',
	canonical: { name: 'Subscription (Agreement)', map: (r: IDataObject) => fromChargebeeSubscription(r) },
	sortFields: ['created_at', 'updated_at'],
};

const create: OperationModule = {
	description: stamp('subscription', 'create', [
		idLocator('customerId', 'Customer', 'customer', 'customers'),
		{
			displayName: 'Items',
			name: 'items',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			required: true,
			placeholder: 'Add Item Price',
			options: [
				{
					name: 'item',
					displayName: 'Item Price',
					values: [
						{ displayName: 'Item Price ID', name: 'item_price_id', type: 'string', default: '', placeholder: 'e.g. managed-backup-USD-monthly' },
						{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { minValue: 1 } },
					],
				},
			],
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Auto Collection', name: 'auto_collection', type: 'options', default: 'on', options: [{ name: 'On', value: 'on' }, { name: 'Off', value: 'off' }] },
				{ displayName: 'PO Number', name: 'po_number', type: 'string', default: '' },
				{ displayName: 'Start Date', name: 'start_date', type: 'dateTime', default: '' },
				{
					displayName: 'Subscription ID',
					name: 'id',
					type: 'string',
					default: '',
					description: 'Your own ID for the subscription; a retried run then cannot create a second one',
				},
			],
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const customerId = idParameter(this, 'customerId', 'Customer', itemIndex);
		const items = ((this.getNodeParameter('items', itemIndex, {}) as { item?: IDataObject[] }).item ?? []).filter((i) => String(i.item_price_id ?? '').trim());
		if (items.length === 0) throw new NodeOperationError(this.getNode(), 'Add at least one item price to subscribe to', { itemIndex });
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { subscription_items: items.map((i) => ({ item_price_id: String(i.item_price_id).trim(), quantity: i.quantity })) };
		if (extra.id) body.id = extra.id;
		if (extra.po_number) body.po_number = extra.po_number;
		if (extra.auto_collection) body.auto_collection = extra.auto_collection;
		if (extra.start_date) body.start_date = Math.floor(Date.parse(String(extra.start_date)) / 1000);
		const key = extra.id ? `n8n-subscription-${String(extra.id)}` : undefined;
		const result = await chargebeeApi(this, { method: 'POST', path: `/customers/${encodeURIComponent(customerId)}/subscription_for_items`, body, idempotencyKey: key, itemIndex });
		return result.subscription as IDataObject;
	},
};

const cancel: OperationModule = {
	description: stamp('subscription', 'cancel', [
		idLocator('subscriptionId', 'Subscription', 'subscription', 'subscriptions'),
		{ displayName: 'End of Term', name: 'endOfTerm', type: 'boolean', default: true, description: 'Whether to cancel at the end of the current term instead of now' },
		{ displayName: 'Cancel Reason Code', name: 'reasonCode', type: 'string', default: '', description: 'One of the site’s configured cancel reason codes' },
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = idParameter(this, 'subscriptionId', 'Subscription', itemIndex);
		const body: IDataObject = { end_of_term: this.getNodeParameter('endOfTerm', itemIndex, true) as boolean };
		const reason = String(this.getNodeParameter('reasonCode', itemIndex, '') ?? '').trim();
		if (reason) body.cancel_reason_code = reason;
		const key = `n8n-cancel-${createHash('sha256').update(`${id}|${JSON.stringify(body)}`).digest('hex').slice(0, 32)}`;
		const result = await chargebeeApi(this, { method: 'POST', path: `/subscriptions/${encodeURIComponent(id)}/cancel_for_items`, body, idempotencyKey: key, itemIndex });
		return result.subscription as IDataObject;
	},
};

const get = getOperation(def);
const getAll = getAllOperation(def);

export const operations = { cancel, create, get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'subscription',
		[
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a subscription now or at the end of its term', action: 'Cancel a subscription' },
			{ name: 'Create', value: 'create', description: 'Subscribe a customer to item prices', action: 'Create a subscription' },
			{ name: 'Get', value: 'get', description: 'Get a subscription', action: 'Get a subscription' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many subscriptions', action: 'Get many subscriptions' },
		],
		'get',
	),
	...cancel.description,
	...create.description,
	...get.description,
	...getAll.description,
];
