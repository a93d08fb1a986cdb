import { NodeConnectionTypes } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { verifyTimestampedHmac } from '../common/webhooks/signature';
import { authenticationProperty, credentials } from './actions/authentication';
import { credentialTypeOf } from './transport';

/** `X-NetSuite-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as the documented user-event script sends it. */
export const SIGNATURE_HEADER = 'x-netsuite-signature';

// NetSuite has no API to register a webhook: the user-event script is deployed in the account (see the
// docs), so there is no remote subscription to check, create or delete.
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete
export class NetSuiteUserEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite ERP User Event Trigger',
		name: 'netSuiteUserEventTrigger',
		icon: { light: 'file:netSuite.svg', dark: 'file:netSuite.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["recordTypes"] || "all record types"}}',
		description: 'Starts a workflow when the NetSuite user-event script posts a signed record event',
		defaults: { name: 'NetSuite ERP User Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'netsuite-events' }],
		properties: [
			authenticationProperty,
			{
				displayName:
					'Deploy the user-event script from the NetSuite ERP docs on the record types to watch, with this webhook URL and the credential’s User Event Webhook Secret. Forged or stale (older than 5 minutes) deliveries are answered 401 and start nothing.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Record Types',
				name: 'recordTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. salesOrder,customer',
				description: 'Comma-separated record types to accept; empty accepts every type the script posts',
			},
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(credentialTypeOf(this));
		const secret = String(credentials.webhookSecret ?? '');
		const raw = (req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.from(JSON.stringify(req.body ?? {}));
		const header = req.headers[SIGNATURE_HEADER];
		const check = secret
			? verifyTimestampedHmac({ header: Array.isArray(header) ? header[0] : header, payload: raw, secret, toleranceSeconds: 300 })
			: ({ valid: false, reason: 'the credential has no User Event Webhook Secret' } as const);
		if (!check.valid) {
			res.status(401).json({ message: `Signature check failed: ${check.reason}` });
			return { noWebhookResponse: true };
		}
		const body = (req.body ?? {}) as IDataObject;
		const wanted = String(this.getNodeParameter('recordTypes', '') ?? '')
			.split(',')
			.map((t) => t.trim().toLowerCase())
			.filter(Boolean);
		if (wanted.length > 0 && !wanted.includes(String(body.recordType ?? '').toLowerCase())) {
			// Accepted (the script should not retry) but not a run.
			res.status(200).json({ ignored: true });
			return { noWebhookResponse: true };
		}
		return { workflowData: [this.helpers.returnJsonArray({ ...body, signedAt: new Date(check.timestamp * 1000).toISOString() })] };
	}
}
