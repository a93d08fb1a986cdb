import { createHash, timingSafeEqual } from 'node:crypto';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { STATE_STORE_CREDENTIAL } from '../common/state';
import { isFirstDelivery } from '../common/webhooks/dedupe';
import {
	fromChargebeeCreditNote,
	fromChargebeeCustomer,
	fromChargebeeInvoice,
	fromChargebeeSubscription,
	fromChargebeeTransaction,
	fromChargebeeUsage,
} from './mapping';
import { chargebeeApi, chargebeeRequest } from './transport';

const BASIC_AUTH = 'httpBasicAuth';

/** The events offered in the filter; Chargebee has more, which pass when no filter is set. */
const EVENTS = [
	'credit_note_created',
	'credit_note_updated',
	'customer_changed',
	'customer_created',
	'customer_deleted',
	'invoice_deleted',
	'invoice_generated',
	'invoice_updated',
	'payment_failed',
	'payment_refunded',
	'payment_source_added',
	'payment_source_deleted',
	'payment_succeeded',
	'subscription_activated',
	'subscription_cancelled',
	'subscription_changed',
	'subscription_created',
	'subscription_paused',
	'subscription_reactivated',
	'subscription_renewed',
	'subscription_resumed',
	'usage_file_ingested',
];

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison of the received Authorization header with the expected one. */
export function basicAuthMatches(header: string | undefined, user: string, password: string): boolean {
	const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	// Equal-length digests, so neither the length nor the content leaks through timing.
	return timingSafeEqual(digest(String(header ?? '').trim()), digest(expected)) && Boolean(user);
}

/** The canonical form of an event's main record, by the content it carries. */
function canonicalOf(content: IDataObject): IDataObject | undefined {
	const pick = <T>(key: string, map: (r: IDataObject) => T) => (content[key] ? (map(content[key] as IDataObject) as unknown as IDataObject) : undefined);
	return (
		pick('credit_note', fromChargebeeCreditNote) ??
		pick('invoice', fromChargebeeInvoice) ??
		pick('transaction', fromChargebeeTransaction) ??
		pick('usage', fromChargebeeUsage) ??
		pick('subscription', fromChargebeeSubscription) ??
		pick('customer', fromChargebeeCustomer)
	);
}

export class ChargebeeBillingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chargebee Billing Trigger',
		name: 'chargebeeBillingTrigger',
		icon: { light: 'file:chargebeeBilling.svg', dark: 'file:chargebeeBilling.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].length ? $parameter["events"].join(", ") : "all events"}}',
		description: 'Starts the workflow on Chargebee Billing webhook events (Basic-auth verified, duplicates ignored)',
		defaults: { name: 'Chargebee Billing Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'chargebeeBillingApi', required: true, displayOptions: { show: { registration: ['automatic'] } } },
			// n8n's own Basic Auth credential holds the user and password Chargebee sends with each delivery.
			{ name: BASIC_AUTH, required: true },
			// Optional: keeps seen event ids in the shared state store (queue mode) instead of process memory.
			{ name: STATE_STORE_CREDENTIAL, required: false },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Registration',
				name: 'registration',
				type: 'options',
				default: 'automatic',
				options: [
					{
						name: 'Automatic (Webhook Endpoints API)',
						value: 'automatic',
						description: 'Activating the workflow creates the webhook in Chargebee with the Basic Auth user and password; deactivating deletes it',
					},
					{ name: 'Manual (Chargebee UI)', value: 'manual', description: 'Add the webhook in Settings › Configure Chargebee › Webhooks yourself' },
				],
			},
			{
				displayName:
					'In Chargebee add a webhook with this node’s production URL, API version v2, and "Protect webhook URL with basic authentication" using the user and password of the Basic Auth credential.',
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: [],
				options: EVENTS.map((event) => ({ name: event, value: event })),
				description: 'Only these event types start the workflow; none selected means every event',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Output',
						name: 'output',
						type: 'options',
						default: 'event',
						options: [
							{ name: 'Chargebee Event', value: 'event' },
							{ name: 'Event With Canonical Record', value: 'canonical', description: 'Adds "canonical": the main record of the event in the pack’s canonical model' },
						],
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration') !== 'automatic') return true;
				const data = this.getWorkflowStaticData('node');
				if (typeof data.webhookEndpointId !== 'string') return false;
				const found = await chargebeeRequest(this, { path: `/webhook_endpoints/${encodeURIComponent(data.webhookEndpointId)}`, acceptStatus: [404] });
				const endpoint = (found.body.webhook_endpoint ?? {}) as IDataObject;
				if (found.statusCode === 404 || endpoint.url !== this.getNodeWebhookUrl('default')) {
					delete data.webhookEndpointId;
					return false;
				}
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration') !== 'automatic') return true;
				const auth = await this.getCredentials<ICredentialDataDecryptedObject>(BASIC_AUTH);
				const events = this.getNodeParameter('events', []) as string[];
				const url = this.getNodeWebhookUrl('default') as string;
				const body: IDataObject = {
					name: `n8n ${this.getWorkflow().name ?? this.getWorkflow().id ?? ''}`.slice(0, 50).trim(),
					url,
					api_version: 'v2',
					basic_auth_username: String(auth.user ?? ''),
					basic_auth_password: String(auth.password ?? ''),
				};
				if (events.length) body.enabled_events = events;
				const result = await chargebeeApi(this, { method: 'POST', path: '/webhook_endpoints', body });
				const id = (result.webhook_endpoint as IDataObject | undefined)?.id;
				if (typeof id !== 'string') throw new NodeOperationError(this.getNode(), 'Chargebee did not return the id of the created webhook endpoint');
				this.getWorkflowStaticData('node').webhookEndpointId = id;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				if (typeof data.webhookEndpointId !== 'string') return true;
				await chargebeeRequest(this, { method: 'POST', path: `/webhook_endpoints/${encodeURIComponent(data.webhookEndpointId)}/delete`, body: {}, acceptStatus: [404] });
				delete data.webhookEndpointId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const auth = await this.getCredentials<ICredentialDataDecryptedObject>(BASIC_AUTH);
		const req = this.getRequestObject();
		if (!basicAuthMatches(req.headers.authorization, String(auth.user ?? ''), String(auth.password ?? ''))) {
			const res = this.getResponseObject();
			res.status(401).setHeader('WWW-Authenticate', 'Basic realm="n8n Chargebee webhook"');
			res.json({ message: 'Authorization is required' });
			return { noWebhookResponse: true };
		}
		const event = this.getBodyData() as IDataObject;
		if (typeof event?.id !== 'string' || typeof event.event_type !== 'string') {
			const res = this.getResponseObject();
			res.status(400).json({ message: 'Not a Chargebee event (id and event_type are required)' });
			return { noWebhookResponse: true };
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (events.length && !events.includes(event.event_type)) return { webhookResponse: { received: true, ignored: 'event type not selected' } };
		// Chargebee redelivers until it gets a 2xx and may deliver twice; the event id runs the workflow once.
		if (!(await isFirstDelivery(this, event.id))) return { webhookResponse: { received: true, duplicate: true } };
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const json: IDataObject = { ...event };
		if (options.output === 'canonical') {
			const canonical = canonicalOf((event.content ?? {}) as IDataObject);
			if (canonical) json.canonical = canonical;
		}
		return { workflowData: [this.helpers.returnJsonArray([json])] };
	}
}
