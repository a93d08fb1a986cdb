import { createHash } from 'node:crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isCanonical, toDecimal } from '../../common/canonical';
import type { UsageRecord } from '../../common/canonical';
import { errorClassOf } from '../../common/errors';
import { fromChargebeeUsage, toChargebeeUsage } from '../mapping';
import { toUnix } from '../mapping/common';
import { chargebeeApi, chargebeeList } from '../transport';
import type { OperationModule } from './shared';
import { getAllOperation, idLocator, idParameter, operationSelector, parseJson, stamp } from './shared';

const def = {
	resource: 'usage',
	noun: 'usage',
	plural: 'usages',
	path: '/usages',
	key: 'usage',
	segment: 'usages',
	canonical: { name: 'Usage Record', map: (r: IDataObject) => fromChargebeeUsage(r) },
	sortFields: ['usage_date'],
};

/**
 * The usage's identity: the same subscription, item price, usage date and quantity always give the
 * same key, so a retried run (or a resend after a lost response) is not counted twice.
 */
export function usageKey(subscriptionId: string, itemPriceId: string, usageDate: number, quantity: string): string {
	return createHash('sha256').update(`usage|${subscriptionId}|${itemPriceId}|${usageDate}|${quantity}`).digest('hex').slice(0, 32);
}

const create: OperationModule = {
	description: stamp('usage', 'create', [
		{
			displayName: 'Input',
			name: 'input',
			type: 'options',
			default: 'fields',
			options: [
				{ name: 'Fields', value: 'fields' },
				{ name: 'Canonical Usage Record', value: 'canonical', description: 'A canonical UsageRecord; the subscription comes from its agreement' },
			],
		},
		{ displayName: 'Canonical Usage Record', name: 'canonical', type: 'json', default: '={{ $json }}', displayOptions: { show: { input: ['canonical'] } } },
		{ ...idLocator('subscriptionId', 'Subscription', 'subscription', 'subscriptions'), displayOptions: { show: { input: ['fields'] } } },
		{ displayName: 'Item Price ID', name: 'itemPriceId', type: 'string', default: '', required: true, displayOptions: { show: { input: ['fields'] } }, description: 'The metered item price of the subscription' },
		{ displayName: 'Quantity', name: 'quantity', type: 'string', default: '1', required: true, displayOptions: { show: { input: ['fields'] } }, description: 'A decimal string, e.g. 12.5' },
		{ displayName: 'Usage Date', name: 'usageDate', type: 'dateTime', default: '', required: true, displayOptions: { show: { input: ['fields'] } }, description: 'When the usage happened' },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{ displayName: 'Note', name: 'note', type: 'string', default: '' },
				{
					displayName: 'Usage ID',
					name: 'usageId',
					type: 'string',
					default: '',
					description: 'Your own ID for the usage (also the idempotency key). Empty derives one from subscription, item price, date and quantity.',
				},
			],
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		let subscriptionId: string;
		let itemPriceId: string;
		let quantity: string | undefined;
		let usageDate: number | undefined;
		let givenId = String(options.usageId ?? '').trim();
		if (this.getNodeParameter('input', itemIndex, 'fields') === 'canonical') {
			const value = parseJson(this.getNode(), this.getNodeParameter('canonical', itemIndex), 'Canonical Usage Record', itemIndex);
			if (!isCanonical(value, 'UsageRecord')) throw new NodeOperationError(this.getNode(), 'Canonical Usage Record is not a canonical UsageRecord', { itemIndex });
			const body = toChargebeeUsage(value as unknown as UsageRecord);
			subscriptionId = String(body.subscription_id ?? '');
			itemPriceId = String(body.item_price_id ?? '');
			quantity = toDecimal(body.quantity);
			usageDate = body.usage_date as number | undefined;
			givenId ||= String(body.id ?? '');
		} else {
			subscriptionId = idParameter(this, 'subscriptionId', 'Subscription', itemIndex);
			itemPriceId = String(this.getNodeParameter('itemPriceId', itemIndex, '')).trim();
			quantity = toDecimal(this.getNodeParameter('quantity', itemIndex, ''));
			usageDate = toUnix(this.getNodeParameter('usageDate', itemIndex, ''));
		}
		const node = this.getNode();
		if (!subscriptionId) throw new NodeOperationError(node, 'The subscription is required to record usage', { itemIndex });
		if (!itemPriceId) throw new NodeOperationError(node, 'Item Price ID is required to record usage', { itemIndex });
		if (quantity === undefined) throw new NodeOperationError(node, 'Quantity must be a decimal number, e.g. 12.5', { itemIndex });
		if (usageDate === undefined) throw new NodeOperationError(node, 'Usage Date is required (the time the usage happened)', { itemIndex });

		const key = givenId || `n8n_${usageKey(subscriptionId, itemPriceId, usageDate, quantity)}`;
		const body: IDataObject = { id: key, item_price_id: itemPriceId, quantity, usage_date: usageDate };
		if (options.note) body.note = options.note;
		try {
			const result = await chargebeeApi(this, {
				method: 'POST',
				path: `/subscriptions/${encodeURIComponent(subscriptionId)}/usages`,
				body,
				idempotencyKey: key,
				itemIndex,
			});
			return result.usage as IDataObject;
		} catch (error) {
			// Past the idempotency key's lifetime Chargebee refuses the repeated usage id instead: that usage is already recorded.
			const existing =
				errorClassOf(error) === 'duplicate'
					? (await chargebeeList(this, { path: '/usages', key: 'usage', qs: { 'id[is]': key, 'subscription_id[is]': subscriptionId }, returnAll: false, limit: 1, itemIndex }))[0]
					: undefined;
			if (existing) return existing;
			throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error, { itemIndex });
		}
	},
};

const list = getAllOperation(def, {
	properties: [
		{
			...idLocator('subscriptionId', 'Subscription', 'subscription', 'subscriptions'),
			required: false,
			description: 'Only usages of this subscription (subscription_id[is]); empty lists all',
		},
	],
	qs(ctx, itemIndex) {
		const id = String(ctx.getNodeParameter('subscriptionId', itemIndex, '', { extractValue: true }) ?? '').trim();
		return id ? { 'subscription_id[is]': id } : {};
	},
});

export const operations = { create, getAll: list };

export const description: INodeProperties[] = [
	operationSelector(
		'usage',
		[
			{ name: 'Create', value: 'create', description: 'Record metered usage once, safe to retry', action: 'Record usage' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many usages', action: 'Get many usages' },
		],
		'create',
	),
	...create.description,
	...list.description,
];
