import type { INodeProperties } from 'n8n-workflow';

import { resources } from '../../nodes/ShipHero/actions/resources';
import { ShipHeroTrigger } from '../../nodes/ShipHero/ShipHeroTrigger.node';
import { credentialType, node } from './helpers';

describe('ShipHero node description', () => {
	const properties = node.description.properties;
	const resourceOptions = (properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;

	it('offers every resource it routes, each operation with an implementation', () => {
		expect(resourceOptions.map((o) => o.value).sort()).toEqual(Object.keys(resources).sort());
		for (const [resource, module] of Object.entries(resources)) {
			const selector = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource)) as INodeProperties;
			const values = ((selector.options ?? []) as Array<{ value: string }>).map((o) => o.value).sort();
			expect(values).toEqual(Object.keys(module.operations).sort());
			for (const operation of Object.values(module.operations)) expect(typeof operation.execute).toBe('function');
		}
	});

	it('gives every list operation Return All / Limit and native filters', () => {
		for (const resource of ['order', 'product', 'inventory', 'shipment', 'purchaseOrder']) {
			const shown = (name: string) =>
				properties.some((p) => p.name === name && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes('getAll'));
			expect([resource, shown('returnAll'), shown('limit'), shown('filters')]).toEqual([resource, true, true, true]);
		}
	});

	it('is usable as a tool, and its credential has authenticate, a refresh and a cheap test', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.displayName).toBe('ShipHero WMS');
		expect(credentialType.authenticate).toBeDefined();
		expect(typeof credentialType.preAuthentication).toBe('function');
		expect(credentialType.properties.find((p) => p.name === 'accessToken')).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		expect(JSON.stringify(credentialType.test.request.body)).toContain('account');
	});

	it('declares the trigger’s webhook and the optional state store', () => {
		const trigger = new ShipHeroTrigger().description;
		expect(trigger.webhooks).toEqual([expect.objectContaining({ httpMethod: 'POST', path: 'webhook' })]);
		expect(trigger.credentials?.map((c) => [c.name, c.required])).toEqual([
			['shipHeroApi', true],
			['interopStateStore', false],
		]);
	});
});
