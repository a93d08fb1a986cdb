import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parseJsonParameter, recordId, toConnectWiseDateTime } from './values';

/**
 * One writable ConnectWise field as the node shows it. A resource lists its fields once; the
 * create operation shows the required ones as parameters and the rest as Additional Fields, the
 * update operation shows all of them as Update Fields, and both build the request from the
 * same list (a JSON body for create, JSON-Patch `replace` operations for update).
 */
export interface FieldSpec {
	/** n8n parameter name (camelCase, unique within the resource). */
	name: string;
	displayName: string;
	/** The ConnectWise field (top level), e.g. "summary" or "board". */
	path: string;
	/** `id`: a record id sent as a number; `ref`: a record id sent as `{ id }`. */
	kind: 'string' | 'text' | 'number' | 'boolean' | 'dateTime' | 'options' | 'id' | 'ref' | 'refList' | 'json';
	description?: string;
	/** Required on create (shown as a required parameter of its own). */
	required?: boolean;
	/** Shown as a parameter of its own on create although optional. */
	primary?: boolean;
	/** For `options`. */
	options?: INodePropertyOptions[];
	/** For `ref`: fill the dropdown from a loadOptions method (the value is the record id). */
	loadOptionsMethod?: string;
	loadOptionsDependsOn?: string[];
	/** Default shown when the field is added; defaults follow the kind. */
	default?: string | number | boolean;
	placeholder?: string;
	/** Overrides for the property when it is shown as a parameter of its own (e.g. a resource locator). */
	asParameter?: Partial<INodeProperties>;
	/** Only settable when the record is created (left out of Update Fields). */
	createOnly?: boolean;
	/** Shapes the converted value for ConnectWise (e.g. an email into communicationItems). */
	toValue?: (value: unknown) => unknown;
}

function defaultFor(spec: FieldSpec): string | number | boolean {
	if (spec.default !== undefined) return spec.default;
	if (spec.kind === 'boolean') return false;
	if (spec.kind === 'options') return (spec.options?.[0]?.value as string) ?? '';
	if (spec.kind === 'number') return 0;
	if (spec.kind === 'json') return '{}';
	return '';
}

/** The n8n property for a field spec; `asParameter` for a parameter of its own rather than a collection entry. */
export function fieldProperty(spec: FieldSpec, asParameter = false): INodeProperties {
	const base: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: 'string',
		default: defaultFor(spec),
		...(spec.description ? { description: spec.description } : {}),
		...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
		...(asParameter && spec.required ? { required: true } : {}),
	};
	switch (spec.kind) {
		case 'text':
			base.typeOptions = { rows: 4 };
			break;
		case 'number':
			base.type = 'number';
			break;
		case 'boolean':
			base.type = 'boolean';
			break;
		case 'dateTime':
			base.type = 'dateTime';
			break;
		case 'options':
			base.type = 'options';
			base.options = spec.options ?? [];
			break;
		case 'json':
			base.type = 'json';
			break;
		case 'ref':
			if (spec.loadOptionsMethod) {
				base.type = 'options';
				base.typeOptions = {
					loadOptionsMethod: spec.loadOptionsMethod,
					...(spec.loadOptionsDependsOn ? { loadOptionsDependsOn: spec.loadOptionsDependsOn } : {}),
				};
			}
			break;
		case 'refList':
			if (spec.loadOptionsMethod) {
				base.type = 'multiOptions';
				base.default = [];
				base.typeOptions = { loadOptionsMethod: spec.loadOptionsMethod };
			}
			break;
	}
	return (asParameter ? { ...base, ...spec.asParameter } : base) as INodeProperties;
}

