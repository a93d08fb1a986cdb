import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** One writable property of an entity, as the node offers it. */
export interface FieldSpec {
	name: string;
	displayName: string;
	kind: 'string' | 'number' | 'boolean' | 'date' | 'options';
	options?: string[];
	description?: string;
	/** Shown as its own parameter on Create (Business Central refuses the record without it). */
	required?: boolean;
	/** Alternative field that satisfies `required` (customerId for customerNumber). */
	alternative?: string;
}

const optionList = (values: string[]): INodePropertyOptions[] =>
	values.map((value) => ({ name: value.trim() === '' ? 'Not Blocked' : value, value })).sort((a, b) => a.name.localeCompare(b.name));

export function fieldProperty(spec: FieldSpec, asParameter = false): INodeProperties {
	const base = {
		displayName: spec.displayName,
		name: spec.name,
		description: spec.description,
		...(asParameter && spec.required ? { required: !spec.alternative } : {}),
	};
	switch (spec.kind) {
		case 'number':
			return { ...base, type: 'number', default: 0, typeOptions: { numberPrecision: 5 } };
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'date':
			return { ...base, type: 'dateTime', default: '' };
		case 'options':
			return { ...base, type: 'options', options: optionList(spec.options ?? []), default: spec.options?.[0] ?? '' };
		default:
			return { ...base, type: 'string', default: '' };
	}
}

export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A body from parameter values: dates become YYYY-MM-DD, empty strings are left out. */
export function buildBody(specs: FieldSpec[], values: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const spec of specs) {
		if (!(spec.name in values)) continue;
		const value = values[spec.name];
		if (spec.kind === 'date') {
			if (isEmpty(value)) continue;
			body[spec.name] = String(value).slice(0, 10);
		} else if (spec.kind === 'string') {
			if (isEmpty(value)) continue;
			body[spec.name] = String(value);
		} else {
			body[spec.name] = value;
		}
	}
	return body;
}

/** Checks the fields Business Central requires before sending, naming the missing one. */
export function requireFields(node: INode, specs: FieldSpec[], body: IDataObject, noun: string, itemIndex: number): void {
	for (const spec of specs.filter((s) => s.required)) {
		if (!isEmpty(body[spec.name]) || (spec.alternative && !isEmpty(body[spec.alternative]))) continue;
		throw new NodeOperationError(node, `${spec.displayName} is required to create a ${noun}`, {
			itemIndex,
			description: `Set "${spec.displayName}" (property ${spec.name}${spec.alternative ? ` or ${spec.alternative}` : ''}).`,
		});
	}
}

/** Parses the JSON body parameter, naming the parameter when it is not a JSON object. */
export function jsonObject(node: INode, value: unknown, parameter: string, itemIndex: number): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = value.trim() === '' ? {} : (JSON.parse(value) as unknown);
		} catch (error) {
			throw new NodeOperationError(node, `${parameter} is not valid JSON: ${(error as Error).message}`, { itemIndex });
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(node, `${parameter} must be a JSON object`, { itemIndex });
	}
	return parsed as IDataObject;
}
