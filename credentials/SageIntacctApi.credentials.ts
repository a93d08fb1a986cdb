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

import { buildRequest } from '../nodes/SageIntacct/transport/envelope';
import { authenticateRequest, DEFAULT_ENDPOINT, openSession } from '../nodes/SageIntacct/transport/session';

/**
 * Sage Intacct XML Web Services: a Web Services sender (ID + password, authorised per company)
 * and a Web Services user of the company. The user's login opens a session with getAPISession
 * (preAuthentication); n8n keeps it in the hidden fields below and renews it when it expires.
 */
export class SageIntacctApi implements ICredentialType {
	name = 'sageIntacctApi';

	displayName = 'Sage Intacct API';

	icon: Icon = { light: 'file:../nodes/SageIntacct/sageIntacct.svg', dark: 'file:../nodes/SageIntacct/sageIntacct.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/sage-intacct.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Sender ID',
			name: 'senderId',
			type: 'string',
			default: '',
			required: true,
			description: 'Web Services sender ID (from your Sage Intacct Web Services developer licence)',
		},
		{
			displayName: 'Sender Password',
			name: 'senderPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
			description: 'The company ID you sign in to Sage Intacct with',
		},
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			default: '',
			description: 'For a multi-entity company: the entity (location ID) to work in; empty works at the top level',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			description: 'A Web Services user of the company (Company > Admin > Users, user type Web Services)',
		},
		{
			displayName: 'User Password',
			name: 'userPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Endpoint URL',
			name: 'endpointUrl',
			type: 'string',
			default: DEFAULT_ENDPOINT,
			description: 'The XML gateway. Change it only for a sandbox or a proxy.',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 2,
			description:
				'Requests in flight at once for this company, shared by all executions in this n8n process. Your performance tier sets the limit (2 by default).',
		},
		{
			displayName: 'Session ID',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{ displayName: 'Session Endpoint', name: 'sessionEndpoint', type: 'hidden', default: '' },
		{ displayName: 'Session Created At', name: 'sessionCreatedAt', type: 'hidden', default: 0 },
		{ displayName: 'Session Expires At', name: 'sessionExpiresAt', type: 'hidden', default: 0 },
		{ displayName: 'Session Account', name: 'sessionAccount', type: 'hidden', default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await openSession(this.helpers, credentials);
	}

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => await authenticateRequest(credentials, requestOptions);

	// The sign-in itself (preAuthentication, always run for a test) checks sender and user; this
	// request then uses the new session once.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.endpointUrl}}',
			url: '',
			method: 'POST',
			headers: { 'Content-Type': 'application/xml' },
			body: buildRequest([{ controlId: 'test', xml: '<getAPISession/>' }], { controlId: 'credential-test' }),
		},
	};
}
