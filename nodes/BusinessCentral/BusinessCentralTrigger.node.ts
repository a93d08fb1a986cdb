import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	CronExpression,
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { collect } from '../common/pagination';
import { stateStoreCredentialTest } from '../common/state';
import { isFirstDelivery } from '../common/webhooks/dedupe';
import { companyLocator, GUID_PATTERN } from './actions/common.descriptions';
import { listSearch, loadOptions } from './methods';
import { businessCentralPages, businessCentralRequest } from './transport';
import {
	createSubscription,
	deleteSubscription,
	getSubscription,
	renewIfDue,
	resourceOf,
	sameResource,
	sameSecret,
	type SubscriptionState,
} from './trigger/subscription';

const ENTITY_SETS: Array<[string, string]> = [
	['Customers', 'customers'],
	['Items', 'items'],
	['Purchase Invoices', 'purchaseInvoices'],
	['Sales Credit Memos', 'salesCreditMemos'],
	['Sales Invoices', 'salesInvoices'],
	['Sales Orders', 'salesOrders'],
	['Sales Quotes', 'salesQuotes'],
	['Vendors', 'vendors'],
];

const HOUR = 3_600_000;
const CHECKS: Record<string, CronExpression> = {
	everyMinute: '0 * * * * *',
	every15Minutes: '0 */15 * * * *',
	hourly: '0 0 * * * *',
};

function companyOf(ctx: IHookFunctions | IWebhookFunctions | ITriggerFunctions): string {
	const value = ctx.getNodeParameter('companyId', '', { extractValue: true }) as string;
	const id = String(value ?? '').trim().replace(/[{}]/g, '').toLowerCase();
	if (!new RegExp(GUID_PATTERN).test(id)) throw new NodeOperationError(ctx.getNode(), `Company "${id}" is not a valid ID (a GUID)`);
	return id;
}

function renewWithinMs(ctx: IWebhookFunctions | ITriggerFunctions): number {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const hours = Number(options.renewWithinHours ?? 24);
	return (Number.isFinite(hours) && hours > 0 ? hours : 24) * HOUR;
}

