import { randomUUID } from 'node:crypto';
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
import { verifyTimestampedHmac } from '../common/webhooks/signature';
import { fromStripeCreditNote, fromStripeCustomer, fromStripeInvoice, fromStripePayment, fromStripeSubscription } from './mapping';
import { CREDENTIAL_TYPE, stripeApi, stripeList, stripeRequest } from './transport';

const EVENTS: Array<[string, string]> = [
	['*', 'Every event of the account'],
	['billing.meter.error_report_triggered', 'Meter events could not be processed'],
	['charge.refunded', 'A charge was refunded'],
	['charge.succeeded', 'A charge succeeded'],
	['credit_note.created', 'A credit note was issued'],
	['credit_note.voided', 'A credit note was voided'],
	['customer.created', 'A customer was created'],
	['customer.deleted', 'A customer was deleted'],
	['customer.subscription.created', 'A subscription started'],
	['customer.subscription.deleted', 'A subscription ended'],
	['customer.subscription.trial_will_end', 'A trial ends in three days'],
	['customer.subscription.updated', 'A subscription changed'],
	['customer.updated', 'A customer changed'],
	['invoice.created', 'An invoice was created'],
	['invoice.finalized', 'An invoice was finalized'],
	['invoice.paid', 'An invoice was paid'],
	['invoice.payment_failed', 'An invoice payment failed'],
	['invoice.sent', 'An invoice was sent'],
	['invoice.voided', 'An invoice was voided'],
	['payment_intent.payment_failed', 'A payment failed'],
	['payment_intent.succeeded', 'A payment succeeded'],
];

/** Canonical forms of the objects events carry, by Stripe object type. */
const CANONICAL: Record<string, (record: IDataObject) => object> = {
	customer: fromStripeCustomer,
	subscription: fromStripeSubscription,
	invoice: fromStripeInvoice,
	credit_note: fromStripeCreditNote,
	charge: fromStripePayment,
	payment_intent: fromStripePayment,
	invoice_payment: fromStripePayment,
};

interface EndpointState {
	endpointId?: string;
	endpointSecret?: string;
	endpointUrl?: string;
}

function sameEvents(a: unknown, b: string[]): boolean {
	return Array.isArray(a) && a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}

