/**
 * The fields of the target shape for the Field Overrides resource mapper: a canonical type's fields for
 * To Canonical, and for From Canonical the fields the system's mapping writes (read from what it makes
 * of a complete sample record). Paths are dotted; `*` stands for every element of a list.
 */
import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

import type { CanonicalType } from '../../common/canonical';
import { canonicalFields, sampleCanonical, type FieldKind } from './canonicalFields';
import { mappingRegistry } from './systems';

export interface TargetField {
	path: string;
	type: FieldType;
	options?: INodePropertyOptions[];
}

function fieldType(kind: FieldKind): Pick<TargetField, 'type' | 'options'> {
	if (Array.isArray(kind)) return { type: 'options', options: kind.map((value) => ({ name: value, value })) };
	switch (kind) {
		case 'boolean':
			return { type: 'boolean' };
		case 'integer':
			return { type: 'number' };
		case 'object':
			return { type: 'object' };
		case 'array':
			return { type: 'array' };
		default:
			// Decimals stay strings (exact), dates stay ISO text.
			return { type: 'string' };
	}
}

export function canonicalTargetFields(type: CanonicalType): TargetField[] {
	return canonicalFields(type).map(({ path, kind }) => ({ path, ...fieldType(kind) }));
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaf paths of a body; lists of objects are described by `list.*.field` over all their elements. */
export function leafFields(value: Record<string, unknown>, base = ''): TargetField[] {
	const out = new Map<string, TargetField>();
	const visit = (node: unknown, path: string) => {
		if (Array.isArray(node)) {
			out.set(path, { path, type: 'array' });
			for (const element of node) if (isPlainObject(element)) visit(element, `${path}.*`);
			return;
		}
		if (isPlainObject(node)) {
			const entries = Object.entries(node);
			if (entries.length === 0 && path) out.set(path, { path, type: 'object' });
			for (const [key, child] of entries) visit(child, path ? `${path}.${key}` : key);
			return;
		}
		if (!path.endsWith('.*') && !out.has(path)) {
			out.set(path, { path, type: typeof node === 'number' ? 'number' : typeof node === 'boolean' ? 'boolean' : 'string' });
		}
	};
	visit(value, base);
	return [...out.values()];
}

/** What the system's mapping writes for `type`, or [] when it writes nothing of that type. */
export function systemTargetFields(system: string, type: CanonicalType): TargetField[] {
	if (!mappingRegistry.types(system, 'fromCanonical').includes(type)) return [];
	return leafFields(mappingRegistry.fromCanonical(system, type, sampleCanonical(type, system)));
}

export function toResourceMapperFields(fields: TargetField[]): ResourceMapperField[] {
	return fields.map((field) => ({
		id: field.path,
		displayName: field.path,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: field.type,
		...(field.options ? { options: field.options } : {}),
	}));
}
