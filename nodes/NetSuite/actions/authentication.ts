import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { M2M_CREDENTIAL, TBA_CREDENTIAL } from '../transport';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Token-Based Auth (OAuth 1.0a)', value: 'tba' },
		{ name: 'OAuth 2.0 Client Credentials (M2M)', value: 'm2m' },
	],
	default: 'tba',
};

export const credentials: INodeCredentialDescription[] = [
	{ name: TBA_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['tba'] } } },
	{ name: M2M_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['m2m'] } } },
];
