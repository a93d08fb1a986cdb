import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export const EXTENSIV_DEFAULT_BASE_URL = 'https://secure-wms.com';

/** The API host from the credential, without a trailing slash. */
export function extensivBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.baseUrl ?? '').trim() || EXTENSIV_DEFAULT_BASE_URL;
	return (/^https?:\/\//i.test(raw) ? raw : `https://${raw}`).replace(/\/+$/, '');
}

/**
 * Extensiv 3PL Warehouse Manager (formerly 3PL Central) REST API: OAuth 2 client credentials with
 * the WMS user the calls act as. The token request is JSON (`{"grant_type":"client_credentials",
 * "user_login_id": …}` with Basic client auth), which n8n's generic OAuth2 client cannot send (it
 * posts form-encoded bodies), so the token is fetched in `preAuthentication`: n8n stores it in the
 * credential (encrypted in its database, shared by queue-mode workers) and fetches a new one when a
 * request answers 401, which is how an expired token (after about an hour) shows.
 */
export class ExtensivApi implements ICredentialType {
	name = 'extensivApi';

	displayName = 'Extensiv 3PL Warehouse Manager API';

	icon: Icon = { light: 'file:../nodes/Extensiv/extensiv.svg', dark: 'file:../nodes/Extensiv/extensiv.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/extensiv.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: EXTENSIV_DEFAULT_BASE_URL,
			required: true,
			description: 'The 3PL Warehouse Manager API host; change it only for a sandbox or a proxy',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of the REST API credential the 3PL issued in Warehouse Manager',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'User Identified By',
			name: 'userBy',
			type: 'options',
			default: 'id',
			options: [
				{ name: 'User Login ID', value: 'id', description: 'The numeric ID of the WMS user (user_login_id)' },
				{ name: 'User Login Name', value: 'login', description: 'The login name of the WMS user (user_login)' },
			],
			description: 'How the WMS user that API calls act as is named in the token request',
		},
		{
			displayName: 'User',
			name: 'userLogin',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234',
			description: 'The WMS user the API calls act as: its login ID or login name, as chosen above',
		},
		{
			displayName: '3PL GUID',
			name: 'tpl',
			type: 'string',
			default: '',
			description: 'Only for single-tenant dynamic credentials: the GUID of the 3PL to act for (tpl)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const user = String(credentials.userLogin ?? '').trim();
		const body: IDataObject = { grant_type: 'client_credentials' };
		if (credentials.userBy === 'login') body.user_login = user;
		else body.user_login_id = user;
		const tpl = String(credentials.tpl ?? '').trim();
		if (tpl) body.tpl = tpl;
		const basic = Buffer.from(`${String(credentials.clientId ?? '')}:${String(credentials.clientSecret ?? '')}`).toString('base64');
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${extensivBaseUrl(credentials)}/AuthServer/api/Token`,
			headers: {
				Authorization: `Basic ${basic}`,
				'Content-Type': 'application/json; charset=utf-8',
				Accept: 'application/json',
			},
			body,
			json: true,
		})) as IDataObject;
		return { accessToken: String(response.access_token ?? '') };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/customers',
			qs: { pgsiz: 1, pgnum: 1 },
			headers: { Accept: 'application/hal+json' },
		},
	};
}
