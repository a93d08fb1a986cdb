import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { apiRoot, DEFAULT_DISCOVERY_URL } from '../nodes/AutotaskPsa/transport/zone';

/**
 * Autotask PSA REST API user. Every request carries the `UserName`, `Secret` and
 * `ApiIntegrationCode` headers. The zone (which webservicesN host serves the database) is found
 * with `zoneInformation` by the node's transport, which caches it per user name; the hidden
 * `zoneApiUrl` only lets the credential test reach the zone.
 */
export class AutotaskPsaApi implements ICredentialType {
	name = 'autotaskPsaApi';

	displayName = 'Autotask PSA API';

	icon: Icon = {
		light: 'file:../nodes/AutotaskPsa/autotaskPsa.svg',
		dark: 'file:../nodes/AutotaskPsa/autotaskPsa.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/autotask-psa.md';

	properties: INodeProperties[] = [
		{
			displayName: 'API User Name',
			name: 'userName',
			type: 'string',
			default: '',
			placeholder: 'e.g. n8n-api@example.com',
			required: true,
			description: 'User name of an API-only resource (Admin > Resources/Users, security level API User)',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		// The tracking identifier is not a password, but it names the integration every call is billed to.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'API Integration Code',
			name: 'integrationCode',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The tracking identifier chosen on the API user (Integration vendor or Custom)',
		},
		{
			displayName: 'Zone URL',
			name: 'zoneUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://webservices3.autotask.net/atservicesrest',
			description: 'Leave empty to discover the zone from the user name; set it to skip the discovery call',
		},
		{
			displayName: 'Zone Discovery URL',
			name: 'discoveryUrl',
			type: 'string',
			default: DEFAULT_DISCOVERY_URL,
			description: 'Where zoneInformation is asked; change it only to point at a sandbox',
		},
		{
			displayName: 'Impersonation Resource ID',
			name: 'impersonationResourceId',
			type: 'string',
			default: '',
			description: 'Optional resource ID to attribute writes to (ImpersonationResourceId header)',
		},
		{
			displayName: 'Max Requests per Hour',
			name: 'requestsPerHour',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 10000,
			description:
				'Paces requests with this credential across all executions in this n8n process; Autotask allows 10,000 per hour per database for all integrations together. 0 means no pacing.',
		},
		{
			displayName: 'Zone API URL',
			name: 'zoneApiUrl',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	/** Resolves the zone for the credential test (and refreshes it when Autotask answers 401). */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const fixed = String(credentials.zoneUrl ?? '').trim();
		if (fixed) return { zoneApiUrl: apiRoot(fixed) };
		const discovery = apiRoot(String(credentials.discoveryUrl ?? '').trim() || DEFAULT_DISCOVERY_URL);
		const zone = (await this.helpers.httpRequest({
			method: 'GET',
			url: `${discovery}/zoneInformation`,
			qs: { user: String(credentials.userName ?? '').trim() },
			json: true,
		})) as IDataObject;
		if (typeof zone?.url !== 'string' || !zone.url) {
			throw new Error('Autotask zoneInformation did not return a zone for this user name; check the API User Name');
		}
		return { zoneApiUrl: apiRoot(zone.url) };
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const impersonation = String(credentials.impersonationResourceId ?? '').trim();
		const out: IHttpRequestOptions = {
			...request,
			headers: {
				...request.headers,
				UserName: String(credentials.userName ?? '').trim(),
				Secret: String(credentials.secret ?? ''),
				ApiIntegrationCode: String(credentials.integrationCode ?? '').trim(),
				...(impersonation ? { ImpersonationResourceId: impersonation } : {}),
			},
		};
		// Only the credential test sends a path without a host: it goes to the zone found above.
		if (!out.baseURL && !/^https?:\/\//i.test(out.url) && credentials.zoneApiUrl) {
			out.baseURL = String(credentials.zoneApiUrl);
		}
		return out;
	}

	test: ICredentialTestRequest = {
		request: { method: 'GET', url: '/ThresholdInformation' },
	};
}
