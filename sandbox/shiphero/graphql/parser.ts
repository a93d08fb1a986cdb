/**
 * A parser for the GraphQL subset the ShipHero fake needs (GraphQL spec, October 2021, §2):
 * operations (query / mutation, named or anonymous, shorthand `{ ... }`), variable definitions
 * with defaults, selection sets, fields with aliases and arguments, and every literal kind.
 * Fragments and directives are refused with a clear error rather than ignored.
 */

export interface Location {
	line: number;
	column: number;
}

export type Value =
	| { kind: 'Variable'; name: string; loc: Location }
	| { kind: 'Int'; value: number }
	| { kind: 'Float'; value: number }
	| { kind: 'String'; value: string }
	| { kind: 'Boolean'; value: boolean }
	| { kind: 'Null' }
	| { kind: 'Enum'; value: string }
	| { kind: 'List'; values: Value[] }
	| { kind: 'Object'; fields: Record<string, Value> };

export type TypeRef = { kind: 'Named'; name: string } | { kind: 'List'; of: TypeRef } | { kind: 'NonNull'; of: TypeRef };

export interface FieldNode {
	name: string;
	alias?: string;
	args: Record<string, Value>;
	selections?: FieldNode[];
	loc: Location;
}

export interface VariableDefinition {
	name: string;
	type: TypeRef;
	defaultValue?: Value;
	loc: Location;
}

export interface OperationNode {
	type: 'query' | 'mutation';
	name?: string;
	variables: VariableDefinition[];
	selections: FieldNode[];
	loc: Location;
}

export class GraphqlSyntaxError extends Error {
	constructor(
		message: string,
		readonly loc: Location,
	) {
		super(`Syntax Error: ${message}`);
	}
}

type TokenKind = 'punct' | 'name' | 'int' | 'float' | 'string' | 'eof';

interface Token {
	kind: TokenKind;
	value: string;
	loc: Location;
}

