import { randomBytes } from 'node:crypto';

import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { autotaskApi, autotaskRequest } from './transport';
import { entityFields } from './transport/metadata';
import { stateStoreCredentialTest } from '../common/state';
import { isFirstDelivery } from '../common/webhooks/dedupe';
import { deliveryKey, verifyAutotaskSignature, WEBHOOK_ENTITIES } from './trigger/webhooks';
import type { WebhookEntity } from './trigger/webhooks';

interface WebhookState extends IDataObject {
	webhookId?: number;
	secret?: string;
	entity?: string;
	url?: string;
}

const EVENT_FIELDS = {
	create: 'IsSubscribedToCreateEvents',
	update: 'IsSubscribedToUpdateEvents',
	delete: 'IsSubscribedToDeleteEvents',
} as const;

function entityOf(ctx: IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions, value?: unknown) {
	const key = String(value ?? '') as WebhookEntity;
	if (!Object.hasOwn(WEBHOOK_ENTITIES, key)) {
		throw new NodeOperationError(ctx.getNode(), `Autotask sends no webhooks for "${key}"`);
	}
	return WEBHOOK_ENTITIES[key];
}

function toIds(values: unknown): number[] {
	return (Array.isArray(values) ? values : [])
		.map((v) => Number(v))
		.filter((v) => Number.isInteger(v) && v > 0);
}

