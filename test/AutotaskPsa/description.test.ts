import type { INodeProperties } from 'n8n-workflow';

import { ENTITIES } from '../../nodes/AutotaskPsa/actions/entities';
import { resources } from '../../nodes/AutotaskPsa/actions/resources';
import { AutotaskPsaTrigger } from '../../nodes/AutotaskPsa/AutotaskPsaTrigger.node';
import { node } from './helpers';

describe('Autotask PSA node description', () => {
	it('is usable as a tool and does not clash with n8n’s own names', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.name).toBe('autotaskPsa');
		expect(new AutotaskPsaTrigger().description.name).toBe('autotaskPsaTrigger');
	});

	it('offers, per entity, exactly the operations Autotask allows, each with its module', () => {
		for (const def of ENTITIES) {
			const resource = resources[def.resource as keyof typeof resources] as { operations: Record<string, unknown>; description: INodeProperties[] };
			expect(Object.keys(resource.operations).sort()).toEqual([...def.operations].sort());
			const selector = resource.description.find((p) => p.name === 'operation');
			expect((selector?.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual([...def.operations].sort());
		}
		expect(ENTITIES.find((e) => e.resource === 'ticket')?.operations).not.toContain('delete');
		expect(ENTITIES.find((e) => e.resource === 'invoice')?.operations).not.toContain('create');
	});

	it('gives every list operation Return All / Limit, the filter builder and a raw filter', () => {
		const props = node.description.properties;
		for (const def of ENTITIES) {
			const shown = (p: INodeProperties) =>
				p.displayOptions?.show?.resource?.includes(def.resource) && p.displayOptions?.show?.operation?.includes('getAll');
			const names = props.filter(shown).map((p) => p.name);
			expect(names).toEqual(expect.arrayContaining(['returnAll', 'limit', 'filters', 'match', 'options']));
			const options = props.find((p) => shown(p) && p.name === 'options')?.options as INodeProperties[];
			expect(options.map((o) => o.name)).toEqual(expect.arrayContaining(['filterJson', 'includeFields', 'picklistLabels', 'parallelRequests']));
		}
	});
});