const PUNCTUATORS = new Set(['{', '}', '(', ')', '[', ']', ':', '=', '!', '$', '@', '|', '&']);

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	let line = 1;
	let lineStart = 0;
	const loc = (at: number): Location => ({ line, column: at - lineStart + 1 });
	while (i < source.length) {
		const c = source[i];
		if (c === '\n') {
			i++;
			line++;
			lineStart = i;
			continue;
		}
		if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === '\ufeff') {
			i++;
			continue;
		}
		if (c === '#') {
			while (i < source.length && source[i] !== '\n') i++;
			continue;
		}
		if (source.startsWith('...', i)) {
			tokens.push({ kind: 'punct', value: '...', loc: loc(i) });
			i += 3;
			continue;
		}
		if (PUNCTUATORS.has(c)) {
			tokens.push({ kind: 'punct', value: c, loc: loc(i) });
			i++;
			continue;
		}
		if (/[A-Za-z_]/.test(c)) {
			const start = i;
			while (i < source.length && /[A-Za-z0-9_]/.test(source[i])) i++;
			tokens.push({ kind: 'name', value: source.slice(start, i), loc: loc(start) });
			continue;
		}
		if (/[-0-9]/.test(c)) {
			const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i));
			if (!match) throw new GraphqlSyntaxError(`Invalid number, unexpected character "${c}".`, loc(i));
			tokens.push({ kind: match[2] || match[3] ? 'float' : 'int', value: match[0], loc: loc(i) });
			i += match[0].length;
			continue;
		}
		if (c === '"') {
			const start = i;
			if (source.startsWith('"""', i)) {
				const end = source.indexOf('"""', i + 3);
				if (end < 0) throw new GraphqlSyntaxError('Unterminated string.', loc(start));
				const raw = source.slice(i + 3, end);
				tokens.push({ kind: 'string', value: raw.replace(/\\"""/g, '"""'), loc: loc(start) });
				for (const ch of raw) if (ch === '\n') line++;
				i = end + 3;
				continue;
			}
			i++;
			let value = '';
			for (;;) {
				if (i >= source.length || source[i] === '\n') throw new GraphqlSyntaxError('Unterminated string.', loc(start));
				const ch = source[i];
				if (ch === '"') {
					i++;
					break;
				}
				if (ch === '\\') {
					const next = source[i + 1];
					const escapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
					if (next === 'u') {
						const hex = source.slice(i + 2, i + 6);
						if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new GraphqlSyntaxError('Invalid Unicode escape sequence.', loc(i));
						value += String.fromCharCode(parseInt(hex, 16));
						i += 6;
						continue;
					}
					if (!(next in escapes)) throw new GraphqlSyntaxError(`Invalid character escape sequence: "\\${next}".`, loc(i));
					value += escapes[next];
					i += 2;
					continue;
				}
				value += ch;
				i++;
			}
			tokens.push({ kind: 'string', value, loc: loc(start) });
			continue;
		}
		throw new GraphqlSyntaxError(`Unexpected character: "${c}".`, loc(i));
	}
	tokens.push({ kind: 'eof', value: '<EOF>', loc: loc(i) });
	return tokens;
}

class Parser {
	private pos = 0;

	constructor(private readonly tokens: Token[]) {}

	private peek(): Token {
		return this.tokens[this.pos];
	}

	private next(): Token {
		return this.tokens[this.pos++];
	}

	private is(value: string): boolean {
		const token = this.peek();
		return token.kind === 'punct' && token.value === value;
	}

	private expect(value: string): Token {
		const token = this.next();
		if (token.kind !== 'punct' || token.value !== value) {
			throw new GraphqlSyntaxError(`Expected "${value}", found ${describe(token)}.`, token.loc);
		}
		return token;
	}

	private name(): Token {
		const token = this.next();
		if (token.kind !== 'name') throw new GraphqlSyntaxError(`Expected Name, found ${describe(token)}.`, token.loc);
		return token;
	}

	document(): OperationNode[] {
		const operations: OperationNode[] = [];
		while (this.peek().kind !== 'eof') operations.push(this.operation());
		if (operations.length === 0) throw new GraphqlSyntaxError('Unexpected <EOF>.', this.peek().loc);
		return operations;
	}

	private operation(): OperationNode {
		const start = this.peek();
		if (this.is('{')) return { type: 'query', variables: [], selections: this.selectionSet(), loc: start.loc };
		if (start.kind === 'name' && start.value === 'fragment') {
			throw new GraphqlSyntaxError('Fragments are not supported by this ShipHero sandbox; inline the fields.', start.loc);
		}
		if (start.kind !== 'name' || (start.value !== 'query' && start.value !== 'mutation')) {
			if (start.kind === 'name' && start.value === 'subscription') {
				throw new GraphqlSyntaxError('ShipHero has no subscriptions.', start.loc);
			}
			throw new GraphqlSyntaxError(`Unexpected ${describe(start)}.`, start.loc);
		}
		this.next();
		const name = this.peek().kind === 'name' ? this.next().value : undefined;
		const variables = this.is('(') ? this.variableDefinitions() : [];
		this.noDirectives();
		return { type: start.value, name, variables, selections: this.selectionSet(), loc: start.loc };
	}

	private noDirectives(): void {
		if (this.is('@')) throw new GraphqlSyntaxError('Directives are not supported by this ShipHero sandbox.', this.peek().loc);
	}

	private variableDefinitions(): VariableDefinition[] {
		this.expect('(');
		const out: VariableDefinition[] = [];
		while (!this.is(')')) {
			const dollar = this.expect('$');
			const name = this.name().value;
			this.expect(':');
			const type = this.typeRef();
			let defaultValue: Value | undefined;
			if (this.is('=')) {
				this.next();
				defaultValue = this.value(true);
			}
			out.push({ name, type, defaultValue, loc: dollar.loc });
		}
		this.expect(')');
		if (out.length === 0) throw new GraphqlSyntaxError('Expected "$", found ")".', this.tokens[this.pos - 1].loc);
		return out;
	}

	private typeRef(): TypeRef {
		let type: TypeRef;
		if (this.is('[')) {
			this.next();
			type = { kind: 'List', of: this.typeRef() };
			this.expect(']');
		} else {
			type = { kind: 'Named', name: this.name().value };
		}
		if (this.is('!')) {
			this.next();
			return { kind: 'NonNull', of: type };
		}
		return type;
	}

	private selectionSet(): FieldNode[] {
		this.expect('{');
		const fields: FieldNode[] = [];
		while (!this.is('}')) {
			if (this.is('...')) throw new GraphqlSyntaxError('Fragments are not supported by this ShipHero sandbox; inline the fields.', this.peek().loc);
			fields.push(this.field());
		}
		const close = this.expect('}');
		if (fields.length === 0) throw new GraphqlSyntaxError('Expected Name, found "}".', close.loc);
		return fields;
	}

	private field(): FieldNode {
		const first = this.name();
		let name = first.value;
		let alias: string | undefined;
		if (this.is(':')) {
			this.next();
			alias = name;
			name = this.name().value;
		}
		const args: Record<string, Value> = {};
		if (this.is('(')) {
			this.next();
			while (!this.is(')')) {
				const argName = this.name();
				if (argName.value in args) throw new GraphqlSyntaxError(`There can be only one argument named "${argName.value}".`, argName.loc);
				this.expect(':');
				args[argName.value] = this.value(false);
			}
			this.expect(')');
		}
		this.noDirectives();
		const selections = this.is('{') ? this.selectionSet() : undefined;
		return { name, alias, args, selections, loc: first.loc };
	}

	private value(constant: boolean): Value {
		const token = this.peek();
		if (token.kind === 'punct') {
			if (token.value === '$') {
				if (constant) throw new GraphqlSyntaxError('Unexpected variable in a constant value.', token.loc);
				this.next();
				return { kind: 'Variable', name: this.name().value, loc: token.loc };
			}
			if (token.value === '[') {
				this.next();
				const values: Value[] = [];
				while (!this.is(']')) values.push(this.value(constant));
				this.next();
				return { kind: 'List', values };
			}
			if (token.value === '{') {
				this.next();
				const fields: Record<string, Value> = {};
				while (!this.is('}')) {
					const name = this.name();
					this.expect(':');
					fields[name.value] = this.value(constant);
				}
				this.next();
				return { kind: 'Object', fields };
			}
			throw new GraphqlSyntaxError(`Unexpected ${describe(token)}.`, token.loc);
		}
		this.next();
		if (token.kind === 'int') return { kind: 'Int', value: Number(token.value) };
		if (token.kind === 'float') return { kind: 'Float', value: Number(token.value) };
		if (token.kind === 'string') return { kind: 'String', value: token.value };
		if (token.kind === 'name') {
			if (token.value === 'true' || token.value === 'false') return { kind: 'Boolean', value: token.value === 'true' };
			if (token.value === 'null') return { kind: 'Null' };
			return { kind: 'Enum', value: token.value };
		}
		throw new GraphqlSyntaxError(`Unexpected ${describe(token)}.`, token.loc);
	}
}

function describe(token: Token): string {
	if (token.kind === 'eof') return '<EOF>';
	if (token.kind === 'string') return `String "${token.value}"`;
	if (token.kind === 'name') return `Name "${token.value}"`;
	return `"${token.value}"`;
}

/** Parses a GraphQL document into its operations; throws GraphqlSyntaxError with a location. */
export function parseDocument(source: string): OperationNode[] {
	return new Parser(tokenize(source)).document();
}

export function typeToString(type: TypeRef): string {
	if (type.kind === 'Named') return type.name;
	if (type.kind === 'List') return `[${typeToString(type.of)}]`;
	return `${typeToString(type.of)}!`;
}

/** Parses a type written as in SDL ("[String!]!"). */
export function parseTypeRef(source: string): TypeRef {
	const tokens = tokenize(source);
	const parser = new Parser(tokens) as unknown as { typeRef(): TypeRef };
	return parser.typeRef();
}
