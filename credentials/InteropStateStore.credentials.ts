import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Where the pack keeps durable state (watermarks, delta-sync hashes, idempotency keys, X12
 * control numbers, cross-references, audit log, exception queue). The file backend suits a
 * single n8n; queue mode (several workers) needs PostgreSQL. Not an HTTP credential: the nodes
 * that use it test it with `stateStoreCredentialTest` (their `testedBy`).
 */
// n8n-nodes-base's naming rules are written for HTTP API credentials; this one is a storage
// connection (like n8n's own `postgres` credential), and nodes refer to it by this name.
// Tested by the nodes that use it (`testedBy: 'stateStoreCredentialTest'`); it is registered in
// package.json together with the first such node.
// eslint-disable-next-line n8n-nodes-base/cred-class-name-unsuffixed
export class InteropStateStore implements ICredentialType {
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-name-unsuffixed
	name = 'interopStateStore';

	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api
	displayName = 'Interop State Store';

	icon = 'file:interopStateStore.svg' as const;

	// A full URL, as @n8n/community-nodes/credential-documentation-url requires; the camelCase slug
	// rule applies only to credentials inside n8n's own repository.
	documentationUrl =
		'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/state-store.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Backend',
			name: 'backend',
			type: 'options',
			options: [
				{
					name: 'File (Single n8n)',
					value: 'file',
					description: 'Files in the n8n user folder; for one n8n process, not for queue mode',
				},
				{
					name: 'PostgreSQL (Queue Mode)',
					value: 'postgres',
					description: 'Tables in a PostgreSQL database (n8n’s own server works); required in queue mode',
				},
			],
			default: 'file',
		},
		{
			displayName: 'Folder',
			name: 'folder',
			type: 'string',
			default: '',
			placeholder: '/home/node/.n8n/erp-interop-state',
			description:
				'Absolute path of the state folder. Empty: <n8n user folder>/.n8n/erp-interop-state.',
			displayOptions: { show: { backend: ['file'] } },
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'localhost',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 5432,
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Database',
			name: 'database',
			type: 'string',
			default: 'n8n',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: 'postgres',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'SSL',
			name: 'ssl',
			type: 'options',
			options: [
				{ name: 'Disable', value: 'disable' },
				{ name: 'Require', value: 'require', description: 'Encrypt and verify the server certificate' },
				{
					name: 'Require (Skip Certificate Check)',
					value: 'no-verify',
					description: 'Encrypt without verifying the server certificate (self-signed servers)',
				},
			],
			default: 'disable',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Schema',
			name: 'schema',
			type: 'string',
			default: 'public',
			description:
				'Schema for the erp_interop_* tables, created on first use if missing (e.g. a separate schema in n8n’s database)',
			displayOptions: { show: { backend: ['postgres'] } },
		},
	];
}
