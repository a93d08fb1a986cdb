/**
 * Validation and execution of parsed operations against a small typed schema (GraphQL spec §5, §6):
 * unknown fields and arguments, missing or superfluous selections, undeclared, unused or missing
 * variables and wrongly typed values are refused with the reference implementation's messages,
 * before anything runs. Resolvers may throw `FieldError` (a ShipHero error with its code).
 */
import { parseTypeRef, typeToString } from './parser';
import type { FieldNode, Location, OperationNode, TypeRef, Value } from './parser';

export type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: ExecContext, field: FieldNode) => unknown;

export interface FieldDef {
	/** SDL type, e.g. "String", "Int!", "[OrderLineItem]", "OrderConnection". */
	type: string;
	args?: Record<string, string>;
	resolve?: Resolver;
}

export interface Schema {
	/** Object types by name, `Query` and `Mutation` included. */
	types: Record<string, Record<string, FieldDef>>;
	/** Input object types: field → SDL type. */
	inputs: Record<string, Record<string, string>>;
	/** Enum types: allowed values. */
	enums?: Record<string, string[]>;
}

export interface ExecContext {
	operation: OperationNode;
	/** The root field being resolved (ShipHero names it as `operation` in errors). */
	rootField?: string;
	[key: string]: unknown;
}

export interface GraphqlErrorEntry {
	message: string;
	locations?: Location[];
	path?: Array<string | number>;
	[key: string]: unknown;
}

export class ValidationFailure extends Error {
	constructor(readonly errors: GraphqlErrorEntry[]) {
		super(errors.map((e) => e.message).join('; '));
	}
}

/** An error a resolver raises: becomes an `errors[]` entry and nulls the field. */
export class FieldError extends Error {
	constructor(
		message: string,
		readonly code: number,
		readonly extra: Record<string, unknown> = {},
	) {
		super(message);
	}
}

const SCALARS: Record<string, (value: unknown) => boolean> = {
	String: (v) => typeof v === 'string',
	ID: (v) => typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v)),
	Int: (v) => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2 ** 31 - 1,
	Float: (v) => typeof v === 'number' && Number.isFinite(v),
	Boolean: (v) => typeof v === 'boolean',
	ISODateTime: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
	Date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)),
	Decimal: (v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) || (typeof v === 'number' && Number.isFinite(v)),
	GenericScalar: () => true,
};

const typeCache = new Map<string, TypeRef>();
function ref(sdl: string): TypeRef {
	let type = typeCache.get(sdl);
	if (!type) {
		type = parseTypeRef(sdl);
		typeCache.set(sdl, type);
	}
	return type;
}

export function namedType(type: TypeRef): string {
	return type.kind === 'Named' ? type.name : namedType(type.of);
}

export class Executor {
	constructor(private readonly schema: Schema) {}

	isLeaf(name: string): boolean {
		return name in SCALARS || Boolean(this.schema.enums?.[name]);
	}

