import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { resources } from '../../nodes/SageIntacct/actions/router';
import { SageIntacctTrigger } from '../../nodes/SageIntacct/SageIntacctTrigger.node';
import { credentialType, node } from './helpers';

const root = join(__dirname, '..', '..');
const properties = node.description.properties;

function walk(list: INodeProperties[], visit: (p: INodeProperties, path: string) => void, path = ''): void {
	for (const property of list) {
		visit(property, `${path}${property.name}`);
		for (const option of property.options ?? []) {
			if ('values' in option) walk((option as INodePropertyCollection).values, visit, `${path}${property.name}.${option.name}.`);
			else if ('type' in option) walk([option as INodeProperties], visit, `${path}${property.name}.`);
		}
	}
}

const operationSelectors = properties.filter((p) => p.name === 'operation');

describe('Sage Intacct node description', () => {
	it('is a usable-as-tool node with a subtitle, version 1 and the Intacct credential', () => {
		expect(node.description).toMatchObject({
			name: 'sageIntacct',
			displayName: 'Sage Intacct',
			version: 1,
			usableAsTool: true,
			credentials: [{ name: credentialType.name, required: true }],
		});
	});

	it('has one operation selector per resource, each operation with a module and an action', () => {
		const names = (properties[0].options as INodePropertyOptions[]).map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		for (const selector of operationSelectors) {
			const [resource] = selector.displayOptions?.show?.resource as string[];
			const modules = (resources as unknown as Record<string, { operations: Record<string, { execute: unknown }> }>)[resource].operations;
			const options = selector.options as INodePropertyOptions[];
			expect(options.map((o) => String(o.value)).sort()).toEqual(Object.keys(modules).sort());
			expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
			for (const option of options) {
				expect(option.action).toEqual(expect.any(String));
				expect(typeof modules[String(option.value)].execute).toBe('function');
			}
		}
	});

	it('has no two parameters with the same name under the same display options', () => {
		const seen = new Set<string>();
		for (const property of properties) {
			const key = `${property.name}|${JSON.stringify(property.displayOptions ?? {})}`;
			expect(seen.has(key) ? key : 'unique').toBe('unique');
			seen.add(key);
		}
		walk(properties, (property) => {
			if (property.type !== 'collection') return;
			const names = (property.options as INodeProperties[]).map((o) => o.name);
			expect(new Set(names).size).toBe(names.length);
		});
	});

	it('stamps every parameter but the resource with its resource and operation', () => {
		for (const property of properties.slice(1)) {
			expect(property.displayOptions?.show?.resource).toHaveLength(1);
			if (property.name !== 'operation') expect(property.displayOptions?.show?.operation).toHaveLength(1);
		}
	});

	it('has valid defaults', () => {
		walk(properties, (property, path) => {
			const { type, default: value } = property;
			if (type === 'options' && property.options && !property.typeOptions?.loadOptionsMethod) {
				const values = (property.options as INodePropertyOptions[]).map((o) => o.value);
				expect([path, values.includes(value as string)]).toEqual([path, true]);
			}
			if (type === 'options' && property.typeOptions?.loadOptionsMethod) expect([path, value]).toEqual([path, '']);
			if (type === 'boolean') expect([path, typeof value]).toEqual([path, 'boolean']);
			if (type === 'number') expect([path, typeof value]).toEqual([path, 'number']);
			if (type === 'collection' || type === 'fixedCollection') expect([path, value]).toEqual([path, {}]);
			if (type === 'resourceLocator') {
				const mode = (value as { mode: string }).mode;
				expect(property.modes?.map((m) => m.name)).toContain(mode);
			}
			if (type === 'json' && value !== '') expect(() => JSON.parse(String(value))).not.toThrow();
		});
	});

	it('sorts the fields of every collection and option lists by name', () => {
		walk(properties, (property, path) => {
			if (property.type === 'collection') {
				const names = (property.options as INodeProperties[]).map((o) => o.displayName);
				expect([path, names]).toEqual([path, [...names].sort((a, b) => a.localeCompare(b))]);
			}
			if (property.type === 'options' && property.name !== 'operation' && property.name !== 'resource') {
				const names = ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.name);
				expect([path, names]).toEqual([path, [...names].sort((a, b) => a.localeCompare(b))]);
			}
		});
	});

	it('refers only to existing loadOptions and listSearch methods, named "Name or ID"', () => {
		walk(properties, (property, path) => {
			const method = property.typeOptions?.loadOptionsMethod;
			if (method) {
				expect([path, typeof node.methods.loadOptions[method as keyof typeof node.methods.loadOptions]]).toEqual([path, 'function']);
				expect(property.displayName).toMatch(/Name or ID$/);
				expect(property.description).toContain('expression');
			}
			for (const mode of property.modes ?? []) {
				const search = mode.typeOptions?.searchListMethod;
				if (search) expect(typeof node.methods.listSearch[search as keyof typeof node.methods.listSearch]).toBe('function');
			}
		});
	});

	it('ships icons, codex files and package entries for the node, the trigger and the credential', () => {
		for (const file of ['sageIntacct.svg', 'sageIntacct.dark.svg', 'SageIntacct.node.json', 'SageIntacctTrigger.node.json']) {
			expect(existsSync(join(root, 'nodes', 'SageIntacct', file))).toBe(true);
		}
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		expect(pkg.n8n.nodes).toEqual(expect.arrayContaining(['dist/nodes/SageIntacct/SageIntacct.node.js', 'dist/nodes/SageIntacct/SageIntacctTrigger.node.js']));
		expect(pkg.n8n.credentials).toContain('dist/credentials/SageIntacctApi.credentials.js');
		const trigger = new SageIntacctTrigger().description;
		expect(trigger).toMatchObject({ name: 'sageIntacctTrigger', polling: true, credentials: [{ name: 'sageIntacctApi', required: true }] });
	});
});
