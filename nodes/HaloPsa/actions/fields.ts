import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type { IDataObject, INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export type FieldKind = 'string' | 'text' | 'number' | 'boolean' | 'dateTime' | 'options';

/** One writable Halo field as the node offers it. */
export interface FieldSpec {
	/** The Halo JSON field name, also the parameter name. */
	name: string;
	displayName: string;
	kind: FieldKind;
	required?: boolean;
	description?: string;
	options?: INodePropertyOptions[];
}

const defaults: Record<FieldKind, string | number | boolean> = {
	string: '',
	text: '',
	number: 0,
	boolean: false,
	dateTime: '',
	options: '',
};

export function fieldProperty(spec: FieldSpec, asParameter: boolean): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: spec.kind === 'text' ? 'string' : spec.kind,
		...(spec.kind === 'text' ? { typeOptions: { rows: 4 } } : {}),
		...(spec.options ? { options: spec.options } : {}),
		default: spec.options?.[0]?.value ?? defaults[spec.kind],
		...(asParameter && spec.required ? { required: true } : {}),
		...(spec.description ? { description: spec.description } : {}),
	};
}

/** Any other Halo fields as JSON, merged last (custom fields, nested objects, lines). */
export const otherFieldsProperty: INodeProperties = {
	displayName: 'Other Fields (JSON)',
	name: 'otherFields',
	type: 'json',
	default: '{}',
	description: 'Further Halo fields as a JSON object, e.g. {"customfields": [{"ID": 12, "value": "x"}]}',
};

export function collectionOptions(specs: FieldSpec[]): INodeProperties[] {
	return [...specs.map((spec) => fieldProperty(spec, false)), otherFieldsProperty].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	);
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** Parameter values → a Halo record: empty values dropped, numbers kept, JSON merged last. */
export function buildRecord(node: INode, itemIndex: number, specs: FieldSpec[], values: IDataObject): IDataObject {
	const record: IDataObject = {};
	for (const spec of specs) {
		const value = values[spec.name];
		if (isEmpty(value)) continue;
		if (spec.kind === 'dateTime') {
			// n8n gives ISO strings; Halo's date-times carry no zone.
			const date = new Date(String(value));
			record[spec.name] = Number.isNaN(date.getTime()) ? value : date.toISOString().replace(/\.\d{3}Z$/, '');
		} else {
			record[spec.name] = value;
		}
	}
	const other = values.otherFields;
	if (!isEmpty(other)) {
		const parsed = typeof other === 'string' ? jsonParse<unknown>(other, { fallbackValue: undefined }) : other;
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			throw new NodeOperationError(node, 'Other Fields (JSON) must be a JSON object', { itemIndex });
		}
		Object.assign(record, parsed);
	}
	return record;
}
