import type { INodeProperties } from 'n8n-workflow';

import { HaloPsaOAuth2Api } from '../../credentials/HaloPsaOAuth2Api.credentials';
import { resources } from '../../nodes/HaloPsa/actions/resources';
import { HaloPsaTrigger } from '../../nodes/HaloPsa/HaloPsaTrigger.node';
import { node } from './helpers';

describe('HaloPSA node description', () => {
	const resourceOptions = (node.description.properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;

	it('offers every resource with an operation module for each operation it lists', () => {
		expect(resourceOptions.map((o) => o.value).sort()).toEqual(Object.keys(resources).sort());
		for (const [name, resource] of Object.entries(resources)) {
			const selector = resource.description.find((p: INodeProperties) => p.name === 'operation');
			const listed = ((selector?.options ?? []) as Array<{ value: string }>).map((o) => o.value).sort();
			expect([name, listed]).toEqual([name, Object.keys(resource.operations).sort()]);
		}
	});

	it('does not clash with n8n’s built-in HaloPSA node and is usable as a tool', () => {
		expect(node.description.displayName).not.toBe('HaloPSA');
		expect(new HaloPsaTrigger().description.displayName).not.toBe('HaloPSA Trigger');
		expect(node.description.usableAsTool).toBe(true);
	});

	it('builds the token URL from the authorisation server and tenant', () => {
		const credential = new HaloPsaOAuth2Api();
		const tokenUrl = credential.properties.find((p) => p.name === 'accessTokenUrl')?.default as string;
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(credential.properties.find((p) => p.name === 'grantType')?.default).toBe('clientCredentials');
		// The expression, evaluated as n8n would for a hosted and a self-hosted instance.
		const evaluate = (self: Record<string, string>) =>
			tokenUrl
				.slice(1)
				.replace(/\{\{(.+?)\}\}/g, (_m, expr: string) => String(new Function('$self', `return (${expr});`)(self)));
		expect(evaluate({ authServerUrl: 'https://acme.halopsa.com/auth/', tenant: 'acme' })).toBe('https://acme.halopsa.com/auth/token?tenant=acme');
		expect(evaluate({ authServerUrl: 'https://halo.example.org/auth', tenant: '' })).toBe('https://halo.example.org/auth/token');
	});
});