/** The properties of the optional fields, sorted by display name as n8n lists them. */
export function collectionOptions(specs: FieldSpec[]): INodeProperties[] {
	return specs
		.map((spec) => fieldProperty(spec))
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function idsOf(node: INode, value: unknown, label: string, itemIndex: number): number[] {
	const list = Array.isArray(value) ? value : String(value).split(',');
	return list
		.map((entry) => (typeof entry === 'string' ? entry.trim() : entry))
		.filter((entry) => entry !== '')
		.map((entry) => recordId(node, entry, label, itemIndex));
}

/** What converting parameter values needs besides the values. */
export interface BuildContext {
	node: INode;
	itemIndex: number;
	/** The workflow's time zone, for date-times entered without one. */
	timeZone?: string;
}

/**
 * The ConnectWise value of one field. References become `{ id }`. Returns undefined for an
 * empty value so that an untouched optional field is never sent.
 */
export function fieldValue({ node, itemIndex, timeZone }: BuildContext, spec: FieldSpec, value: unknown): unknown {
	if (isEmpty(value)) return undefined;
	switch (spec.kind) {
		case 'dateTime': {
			const text = toConnectWiseDateTime(value, timeZone);
			if (text === undefined) {
				throw new NodeOperationError(node, `${spec.displayName}: "${String(value)}" is not a valid date`, {
					itemIndex,
				});
			}
			return text;
		}
		case 'number': {
			const n = typeof value === 'number' ? value : Number(value);
			if (!Number.isFinite(n)) {
				throw new NodeOperationError(node, `${spec.displayName}: "${String(value)}" is not a number`, { itemIndex });
			}
			return n;
		}
		case 'boolean':
			return value === true || value === 'true';
		case 'id':
			return recordId(node, value, spec.displayName, itemIndex);
		case 'ref':
			return { id: recordId(node, value, spec.displayName, itemIndex) };
		case 'refList':
			return idsOf(node, value, spec.displayName, itemIndex).map((id) => ({ id }));
		case 'json':
			return parseJsonParameter(node, value, spec.displayName, itemIndex);
		default:
			return value;
	}
}

/** A JSON-Patch operation as ConnectWise accepts it. */
export interface PatchOperation extends IDataObject {
	op: 'replace';
	path: string;
	value: IDataObject | IDataObject[] | string | number | boolean | null;
}

function specsByName(specs: FieldSpec[]): Map<string, FieldSpec> {
	return new Map(specs.map((spec) => [spec.name, spec]));
}

/** The record body of a create request from parameter values keyed by spec name. */
export function buildRecord(context: BuildContext, specs: FieldSpec[], values: IDataObject): IDataObject {
	const byName = specsByName(specs);
	const body: IDataObject = {};
	let extra: IDataObject = {};
	for (const [name, raw] of Object.entries(values)) {
		const spec = byName.get(name);
		if (!spec) continue;
		const converted = fieldValue(context, spec, raw);
		if (converted === undefined) continue;
		const value = spec.toValue ? spec.toValue(converted) : converted;
		const existing = body[spec.path];
		// JSON fields without a path carry any other ConnectWise fields; they are merged last.
		if (spec.kind === 'json' && spec.path === '') extra = { ...extra, ...(value as IDataObject) };
		else if (Array.isArray(existing) && Array.isArray(value)) body[spec.path] = [...existing, ...value] as IDataObject[];
		else body[spec.path] = value as IDataObject;
	}
	return { ...body, ...extra };
}

/** JSON-Patch `replace` operations for the fields the user chose to update. */
export function buildPatch(context: BuildContext, specs: FieldSpec[], values: IDataObject): PatchOperation[] {
	const record = buildRecord(context, specs, values);
	return Object.entries(record).map(([path, value]) => ({
		op: 'replace',
		path,
		value: value as PatchOperation['value'],
	}));
}

/** The catch-all field of every resource: any other ConnectWise fields as JSON. */
export const otherFieldsSpec: FieldSpec = {
	name: 'otherFields',
	displayName: 'Other Fields (JSON)',
	path: '',
	kind: 'json',
	description:
		'Any other ConnectWise fields as a JSON object, e.g. {"customFields": [{"id": 4, "value": "West"}]}. Values here override the fields above.',
};