/** `api/v2.0/companies(..)/customers(..)` → the path under the API root. */
function pathOf(resource: string): string {
	return resource.replace(/^\/?api\/v2\.0\//i, '');
}

function idOf(resource: string): string | undefined {
	return /\(([0-9a-fA-F-]{36})\)$/.exec(resource.split('?')[0])?.[1]?.toLowerCase();
}

export class BusinessCentralTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Business Central Trigger',
		name: 'businessCentralTrigger',
		icon: { light: 'file:businessCentral.svg', dark: 'file:businessCentral.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"on " + $parameter["entitySet"]}}',
		description: 'Starts the workflow when records change in Microsoft Dynamics 365 Business Central (webhook subscription)',
		defaults: { name: 'Business Central Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'businessCentralOAuth2Api', required: true },
			// Optional: with it, repeated notifications are recognised across n8n processes, not only in this one.
			// eslint-disable-next-line n8n-nodes-base/node-class-description-credentials-name-unsuffixed
			{ name: 'interopStateStore', required: false, testedBy: 'stateStoreCredentialTest' },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Business Central must reach this n8n’s production webhook URL over HTTPS, and subscriptions expire after three days: the trigger renews them while the workflow is active.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			companyLocator,
			{
				displayName: 'Entity',
				name: 'entitySet',
				type: 'options',
				default: 'salesOrders',
				options: ENTITY_SETS.map(([name, value]) => ({ name, value })),
				description: 'The records to watch (API v2.0 entity sets that support webhooks)',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: ['created', 'updated', 'deleted'],
				options: [
					{ name: 'Created', value: 'created' },
					{ name: 'Deleted', value: 'deleted' },
					{ name: 'Updated', value: 'updated' },
				],
				description: 'Changes that start the workflow. Bulk changes Business Central reports as one "collection" notification count as updates.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Records',
						name: 'fetchRecords',
						type: 'boolean',
						default: true,
						description: 'Whether to read each created or updated record and output it under "record" (notifications carry only its URL)',
					},
					{
						displayName: 'Ignore Duplicate Deliveries',
						name: 'ignoreDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether a notification delivered again (same subscription, record, change and time) starts no run. Seen notifications are kept four days, in the state store when one is selected, else in this process.',
					},
					{
						displayName: 'Renewal Check',
						name: 'renewalCheck',
						type: 'options',
						default: 'hourly',
						options: [
							{ name: 'Every Minute', value: 'everyMinute' },
							{ name: 'Every 15 Minutes', value: 'every15Minutes' },
							{ name: 'Hourly', value: 'hourly' },
						],
						description: 'How often the active workflow checks the subscription’s expiry (each notification also checks it)',
					},
					{
						displayName: 'Renew Within (Hours)',
						name: 'renewWithinHours',
						type: 'number',
						default: 24,
						typeOptions: { minValue: 0.01, numberPrecision: 2 },
						description: 'Renew once the subscription expires within this many hours (subscriptions last 72 hours)',
					},
				],
			},
		],
	};

	methods = { listSearch, loadOptions, credentialTest: { stateStoreCredentialTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				if (!state.subscriptionId) return false;
				const current = await getSubscription(this, state.subscriptionId);
				const expected = resourceOf(companyOf(this), this.getNodeParameter('entitySet') as string);
				if (current && current.notificationUrl === this.getNodeWebhookUrl('default') && sameResource(current.resource, expected)) return true;
				if (current) await deleteSubscription(this, state.subscriptionId);
				for (const key of Object.keys(state)) delete state[key];
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				const notificationUrl = this.getNodeWebhookUrl('default') as string;
				const resource = resourceOf(companyOf(this), this.getNodeParameter('entitySet') as string);
				await createSubscription(this, state, notificationUrl, resource);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				if (state.subscriptionId) await deleteSubscription(this, state.subscriptionId);
				for (const key of Object.keys(state)) delete state[key];
				return true;
			},
		},
	};

	/** Keeps the subscription alive while the workflow is active: n8n's cron scheduler checks its expiry. */
	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		if (this.getMode() === 'manual') return {};
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const expression = CHECKS[String(options.renewalCheck ?? 'hourly')] ?? CHECKS.hourly;
		const state = this.getWorkflowStaticData('node') as SubscriptionState;
		const within = renewWithinMs(this);
		this.helpers.registerCron({ expression }, () => {
			renewIfDue(this, state, within).then(
				(expiry) => expiry && this.logger.info(`Business Central subscription renewed until ${expiry}`),
				(error: Error) => this.logger.warn(`Business Central subscription renewal failed: ${error.message}`),
			);
		});
		return {};
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		// Subscription validation: echo the token as text/plain, start nothing.
		const token = req.query.validationToken;
		if (typeof token === 'string') {
			res.status(200).type('text/plain').send(token);
			return { noWebhookResponse: true };
		}
		const state = this.getWorkflowStaticData('node') as SubscriptionState;
		const notifications = (this.getBodyData() as IDataObject).value;
		if (!Array.isArray(notifications) || notifications.length === 0) {
			res.status(400).json({ error: 'Expected a Business Central notification: {"value": [...]}' });
			return { noWebhookResponse: true };
		}
		// No signature exists: every notification must carry the secret given at subscription time.
		const entries = notifications as IDataObject[];
		if (!entries.every((entry) => sameSecret(state.clientState, entry.clientState) && entry.subscriptionId === state.subscriptionId)) {
			res.status(401).json({ error: 'Unknown subscription or clientState' });
			return { noWebhookResponse: true };
		}

		const within = renewWithinMs(this);
		if (entries.some((entry) => Date.parse(String(entry.expirationDateTime ?? '')) - Date.now() <= within)) {
			try {
				await renewIfDue(this, state, within);
			} catch (error) {
				this.logger.warn(`Business Central subscription renewal failed: ${(error as Error).message}`);
			}
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const events = this.getNodeParameter('events', ['created', 'updated', 'deleted']) as string[];
		const fetch = options.fetchRecords !== false;
		const items: INodeExecutionData[] = [];
		for (const entry of entries) {
			// Business Central retries a delivery it considers failed: the same change must not run twice.
			const deliveryKey = [entry.subscriptionId, entry.resource, entry.changeType, entry.lastModifiedDateTime].map(String).join('|');
			if (options.ignoreDuplicates !== false && !(await isFirstDelivery(this, deliveryKey))) continue;
			const changeType = String(entry.changeType ?? '');
			const resource = String(entry.resource ?? '');
			const base = { subscriptionId: entry.subscriptionId, resource, lastModifiedDateTime: entry.lastModifiedDateTime };
			if (changeType === 'collection') {
				if (!events.includes('updated') && !events.includes('created')) continue;
				// Too many changes for single notifications: read every record changed since the given time.
				const records = await collect(businessCentralPages(this, { path: pathOf(resource) }), { returnAll: true });
				for (const record of records) {
					items.push({ json: { ...base, changeType: 'collection', id: record.id, record } });
				}
				continue;
			}
			if (!events.includes(changeType)) continue;
			const json: IDataObject = { ...base, changeType, id: idOf(resource) };
			if (fetch && changeType !== 'deleted') {
				const response = await businessCentralRequest<IDataObject>(this, { path: pathOf(resource), acceptStatus: [404] });
				// Deleted again before we read it: the notification still counts.
				json.record = response.statusCode === 404 ? null : response.body;
			}
			items.push({ json });
		}
		// Nothing selected by Events: acknowledged, no run.
		if (items.length === 0) return {};
		return { workflowData: [items] };
	}
}
