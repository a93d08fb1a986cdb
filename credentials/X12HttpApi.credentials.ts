import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { ediSignatureHeader } from '../nodes/X12/transport/signature';

/**
 * EDI over HTTPS with a trading partner (directly, or through the HTTPS intake of their AS2 gateway or
 * VAN): where documents for them are POSTed, and the shared secret both sides sign bodies with.
 * Every request through this credential carries `t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * "<t>." + body)>` in the signature header; the X12 EDI Trigger checks the same on what they send.
 */
export class X12HttpApi implements ICredentialType {
	name = 'x12HttpApi';

	displayName = 'X12 over HTTPS API';

	icon = 'file:x12TradingPartner.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/x12.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Partner Endpoint URL',
			name: 'partnerUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://edi.partner.example/inbound',
			description: 'Where the X12 EDI node sends documents for this partner (their HTTPS intake, or their AS2/VAN gateway’s)',
		},
		{
			displayName: 'Shared Secret',
			name: 'sharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The HMAC-SHA256 key agreed with the partner; it signs what we send and verifies what they send',
		},
		{
			displayName: 'Signature Header',
			name: 'signatureHeader',
			type: 'string',
			default: 'X-EDI-Signature',
			description: 'HTTP header carrying the signature, in both directions',
		},
		{
			displayName: 'Timestamp Tolerance (Seconds)',
			name: 'toleranceSeconds',
			type: 'number',
			typeOptions: { minValue: 30, maxValue: 3600 },
			default: 300,
			description: 'How old (or early) a signed delivery may be before the X12 EDI Trigger refuses it as a possible replay',
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const header = String(credentials.signatureHeader || 'X-EDI-Signature');
		const signature = ediSignatureHeader(String(credentials.sharedSecret ?? ''), requestOptions.body, Math.floor(Date.now() / 1000));
		return { ...requestOptions, headers: { ...requestOptions.headers, [header]: signature } };
	}

	// A signed GET of the endpoint: the partner answers 2xx when the secret matches.
	test: ICredentialTestRequest = {
		request: {
			url: '={{$credentials.partnerUrl}}',
			method: 'GET',
		},
	};
}