export class StripeBillingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stripe Billing Trigger',
		name: 'stripeBillingTrigger',
		icon: { light: 'file:stripeBilling.svg', dark: 'file:stripeBilling.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow on Stripe billing events: signed, verified and delivered once',
		defaults: { name: 'Stripe Billing Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'stripeBillingApi', required: true },
			{ name: STATE_STORE_CREDENTIAL, required: false },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['invoice.paid'],
				description: 'The events Stripe sends to this workflow; the webhook endpoint is created with them on activation',
				options: EVENTS.map(([value, description]) => ({ name: value, value, description })),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Add Canonical Object',
						name: 'canonical',
						type: 'boolean',
						default: false,
						description: 'Whether to add the event’s object in the canonical model (Customer, Agreement, Invoice, CreditMemo, Payment) as "canonical"',
					},
					{
						displayName: 'Signature Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						default: 300,
						typeOptions: { minValue: 1 },
						description: 'How old a delivery’s signed timestamp may be; older ones are refused as possible replays (Stripe’s libraries use 300)',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			/** The endpoint exists when the one in static data is still there with this URL and these events. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as EndpointState;
				if (!state.endpointId) return false;
				const response = await stripeRequest<IDataObject>(this, { path: `/v1/webhook_endpoints/${state.endpointId}`, acceptStatus: [404] });
				const endpoint = response.body;
				const url = this.getNodeWebhookUrl('default');
				const events = this.getNodeParameter('events', []) as string[];
				if (response.statusCode === 404 || !state.endpointSecret) {
					delete state.endpointId;
					delete state.endpointSecret;
					return false;
				}
				if (endpoint.url !== url || !sameEvents(endpoint.enabled_events, events) || endpoint.status !== 'enabled') {
					// Out of date: remove it, create() makes a fresh one (and gets a fresh secret).
					await stripeRequest(this, { method: 'DELETE', path: `/v1/webhook_endpoints/${state.endpointId}`, acceptStatus: [404] });
					delete state.endpointId;
					delete state.endpointSecret;
					return false;
				}
				return true;
			},

			/** POST /v1/webhook_endpoints; the signing secret comes back only here and is kept in static data. */
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				if (!url) throw new NodeOperationError(this.getNode(), 'n8n has no webhook URL for this node');
				const events = this.getNodeParameter('events', []) as string[];
				if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
				// An endpoint for this URL whose secret was lost (static data reset) can never be verified: replace it.
				const existing = await stripeList(this, { path: '/v1/webhook_endpoints', returnAll: true });
				for (const stale of existing.filter((e) => e.url === url)) {
					await stripeRequest(this, { method: 'DELETE', path: `/v1/webhook_endpoints/${String(stale.id)}`, acceptStatus: [404] });
				}
				const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
				const workflow = this.getWorkflow();
				const endpoint = await stripeApi<IDataObject>(this, {
					method: 'POST',
					path: '/v1/webhook_endpoints',
					body: {
						url,
						enabled_events: events,
						api_version: String(credentials.apiVersion ?? '').trim() || undefined,
						description: `n8n workflow "${workflow.name ?? workflow.id ?? ''}" (${this.getNode().name})`.slice(0, 5000),
						metadata: { n8n_workflow_id: String(workflow.id ?? ''), n8n_node: this.getNode().name.slice(0, 500) },
					},
					// A fresh endpoint per activation: a key reused from an earlier activation would replay an endpoint since deleted.
					idempotencyKey: `n8n-webhook-${randomUUID()}`,
				});
				if (typeof endpoint.secret !== 'string' || !endpoint.secret) {
					throw new NodeOperationError(this.getNode(), 'Stripe did not return a signing secret for the new webhook endpoint');
				}
				const state = this.getWorkflowStaticData('node') as EndpointState;
				state.endpointId = String(endpoint.id);
				state.endpointSecret = endpoint.secret;
				state.endpointUrl = url;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as EndpointState;
				if (state.endpointId) {
					await stripeRequest(this, { method: 'DELETE', path: `/v1/webhook_endpoints/${state.endpointId}`, acceptStatus: [404] });
				}
				delete state.endpointId;
				delete state.endpointSecret;
				delete state.endpointUrl;
				return true;
			},
		},
	};

	/**
	 * Verifies `Stripe-Signature` (HMAC-SHA256 of "t.rawBody" with the endpoint secret, within the
	 * tolerance) before anything else: a forged, expired or unsigned delivery gets 401 and starts no
	 * run. A repeated event id (Stripe retries, duplicates) is acknowledged without a run.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const state = this.getWorkflowStaticData('node') as EndpointState;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const raw = (request as unknown as { rawBody?: Buffer }).rawBody;
		const header = request.headers['stripe-signature'];
		const reject = (reason: string): IWebhookResponseData => {
			response.status(401).json({ error: 'Invalid Stripe signature', reason });
			return { noWebhookResponse: true };
		};
		if (!state.endpointSecret) return reject('no endpoint secret: deactivate and activate the workflow to recreate the endpoint');
		if (!raw || raw.length === 0) return reject('empty body');
		const check = verifyTimestampedHmac({
			header: Array.isArray(header) ? header.join(',') : header,
			payload: raw,
			secret: state.endpointSecret,
			toleranceSeconds: Number(options.toleranceSeconds ?? 300) || 300,
		});
		if (!check.valid) return reject(check.reason);

		let event: IDataObject;
		try {
			event = JSON.parse(raw.toString('utf8')) as IDataObject;
		} catch {
			response.status(400).json({ error: 'The body is not JSON' });
			return { noWebhookResponse: true };
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes('*') && !events.includes(String(event.type))) {
			return { webhookResponse: { received: true, ignored: 'event type not selected' } };
		}
		if (typeof event.id !== 'string' || !(await isFirstDelivery(this, event.id))) {
			return { webhookResponse: { received: true, duplicate: true } };
		}
		const object = (event.data as IDataObject | undefined)?.object as IDataObject | undefined;
		const map = object ? CANONICAL[String(object.object)] : undefined;
		const json: IDataObject = options.canonical === true && map && object ? { ...event, canonical: map(object) as IDataObject } : event;
		return { workflowData: [[{ json }]] };
	}
}
