import { createHash } from 'node:crypto';

import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { errorClassOf } from '../common/errors';
import { stateStoreCredentialTest } from '../common/state/credentialTest';
import { isFirstDelivery } from '../common/webhooks/dedupe';
import { verifyHmac } from '../common/webhooks/signature';
import { shipHeroGraphql, shipHeroSettings } from './transport';

/** ShipHero's webhook types, by their exact registration names. */
export const WEBHOOK_EVENTS = [
	'Inventory Update',
	'Inventory Change',
	'Shipment Update',
	'Order Canceled',
	'Order Allocated',
	'Order Deallocated',
	'Order Packed Out',
	'PO Update',
	'Return Update',
	'Capture Payment',
	'Package Added',
	'Tote Complete',
	'Tote Cleared',
	'Shipment ASN',
];

/** What ShipHero expects back from a receiver (developer.shiphero.com/webhooks). */
const RECEIVED = { code: '200', Status: 'Success' };

interface StaticState {
	shopName?: string;
	url?: string;
	/** Webhook type → the shared_signature_secret ShipHero returned when it was created (shown once). */
	secrets?: Record<string, string>;
}

/** The shop_name that tells this trigger's registrations apart from others of the same type. */
export function shopNameFor(url: string): string {
	return `n8n-${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
}

async function registered(ctx: IHookFunctions): Promise<IDataObject[]> {
	const { customerAccountId } = await shipHeroSettings(ctx);
	const data = await shipHeroGraphql<{ webhooks?: { data?: { edges?: Array<{ node: IDataObject }> } } }>(ctx, {
		query: `query ShipHero_webhooks${customerAccountId ? '($customer_account_id: String)' : ''} { webhooks${customerAccountId ? '(customer_account_id: $customer_account_id)' : ''} { request_id complexity data(first: 100) { edges { node { id name url shop_name } } } } }`,
		variables: customerAccountId ? { customer_account_id: customerAccountId } : undefined,
	});
	return (data.webhooks?.data?.edges ?? []).map((edge) => edge.node);
}

async function deleteWebhook(ctx: IHookFunctions, name: string, shopName: string): Promise<void> {
	const { customerAccountId } = await shipHeroSettings(ctx);
	let failure: unknown;
	try {
		await shipHeroGraphql(ctx, {
			query: 'mutation ShipHero_webhook_delete($data: DeleteWebhookInput!) { webhook_delete(data: $data) { request_id complexity } }',
			variables: { data: { name, shop_name: shopName, ...(customerAccountId ? { customer_account_id: customerAccountId } : {}) } },
			idempotent: true,
		});
	} catch (error) {
		failure = error;
	}
	// Already gone (deleted in ShipHero's UI, or auto-disabled): nothing left to remove.
	if (failure !== undefined && errorClassOf(failure) !== 'not_found') throw failure;
}

export class ShipHeroTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ShipHero WMS Trigger',
		name: 'shipHeroTrigger',
		icon: { light: 'file:shipHero.svg', dark: 'file:shipHero.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when ShipHero sends a webhook (inventory, shipments, orders, purchase orders)',
		defaults: { name: 'ShipHero WMS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'shipHeroApi', required: true },
			{
				// Not an HTTP API credential, so the "Api" suffix rule does not apply.
				// eslint-disable-next-line n8n-nodes-base/node-class-description-credentials-name-unsuffixed
				name: 'interopStateStore',
				required: false,
				testedBy: 'stateStoreCredentialTest',
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['Inventory Update'],
				description: 'The ShipHero webhooks to register; each is registered separately, with its own signing secret',
				options: WEBHOOK_EVENTS.map((name) => ({ name, value: name })),
			},
			{
				displayName:
					'Add an Interop State Store credential to ignore repeated deliveries across restarts and queue-mode processes; without it they are remembered in this n8n process only.',
				name: 'dedupeNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = { credentialTest: { stateStoreCredentialTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as StaticState;
				const url = this.getNodeWebhookUrl('default') as string;
				const events = this.getNodeParameter('events', []) as string[];
				const shopName = shopNameFor(url);
				const existing = await registered(this);
				// A registration whose secret was lost cannot be verified: it counts as missing and is recreated.
				return events.every(
					(event) =>
						Boolean(state.secrets?.[event]) &&
						existing.some((w) => w.name === event && w.shop_name === shopName && w.url === url),
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as StaticState;
				const url = this.getNodeWebhookUrl('default') as string;
				const events = this.getNodeParameter('events', []) as string[];
				const shopName = shopNameFor(url);
				const { customerAccountId } = await shipHeroSettings(this);
				const existing = await registered(this);
				const secrets: Record<string, string> = {};
				for (const event of events) {
					if (existing.some((w) => w.name === event && w.shop_name === shopName)) await deleteWebhook(this, event, shopName);
					const data = await shipHeroGraphql<{ webhook_create?: { webhook?: IDataObject } }>(this, {
						query:
							'mutation ShipHero_webhook_create($data: CreateWebhookInput!) { webhook_create(data: $data) { request_id complexity webhook { id name url shop_name shared_signature_secret } } }',
						variables: { data: { name: event, url, shop_name: shopName, ...(customerAccountId ? { customer_account_id: customerAccountId } : {}) } },
					});
					const secret = data.webhook_create?.webhook?.shared_signature_secret;
					if (typeof secret !== 'string' || secret === '') {
						throw new NodeOperationError(this.getNode(), `ShipHero returned no signing secret for the "${event}" webhook`);
					}
					secrets[event] = secret;
				}
				Object.assign(state, { shopName, url, secrets });
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as StaticState;
				const shopName = state.shopName ?? shopNameFor(this.getNodeWebhookUrl('default') as string);
				const events = new Set([...Object.keys(state.secrets ?? {}), ...(this.getNodeParameter('events', []) as string[])]);
				for (const event of events) await deleteWebhook(this, event, shopName);
				delete state.secrets;
				delete state.shopName;
				delete state.url;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = this.getWorkflowStaticData('node') as StaticState;
		const request = this.getRequestObject() as { rawBody?: Buffer; body?: unknown };
		const raw = Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.from(JSON.stringify(request.body ?? {}));
		const headers = this.getHeaderData() as Record<string, string | undefined>;
		const signature = headers['x-shiphero-hmac-sha256'];
		const body = this.getBodyData();
		const type = typeof body.webhook_type === 'string' ? body.webhook_type : undefined;
		// Check against the secret of the stated type first, then any other of this trigger's secrets.
		const secrets = Object.entries(state.secrets ?? {})
			.sort(([a], [b]) => Number(b === type) - Number(a === type))
			.map(([, secret]) => secret);
		const valid = secrets.some((key) => verifyHmac({ algorithm: 'sha256', key, payload: raw, signature, encoding: 'base64' }));
		if (!valid) {
			const res = this.getResponseObject();
			res.status(401).json({ code: '401', Status: 'Invalid signature' });
			return { noWebhookResponse: true };
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (type && !events.includes(type)) return { webhookResponse: RECEIVED };
		// ShipHero retries a delivery it thinks failed; a repeat carries the same message id (or body).
		const messageId = headers['x-shiphero-message-id'] ?? createHash('sha256').update(raw).digest('hex');
		if (!(await isFirstDelivery(this, messageId))) return { webhookResponse: RECEIVED };
		return {
			webhookResponse: RECEIVED,
			workflowData: [this.helpers.returnJsonArray([{ ...body, webhook_type: type ?? null, messageId }])],
		};
	}
}