export class AutotaskPsaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Autotask PSA Trigger',
		name: 'autotaskPsaTrigger',
		icon: { light: 'file:autotaskPsa.svg', dark: 'file:autotaskPsa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["entity"] + ": " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Autotask PSA sends a webhook for a company, contact, ticket, ticket note or configuration item',
		defaults: { name: 'Autotask PSA Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'autotaskPsaApi', required: true },
			// Optional: with it, duplicate deliveries are recognised across n8n processes, not only in this one.
			// eslint-disable-next-line n8n-nodes-base/node-class-description-credentials-name-unsuffixed
			{ name: 'interopStateStore', required: false, testedBy: 'stateStoreCredentialTest' },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Entity',
				name: 'entity',
				type: 'options',
				noDataExpression: true,
				options: Object.entries(WEBHOOK_ENTITIES).map(([value, e]) => ({ name: e.name, value })),
				default: 'ticket',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Created', value: 'create' },
					{ name: 'Deleted', value: 'delete' },
					{ name: 'Updated', value: 'update' },
				],
				default: ['create', 'update'],
			},
			{
				displayName: 'Watched Field Names or IDs',
				name: 'subscribedFields',
				type: 'multiOptions',
				required: true,
				typeOptions: { loadOptionsMethod: 'getWebhookFields', loadOptionsDependsOn: ['entity'] },
				default: [],
				description:
					'An update sends the webhook only when one of these fields changes; Autotask requires at least one. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Always Sent Field Names or IDs',
				name: 'displayAlwaysFields',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getWebhookFields', loadOptionsDependsOn: ['entity'] },
				default: [],
				description:
					'Fields included in every payload even when unchanged. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Record',
						name: 'fetchRecord',
						type: 'boolean',
						default: false,
						description: 'Whether to add the whole record (as "record") to create and update events; costs one API call per event',
					},
					{
						displayName: 'Ignore Duplicate Deliveries',
						name: 'dedupe',
						type: 'boolean',
						default: true,
						description: 'Whether a delivery repeating an event (same Guid and SequenceNumber) starts no run. Seen events are kept for four days, in the state store when one is selected, else in this process.',
					},
					{
						displayName: 'Notification Email',
						name: 'notificationEmail',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
						description: 'Where Autotask writes when it deactivates the webhook or the API threshold is exceeded',
					},
					{
						displayName: 'Send Threshold Exceeded Notification',
						name: 'thresholdNotification',
						type: 'boolean',
						default: false,
					},
					{
						displayName: 'Webhook Name',
						name: 'name',
						type: 'string',
						default: '',
						description: 'Name shown in Autotask; by default "n8n: " and the workflow name',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: { stateStoreCredentialTest },
		loadOptions: {
			/** The fields a webhook can watch: the FieldID picklist of `<Entity>WebhookFields`. */
			async getWebhookFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const target = entityOf(this, this.getCurrentNodeParameter('entity'));
				const fields = await entityFields(this, target.fields);
				const fieldId = fields.find((f) => f.name.toLowerCase() === 'fieldid');
				return (fieldId?.picklistValues ?? [])
					.filter((v) => v.isActive !== false)
					.map((v) => ({ name: v.label, value: String(v.value) }))
					.sort((a, b) => a.name.localeCompare(b.name));
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				const target = entityOf(this, this.getNodeParameter('entity'));
				if (!state.webhookId || !state.secret || state.entity !== target.webhooks) return false;
				const response = await autotaskRequest<IDataObject>(this, {
					path: `${target.webhooks}/${state.webhookId}`,
					acceptStatus: [404],
				});
				const item = (response.body?.item ?? undefined) as IDataObject | undefined;
				const url = this.getNodeWebhookUrl('default');
				const same = item && String(item.webhookUrl ?? item.WebhookUrl ?? '') === url && (item.isActive ?? item.IsActive) !== false;
				if (same) return true;
				// Gone, moved or deactivated by Autotask: forget it so create() registers a fresh one.
				if (item) {
					await autotaskRequest(this, { method: 'DELETE', path: `${target.webhooks}/${state.webhookId}`, acceptStatus: [404] });
				}
				for (const key of Object.keys(state)) delete state[key];
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				const target = entityOf(this, this.getNodeParameter('entity'));
				const events = this.getNodeParameter('events', []) as Array<keyof typeof EVENT_FIELDS>;
				const subscribed = toIds(this.getNodeParameter('subscribedFields', []));
				const always = toIds(this.getNodeParameter('displayAlwaysFields', []));
				const options = this.getNodeParameter('options', {}) as IDataObject;
				if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
				if (subscribed.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Choose at least one watched field', {
						description: 'Autotask activates a webhook only once it has a subscribed field.',
					});
				}
				const url = this.getNodeWebhookUrl('default') as string;
				// Autotask accepts up to 64 characters; 32 random bytes in base64url are 43.
				const secret = randomBytes(32).toString('base64url');
				const name = String(options.name ?? '').trim() || `n8n: ${this.getWorkflow().name ?? this.getWorkflow().id ?? 'workflow'}`;
				const body: IDataObject = {
					IsActive: true,
					Name: name.slice(0, 50),
					WebhookUrl: url,
					DeactivationUrl: url,
					SecretKey: secret,
					SendThresholdExceededNotification: options.thresholdNotification === true,
					...(options.notificationEmail ? { NotificationEmailAddress: String(options.notificationEmail) } : {}),
				};
				for (const [event, field] of Object.entries(EVENT_FIELDS)) body[field] = events.includes(event as keyof typeof EVENT_FIELDS);
				const created = await autotaskApi<IDataObject>(this, { method: 'POST', path: target.webhooks, body });
				const webhookId = Number(created?.itemId);
				if (!Number.isInteger(webhookId) || webhookId <= 0) {
					throw new NodeOperationError(this.getNode(), 'Autotask did not return the new webhook’s ID');
				}
				const addFields = async () => {
					for (const fieldId of new Set([...subscribed, ...always])) {
						await autotaskApi(this, {
							method: 'POST',
							path: `${target.webhooks}/${webhookId}/Fields`,
							body: {
								WebhookID: webhookId,
								FieldID: fieldId,
								IsSubscribedField: subscribed.includes(fieldId),
								IsDisplayAlwaysField: always.includes(fieldId),
							},
						});
					}
				};
				const failure = await addFields().then(
					() => undefined,
					(error: unknown) => error as NodeApiError | NodeOperationError,
				);
				if (failure) {
					// A webhook without its fields would never fire; do not leave it behind.
					await autotaskRequest(this, { method: 'DELETE', path: `${target.webhooks}/${webhookId}`, acceptStatus: [404] }).catch(() => undefined);
					throw failure;
				}
				Object.assign(state, { webhookId, secret, entity: target.webhooks, url });
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				if (state.webhookId && state.entity) {
					await autotaskRequest(this, { method: 'DELETE', path: `${state.entity}/${state.webhookId}`, acceptStatus: [404] });
				}
				for (const key of Object.keys(state)) delete state[key];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const state = this.getWorkflowStaticData('node') as WebhookState;
		const rawBody: Buffer = (req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.from(JSON.stringify(req.body ?? {}));
		const signature = this.getHeaderData()['x-hook-signature'] as string | undefined;

		if (!state.secret || !verifyAutotaskSignature(state.secret, rawBody, signature)) {
			res.status(401).json({ message: 'Invalid X-Hook-Signature' });
			return { noWebhookResponse: true };
		}

		const payload = (this.getBodyData() ?? {}) as IDataObject;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (options.dedupe !== false) {
			if (!(await isFirstDelivery(this, deliveryKey(payload, rawBody)))) {
				res.status(200).json({ message: 'Duplicate delivery ignored' });
				return { noWebhookResponse: true };
			}
		}

		const events = this.getNodeParameter('events', []) as string[];
		const action = String(payload.Action ?? payload.action ?? '').toLowerCase();
		if (action && !events.includes(action)) return { webhookResponse: { message: 'Event not selected' } };

		const item: IDataObject = { ...payload };
		if (options.fetchRecord === true && action !== 'delete') {
			const target = entityOf(this, this.getNodeParameter('entity'));
			const id = Number(payload.Id ?? payload.id);
			if (Number.isInteger(id) && id > 0) {
				const body = await autotaskApi<IDataObject>(this, { path: `${target.entity}/${id}` });
				item.record = (body?.item ?? null) as IDataObject | null;
			}
		}
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