	/** Validates an operation with its variables; returns the coerced variables or throws ValidationFailure. */
	validate(operation: OperationNode, rawVariables: Record<string, unknown>): Record<string, unknown> {
		const errors: GraphqlErrorEntry[] = [];
		const declared = new Map(operation.variables.map((v) => [v.name, v]));
		const used = new Set<string>();
		const rootType = operation.type === 'query' ? 'Query' : 'Mutation';

		const checkValue = (value: Value, type: TypeRef, where: string, loc: Location): void => {
			if (value.kind === 'Variable') {
				used.add(value.name);
				const def = declared.get(value.name);
				if (!def) {
					errors.push({ message: `Variable "$${value.name}" is not defined${operation.name ? ` by operation "${operation.name}"` : ''}.`, locations: [value.loc] });
				} else if (!compatible(def.type, type, def.defaultValue !== undefined)) {
					errors.push({
						message: `Variable "$${value.name}" of type "${typeToString(def.type)}" used in position expecting type "${typeToString(type)}".`,
						locations: [def.loc, value.loc],
					});
				}
				return;
			}
			const problem = this.literalProblem(value, type);
			if (problem) errors.push({ message: `${where}: ${problem}`, locations: [loc] });
		};

		const visit = (fields: FieldNode[], parentType: string): void => {
			const defs = this.schema.types[parentType] ?? {};
			for (const field of fields) {
				if (field.name === '__typename') continue;
				const def = Object.hasOwn(defs, field.name) ? defs[field.name] : undefined;
				if (!def) {
					errors.push({ message: `Cannot query field "${field.name}" on type "${parentType}".`, locations: [field.loc] });
					continue;
				}
				const argDefs = def.args ?? {};
				for (const [name, value] of Object.entries(field.args)) {
					if (!Object.hasOwn(argDefs, name)) {
						errors.push({ message: `Unknown argument "${name}" on field "${parentType}.${field.name}".`, locations: [field.loc] });
						continue;
					}
					checkValue(value, ref(argDefs[name]), `Argument "${name}" has invalid value`, field.loc);
				}
				for (const [name, sdl] of Object.entries(argDefs)) {
					if (sdl.endsWith('!') && !(name in field.args)) {
						errors.push({
							message: `Field "${field.name}" argument "${name}" of type "${sdl}" is required, but it was not provided.`,
							locations: [field.loc],
						});
					}
				}
				const type = namedType(ref(def.type));
				if (this.isLeaf(type)) {
					if (field.selections) {
						errors.push({
							message: `Field "${field.name}" must not have a selection since type "${def.type}" has no subfields.`,
							locations: [field.loc],
						});
					}
				} else if (!field.selections) {
					errors.push({
						message: `Field "${field.name}" of type "${def.type}" must have a selection of subfields. Did you mean "${field.name} { ... }"?`,
						locations: [field.loc],
					});
				} else {
					visit(field.selections, type);
				}
			}
		};
		visit(operation.selections, rootType);

		const variables: Record<string, unknown> = {};
		for (const def of operation.variables) {
			const typeName = namedType(def.type);
			if (!(typeName in SCALARS) && !this.schema.inputs[typeName] && !this.schema.enums?.[typeName]) {
				errors.push({ message: `Unknown type "${typeName}".`, locations: [def.loc] });
				continue;
			}
			if (!used.has(def.name)) {
				errors.push({ message: `Variable "$${def.name}" is never used${operation.name ? ` in operation "${operation.name}"` : ''}.`, locations: [def.loc] });
			}
			const provided = Object.hasOwn(rawVariables, def.name);
			const value = provided ? rawVariables[def.name] : def.defaultValue ? literal(def.defaultValue, {}) : undefined;
			if (value === undefined || value === null) {
				if (def.type.kind === 'NonNull') {
					errors.push({
						message: provided
							? `Variable "$${def.name}" of non-null type "${typeToString(def.type)}" must not be null.`
							: `Variable "$${def.name}" of required type "${typeToString(def.type)}" was not provided.`,
						locations: [def.loc],
					});
				}
				if (provided) variables[def.name] = null;
				continue;
			}
			const problem = this.valueProblem(value, def.type);
			if (problem) {
				errors.push({ message: `Variable "$${def.name}" got invalid value ${JSON.stringify(value)}; ${problem}`, locations: [def.loc] });
				continue;
			}
			variables[def.name] = value;
		}
		if (errors.length > 0) throw new ValidationFailure(errors);
		return variables;
	}

