import type {
	ICredentialDataDecryptedObject,
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	IDataObject,
	INodeProperties,
} from 'n8n-workflow';

import { newJwtId, signJwt } from '../nodes/common/auth/jwt';
import type { JwtAlgorithm } from '../nodes/common/auth/jwt';
import { tokenUrl } from '../nodes/NetSuite/transport/urls';
import { connectionFields } from '../nodes/NetSuite/transport/connectionFields';

/** How long the client assertion is valid; NetSuite refuses one valid for 60 minutes or more. */
const ASSERTION_LIFETIME_S = 30 * 60;

/**
 * NetSuite OAuth 2.0 client credentials (machine to machine): a JWT signed with the private key of
 * the certificate mapped to the integration is exchanged for a one-hour access token. n8n stores the
 * token in the hidden expirable field and asks for a new one on a 401.
 */
export class NetSuiteM2mApi implements ICredentialType {
	name = 'netSuiteM2mApi';

	displayName = 'NetSuite OAuth 2.0 Client Credentials (M2M) API';

	icon: Icon = { light: 'file:../nodes/NetSuite/netSuite.svg', dark: 'file:../nodes/NetSuite/netSuite.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/netsuite.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234567 or 1234567_SB1',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of the integration record with the Client Credentials (M2M) grant enabled',
		},
		{
			displayName: 'Certificate ID',
			name: 'certificateId',
			type: 'string',
			default: '',
			required: true,
			description: 'Setup > Integration > OAuth 2.0 Client Credentials (M2M) Setup: the ID NetSuite gives the uploaded certificate',
		},
		{
			displayName: 'Private Key (PEM)',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			required: true,
			description: 'The private key of that certificate, PKCS#8 or PKCS#1/SEC1 PEM',
		},
		{
			displayName: 'Signing Algorithm',
			name: 'algorithm',
			type: 'options',
			default: 'PS256',
			options: [
				{ name: 'PS256 (RSA-PSS)', value: 'PS256' },
				{ name: 'PS384 (RSA-PSS)', value: 'PS384' },
				{ name: 'PS512 (RSA-PSS)', value: 'PS512' },
				{ name: 'ES256 (EC P-256)', value: 'ES256' },
				{ name: 'ES384 (EC P-384)', value: 'ES384' },
				{ name: 'ES512 (EC P-521)', value: 'ES512' },
				{ name: 'RS256 (Legacy, Refused by Current NetSuite)', value: 'RS256' },
			],
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			default: ['rest_webservices'],
			options: [
				{ name: 'REST Web Services', value: 'rest_webservices' },
				{ name: 'RESTlets', value: 'restlets' },
				{ name: 'SuiteAnalytics Connect', value: 'suite_analytics' },
			],
		},
		...connectionFields,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const url = tokenUrl(credentials);
		const now = Math.floor(Date.now() / 1000);
		const scopes = Array.isArray(credentials.scopes) && credentials.scopes.length > 0 ? credentials.scopes : ['rest_webservices'];
		let assertion: string;
		try {
			assertion = signJwt(
				{ typ: 'JWT', kid: String(credentials.certificateId ?? '').trim() },
				{
					iss: String(credentials.clientId ?? '').trim(),
					scope: scopes.join(','),
					aud: url,
					iat: now,
					exp: now + ASSERTION_LIFETIME_S,
					jti: newJwtId(),
				},
				String(credentials.privateKey ?? ''),
				String(credentials.algorithm ?? 'PS256') as JwtAlgorithm,
			);
		} catch {
			// The key parser's message may quote the key; say what to fix instead.
			throw new Error(
				'The NetSuite M2M credential’s private key could not sign the client assertion: paste the certificate’s private key as PEM and pick the algorithm that matches it (PS* for RSA, ES* for EC)',
			);
		}
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
				client_assertion: assertion,
			}).toString(),
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: true,
		})) as { statusCode: number; body: IDataObject | string };
		const body = typeof response.body === 'string' ? safeJson(response.body) : (response.body ?? {});
		if (response.statusCode !== 200 || typeof body.access_token !== 'string') {
			const code = typeof body.error === 'string' ? ` ${body.error}` : '';
			throw new Error(
				`NetSuite refused the client credentials token request (HTTP ${response.statusCode}${code}): check the Account ID, Client ID, Certificate ID, private key, algorithm and scopes, and that the certificate is mapped to this integration and an active role`,
			);
		}
		return { accessToken: body.access_token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://" + $credentials.accountId.trim().toLowerCase().replace(/_/g, "-") + ".suitetalk.api.netsuite.com"}}',
			url: '/services/rest/record/v1/metadata-catalog',
			method: 'GET',
		},
	};
}

function safeJson(text: string): IDataObject {
	try {
		const parsed = JSON.parse(text) as unknown;
		return typeof parsed === 'object' && parsed !== null ? (parsed as IDataObject) : {};
	} catch {
		return {};
	}
}
