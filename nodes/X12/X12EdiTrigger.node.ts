import { createHash } from 'node:crypto';

import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { stateStoreCredentialTest } from '../common/state/credentialTest';
import { isFirstDelivery } from '../common/webhooks/dedupe';
import { X12_HTTP_CREDENTIAL } from './transport';
import { verifyEdiSignature } from './transport/signature';

interface TriggerCredential {
	sharedSecret?: string;
	signatureHeader?: string;
	toleranceSeconds?: number;
}

interface RawRequest {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	body?: unknown;
}

/** ISA fields read from the fixed-width header without parsing the file (the workflow's X12 node does that). */
function isaSummary(text: string): IDataObject | undefined {
	const start = text.replace(/^\uFEFF/, '').trimStart();
	if (!start.startsWith('ISA') || start.length < 106) return undefined;
	const fields = start.slice(0, 106).split(start.charAt(3));
	if (fields.length < 17) return undefined;
	return {
		senderQualifier: fields[5].trim(),
		sender: fields[6].trim(),
		receiverQualifier: fields[7].trim(),
		receiver: fields[8].trim(),
		controlNumber: fields[13].trim(),
		usage: fields[15].trim(),
	};
}

function refuse(ctx: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ error });
	return { noWebhookResponse: true };
}

// A trading partner's endpoint for us is agreed and configured on their side (their AS2/VAN profile),
// not through an API: there is no remote subscription to check, create or delete.
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete
export class X12EdiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'X12 EDI Trigger',
		name: 'x12EdiTrigger',
		icon: { light: 'file:x12Edi.svg', dark: 'file:x12Edi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"POST /webhook/" + $parameter["path"]}}',
		description: 'Starts the workflow when a trading partner (or its AS2/VAN gateway) POSTs a signed X12 file over HTTPS',
		defaults: { name: 'X12 EDI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: X12_HTTP_CREDENTIAL, required: true },
			{
				// Not an HTTP API credential, so the "Api" suffix rule does not apply.
				// eslint-disable-next-line n8n-nodes-base/node-class-description-credentials-name-unsuffixed
				name: 'interopStateStore',
				required: false,
				testedBy: 'stateStoreCredentialTest',
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: '={{$parameter["path"]}}', isFullPath: true }],
		properties: [
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				required: true,
				default: 'edi/inbound',
				placeholder: 'edi/retailer-a',
				description: 'The partner POSTs to the n8n webhook URL ending in /webhook/ and this path; give each partner (or workflow) its own path',
			},
			{
				displayName:
					'Deliveries must carry the X12 over HTTPS signature (t=…,v1=HMAC-SHA256 of "t." + body with the shared secret). Unsigned, forged and stale deliveries get 401 and start nothing; anything that is not an X12 interchange gets 400.',
				name: 'signatureNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Repeated Deliveries',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description:
							'Whether a file received before (same bytes, within 4 days) is answered 200 without starting a run: partners and gateways resend when unsure. With an Interop State Store credential this holds across restarts and queue-mode processes.',
					},
					{
						displayName: 'Include Text in JSON',
						name: 'includeText',
						type: 'boolean',
						default: false,
						description:
							'Whether to put the file’s text in "edi" as well as in the binary field: handy for small files (POs, acknowledgements), which then also survive in the Exception Queue without their binary data',
					},
					{
						displayName: 'Put File in Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'The binary field the received file is put in, for the X12 EDI node',
					},
				],
			},
		],
	};

	methods = { credentialTest: { stateStoreCredentialTest } };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as RawRequest;
		if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') await request.readRawBody();
		const raw = Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.from(typeof request.body === 'string' ? request.body : '');
		const credential = (await this.getCredentials(X12_HTTP_CREDENTIAL)) as TriggerCredential;
		const headerName = String(credential.signatureHeader || 'X-EDI-Signature').toLowerCase();
		const headers = this.getHeaderData() as Record<string, string | string[] | undefined>;
		const header = headers[headerName];
		const check = verifyEdiSignature(String(credential.sharedSecret ?? ''), raw, Array.isArray(header) ? header[0] : header, Number(credential.toleranceSeconds) || 300);
		if (!check.valid) return refuse(this, 401, 'Invalid or missing signature');

		const text = raw.toString('utf8');
		const isa = isaSummary(text);
		if (!isa) return refuse(this, 400, raw.length === 0 ? 'The body is empty' : 'The body is not an X12 interchange (it must start with a complete ISA segment)');

		const options = this.getNodeParameter('options', {}) as { ignoreRepeats?: boolean; binaryPropertyName?: string; includeText?: boolean };
		const messageId = createHash('sha256').update(raw).digest('hex');
		if (options.ignoreRepeats !== false && !(await isFirstDelivery(this, messageId))) {
			return { webhookResponse: { received: true, duplicate: true, messageId } };
		}
		const fileName = `${String(isa.sender)}-${String(isa.controlNumber)}.edi`;
		const binary = await this.helpers.prepareBinaryData(raw, fileName, 'application/edi-x12');
		const partnerMessageId = headers['x-edi-message-id'];
		return {
			webhookResponse: { received: true, messageId },
			workflowData: [
				[
					{
						json: {
							messageId,
							...(partnerMessageId ? { partnerMessageId: String(partnerMessageId) } : {}),
							receivedAt: new Date().toISOString(),
							bytes: raw.length,
							interchange: isa,
							...(options.includeText ? { edi: text } : {}),
						},
						binary: { [options.binaryPropertyName || 'data']: binary },
					},
				],
			],
		};
	}
}