	/** Why a JS value does not fit `type` (variables and coerced literals), or undefined. */
	valueProblem(value: unknown, type: TypeRef): string | undefined {
		if (type.kind === 'NonNull') {
			if (value === null || value === undefined) return `Expected non-nullable type "${typeToString(type)}" not to be null.`;
			return this.valueProblem(value, type.of);
		}
		if (value === null || value === undefined) return undefined;
		if (type.kind === 'List') {
			const list = Array.isArray(value) ? value : [value];
			for (const [i, entry] of list.entries()) {
				const problem = this.valueProblem(entry, type.of);
				if (problem) return `at index ${i}: ${problem}`;
			}
			return undefined;
		}
		const scalar = SCALARS[type.name];
		if (scalar) return scalar(value) ? undefined : `${type.name} cannot represent ${JSON.stringify(value)}.`;
		const enumValues = this.schema.enums?.[type.name];
		if (enumValues) return enumValues.includes(String(value)) ? undefined : `Value "${String(value)}" does not exist in "${type.name}" enum.`;
		const input = this.schema.inputs[type.name];
		if (!input) return `Unknown type "${type.name}".`;
		if (typeof value !== 'object' || Array.isArray(value)) return `Expected type "${type.name}" to be an object.`;
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			if (!Object.hasOwn(input, key)) return `Field "${key}" is not defined by type "${type.name}".`;
		}
		for (const [key, sdl] of Object.entries(input)) {
			const problem = this.valueProblem(record[key], ref(sdl));
			if (problem) {
				return record[key] === undefined && sdl.endsWith('!')
					? `Field "${type.name}.${key}" of required type "${sdl}" was not provided.`
					: `In field "${key}": ${problem}`;
			}
		}
		return undefined;
	}

	private literalProblem(value: Value, type: TypeRef): string | undefined {
		if (value.kind === 'Variable') return undefined;
		if (value.kind === 'List' && value.values.some((v) => v.kind === 'Variable')) return undefined;
		if (value.kind === 'Object' && Object.values(value.fields).some((v) => v.kind === 'Variable')) return undefined;
		if (value.kind === 'Enum') {
			const name = namedType(type);
			const values = this.schema.enums?.[name];
			if (!values) return `Enum "${value.value}" cannot represent non-enum value for type "${name}".`;
			return values.includes(value.value) ? undefined : `Value "${value.value}" does not exist in "${name}" enum.`;
		}
		return this.valueProblem(literal(value, {}), type);
	}

	/** Runs a validated operation. Field errors null their field and are collected. */
	async execute(
		operation: OperationNode,
		variables: Record<string, unknown>,
		root: unknown,
		ctx: Omit<ExecContext, 'operation'>,
		onRootError: (error: FieldError, field: FieldNode) => GraphqlErrorEntry,
	): Promise<{ data: Record<string, unknown>; errors: GraphqlErrorEntry[] }> {
		const errors: GraphqlErrorEntry[] = [];
		const context: ExecContext = { ...ctx, operation };
		const rootType = operation.type === 'query' ? 'Query' : 'Mutation';
		const data: Record<string, unknown> = {};
		// Mutations run one after the other (spec §6.2.2); queries may too, the data is in memory.
		for (const field of operation.selections) {
			const key = field.alias ?? field.name;
			context.rootField = field.name;
			try {
				data[key] = await this.resolveField(root, rootType, field, variables, context, [key]);
			} catch (error) {
				if (!(error instanceof FieldError)) throw error;
				data[key] = null;
				errors.push(onRootError(error, field));
			}
		}
		return { data, errors };
	}

	private async resolveField(
		parent: unknown,
		parentType: string,
		field: FieldNode,
		variables: Record<string, unknown>,
		ctx: ExecContext,
		path: Array<string | number>,
	): Promise<unknown> {
		if (field.name === '__typename') return parentType;
		const def = this.schema.types[parentType][field.name];
		const args: Record<string, unknown> = {};
		for (const [name, value] of Object.entries(field.args)) args[name] = literal(value, variables);
		const raw = def.resolve ? await def.resolve(parent, args, ctx, field) : (parent as Record<string, unknown> | null)?.[field.name];
		return await this.complete(raw, ref(def.type), field, variables, ctx, path);
	}

	private async complete(
		value: unknown,
		type: TypeRef,
		field: FieldNode,
		variables: Record<string, unknown>,
		ctx: ExecContext,
		path: Array<string | number>,
	): Promise<unknown> {
		if (type.kind === 'NonNull') return await this.complete(value, type.of, field, variables, ctx, path);
		if (value === null || value === undefined) return null;
		if (type.kind === 'List') {
			const list = Array.isArray(value) ? value : [value];
			const out: unknown[] = [];
			for (const [i, entry] of list.entries()) out.push(await this.complete(entry, type.of, field, variables, ctx, [...path, i]));
			return out;
		}
		if (this.isLeaf(type.name)) return value;
		const out: Record<string, unknown> = {};
		for (const child of field.selections ?? []) {
			const key = child.alias ?? child.name;
			out[key] = await this.resolveField(value, type.name, child, variables, ctx, [...path, key]);
		}
		return out;
	}

	/** The declared type of `parentType.fieldName`. */
	fieldType(parentType: string, fieldName: string): string | undefined {
		const def = this.schema.types[parentType]?.[fieldName];
		return def ? namedType(ref(def.type)) : undefined;
	}
}

/** A literal with variables substituted, as a JS value. */
export function literal(value: Value, variables: Record<string, unknown>): unknown {
	switch (value.kind) {
		case 'Variable':
			return variables[value.name] ?? null;
		case 'Null':
			return null;
		case 'List':
			return value.values.map((v) => literal(v, variables));
		case 'Object':
			return Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, literal(v, variables)]));
		case 'Enum':
			return value.value;
		default:
			return value.value;
	}
}

/** Whether a variable of type `variable` may be used where `expected` is wanted (spec §5.8.5). */
function compatible(variable: TypeRef, expected: TypeRef, hasDefault: boolean): boolean {
	if (expected.kind === 'NonNull') {
		if (variable.kind !== 'NonNull') return hasDefault && compatible(variable, expected.of, false);
		return compatible(variable.of, expected.of, false);
	}
	if (variable.kind === 'NonNull') return compatible(variable.of, expected, false);
	if (expected.kind === 'List') return variable.kind === 'List' && compatible(variable.of, expected.of, false);
	if (variable.kind === 'List') return false;
	return variable.name === expected.name || (expected.name === 'ID' && (variable.name === 'String' || variable.name === 'Int'));
}
