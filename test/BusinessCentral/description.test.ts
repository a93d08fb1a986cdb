import type { INodeProperties } from 'n8n-workflow';

import { Workflow } from 'n8n-workflow';
import type { INode, INodeTypes } from 'n8n-workflow';

import { credentialType, node, trigger } from './helpers';
import { resources } from '../../nodes/BusinessCentral/actions/resources';

describe('Business Central node description', () => {
	it('offers an operation module for every operation option of every resource', () => {
		const resourceOptions = (node.description.properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
		for (const { value } of resourceOptions) {
			const resource = resources[value as keyof typeof resources];
			const selector = resource.description.find((p: INodeProperties) => p.name === 'operation');
			const ops = ((selector?.options ?? []) as Array<{ value: string }>).map((o) => o.value).sort();
			expect(Object.keys(resource.operations).sort()).toEqual(ops);
		}
	});

	it('is usable as a tool and both nodes use the OAuth2 credential; display names do not clash with n8n', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.displayName).toBe('Business Central');
		expect(trigger.description.credentials).toEqual([
			{ name: 'businessCentralOAuth2Api', required: true },
			{ name: 'interopStateStore', required: false, testedBy: 'stateStoreCredentialTest' },
		]);
		expect(trigger.description.webhooks?.[0]).toMatchObject({ httpMethod: 'POST', path: 'webhook' });
	});

	it('builds the Entra ID token URL from the tenant and an optional login URL override', () => {
		const tokenUrl = credentialType.properties.find((p) => p.name === 'accessTokenUrl')?.default as string;
		const noNodeTypes = { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) } as unknown as INodeTypes;
		const exprNode = { id: '1', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
		const workflow = new Workflow({ id: 'w', nodes: [exprNode], connections: {}, active: false, nodeTypes: noNodeTypes });
		const resolve = (self: Record<string, string>) =>
			workflow.expression.getSimpleParameterValue(exprNode, tokenUrl, 'internal', { $self: self }, undefined, '');
		expect(resolve({ tenantId: 'contoso.onmicrosoft.com', loginUrl: 'https://login.microsoftonline.com' })).toBe(
			'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
		);
		expect(resolve({ tenantId: 't1', loginUrl: 'http://127.0.0.1:4010/businesscentral/' })).toBe('http://127.0.0.1:4010/businesscentral/t1/oauth2/v2.0/token');
		expect(credentialType.extends).toEqual(['oAuth2Api']);
		expect(credentialType.properties.find((p) => p.name === 'grantType')?.default).toBe('clientCredentials');
		expect(credentialType.properties.find((p) => p.name === 'scope')?.default).toBe('https://api.businesscentral.dynamics.com/.default');
		expect(credentialType.test.request.url).toBe('/companies');
	});
});
