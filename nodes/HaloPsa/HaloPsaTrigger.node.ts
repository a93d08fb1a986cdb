import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { credentialProblem, webhookAuthorised } from './trigger/auth';
import { WEBHOOK_CREDENTIAL, registerWebhook, unregisterWebhook, webhookExists } from './trigger/lifecycle';

export class HaloPsaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaloPSA Interop Trigger',
		name: 'haloPsaTrigger',
		icon: { light: 'file:haloPsa.svg', dark: 'file:haloPsa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["register"] ? "Registered in Halo" : "Configured in Halo"}}',
		description: 'Starts the workflow when a HaloPSA webhook is delivered',
		defaults: { name: 'HaloPSA Interop Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'haloPsaWebhookApi', required: true, testedBy: 'haloPsaWebhookTest' },
			{ name: 'haloPsaOAuth2Api', required: true, displayOptions: { show: { register: [true] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'In Halo, add a webhook under Configuration > Integrations > Webhooks with this node’s Production URL as Payload URL, content type application/json, the events to send, and the authentication of the HaloPSA Webhook credential (Basic, or a Bearer token / API key header).',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Register Webhook in Halo',
				name: 'register',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the webhook to Halo through the API on activation (and remove it on deactivation); its events are then chosen in Halo. Needs Basic authentication.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Events',
						name: 'events',
						type: 'string',
						default: '',
						placeholder: 'e.g. ticket_created, ticket_updated',
						description: 'Comma-separated event names to run for; others are acknowledged without a run. Empty runs for every delivery.',
					},
					{
						displayName: 'Split Batches',
						name: 'splitBatches',
						type: 'boolean',
						default: true,
						description: 'Whether a batched delivery (a JSON array) becomes one item per event',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async haloPsaWebhookTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const problem = credentialProblem((credential.data ?? {}) as ICredentialDataDecryptedObject);
				return problem ? { status: 'Error', message: problem } : { status: 'OK', message: 'The webhook secret is usable' };
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregisterWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		let credentials: ICredentialDataDecryptedObject | undefined;
		try {
			credentials = await this.getCredentials<ICredentialDataDecryptedObject>(WEBHOOK_CREDENTIAL);
		} catch {
			credentials = undefined;
		}
		if (!credentials || !webhookAuthorised(credentials, this.getHeaderData() as IDataObject)) {
			const res = this.getResponseObject();
			if (credentials?.authentication !== 'headerAuth') res.setHeader('WWW-Authenticate', 'Basic realm="n8n HaloPSA webhook"');
			res.status(401).json({ message: 'Authorization is required' });
			return { noWebhookResponse: true };
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const body = this.getBodyData() as unknown;
		const events = options.splitBatches !== false && Array.isArray(body) ? (body as IDataObject[]) : [body as IDataObject];
		const wanted = String(options.events ?? '')
			.split(',')
			.map((event) => event.trim().toLowerCase())
			.filter(Boolean);
		const selected = wanted.length ? events.filter((event) => wanted.includes(String(event?.event ?? '').toLowerCase())) : events;
		if (selected.length === 0) return { webhookResponse: { received: true, ignored: events.length } };
		return { workflowData: [this.helpers.returnJsonArray(selected)] };
	}
}
