/**
 * A parser for the subset of YAML the project's own files use (docker-compose.yml): block mappings and
 * sequences, plain / single- / double-quoted scalars, flow sequences of scalars, comments, anchors,
 * aliases and `<<` merge keys. Anything else (flow mappings, block scalars `|` `>`, tabs, several
 * documents) is refused with its line number rather than misread. Scalars follow YAML 1.2's core schema.
 */

interface Line {
	no: number;
	indent: number;
	text: string;
}

export class YamlSubsetError extends Error {
	constructor(message: string, line?: number) {
		super(line === undefined ? message : `line ${line}: ${message}`);
	}
}

/** The line without its comment (a `#` at the start or after whitespace, outside quotes). */
function stripComment(raw: string, no: number): string {
	let quote: string | undefined;
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i];
		if (quote) {
			if (c === quote) {
				if (quote === "'" && raw[i + 1] === "'") i++;
				else quote = undefined;
			} else if (c === '\\' && quote === '"') i++;
		} else if (c === '"' || c === "'") {
			if (i === 0 || /[\s:[,-]/.test(raw[i - 1])) quote = c;
		} else if (c === '#' && (i === 0 || /\s/.test(raw[i - 1]))) {
			return raw.slice(0, i).trimEnd();
		}
	}
	if (quote) throw new YamlSubsetError('unterminated quoted scalar', no);
	return raw.trimEnd();
}

function toLines(source: string): Line[] {
	const lines: Line[] = [];
	source.split(/\r?\n/).forEach((raw, index) => {
		const no = index + 1;
		const indentText = /^[ \t]*/.exec(raw)?.[0] ?? '';
		if (indentText.includes('\t')) throw new YamlSubsetError('tabs are not allowed in indentation', no);
		const text = stripComment(raw, no).slice(indentText.length);
		if (text === '') return;
		if (text === '---' || text === '...') {
			if (lines.length > 0) throw new YamlSubsetError('only one document is supported', no);
			return;
		}
		lines.push({ no, indent: indentText.length, text });
	});
	return lines;
}

function unquoteDouble(text: string, no: number): string {
	const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0' };
	return text.slice(1, -1).replace(/\\(.)/g, (_, c: string) => {
		if (!(c in escapes)) throw new YamlSubsetError(`unsupported escape \\${c}`, no);
		return escapes[c];
	});
}

function plainScalar(text: string): unknown {
	if (/^(null|Null|NULL|~)$/.test(text)) return null;
	if (/^(true|True|TRUE)$/.test(text)) return true;
	if (/^(false|False|FALSE)$/.test(text)) return false;
	if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
	if (/^0x[0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
	if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
	return text;
}

/** Splits a flow sequence's inside on commas outside quotes. */
function splitFlow(inner: string, no: number): string[] {
	const parts: string[] = [];
	let current = '';
	let quote: string | undefined;
	for (let i = 0; i < inner.length; i++) {
		const c = inner[i];
		if (quote) {
			current += c;
			if (c === '\\' && quote === '"') current += inner[++i] ?? '';
			else if (c === quote) quote = undefined;
		} else if (c === '"' || c === "'") {
			quote = c;
			current += c;
		} else if (c === ',') {
			parts.push(current.trim());
			current = '';
		} else if (c === '[' || c === ']' || c === '{' || c === '}') {
			throw new YamlSubsetError('nested flow collections are not supported', no);
		} else {
			current += c;
		}
	}
	if (current.trim() !== '') parts.push(current.trim());
	return parts;
}

class Parser {
	private readonly anchors = new Map<string, unknown>();
	private pos = 0;

	constructor(private readonly lines: Line[]) {}

	parse(): unknown {
		if (this.lines.length === 0) return null;
		const value = this.block(this.lines[0].indent);
		if (this.pos < this.lines.length) throw new YamlSubsetError('unexpected indentation', this.lines[this.pos].no);
		return value;
	}

	private block(indent: number): unknown {
		const line = this.lines[this.pos];
		return line.text === '-' || line.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
	}

	/** The value of a key or item with nothing after it: the more indented block below, or null. */
	private nested(parentIndent: number, allowSameIndentSequence: boolean): unknown {
		const next = this.lines[this.pos];
		if (!next) return null;
		if (next.indent > parentIndent) return this.block(next.indent);
		// Compose style: a sequence under a key may start at the key's own indentation.
		if (allowSameIndentSequence && next.indent === parentIndent && (next.text === '-' || next.text.startsWith('- '))) return this.sequence(parentIndent);
		return null;
	}

	private sequence(indent: number): unknown[] {
		const items: unknown[] = [];
		while (this.pos < this.lines.length) {
			const line = this.lines[this.pos];
			if (line.indent < indent) break;
			if (line.indent > indent) throw new YamlSubsetError('unexpected indentation', line.no);
			if (!(line.text === '-' || line.text.startsWith('- '))) break;
			const rest = line.text.slice(1).trimStart();
			if (rest === '') {
				this.pos++;
				items.push(this.nested(indent, false));
			} else if (this.isMappingEntry(rest)) {
				// `- key: value`: a mapping whose first entry sits on the dash's line.
				const inner = indent + (line.text.length - rest.length);
				this.lines[this.pos] = { no: line.no, indent: inner, text: rest };
				items.push(this.mapping(inner));
			} else {
				this.pos++;
				items.push(this.scalar(rest, line.no));
			}
		}
		return items;
	}

	private isMappingEntry(text: string): boolean {
		return this.splitKey(text) !== undefined;
	}

	/** `key: rest` / `key:` → [key, rest]; undefined when the text is no mapping entry. */
	private splitKey(text: string): [string, string] | undefined {
		let keyEnd: number;
		let key: string;
		if (text.startsWith('"') || text.startsWith("'")) {
			const close = text.indexOf(text[0], 1);
			if (close < 0) return undefined;
			key = text[0] === '"' ? unquoteDouble(text.slice(0, close + 1), 0) : text.slice(1, close);
			keyEnd = close + 1;
			if (text[keyEnd] !== ':') return undefined;
		} else {
			const match = /^([^\s"'[\]{}#&*!|>%@`][^:]*?|<<):(?=\s|$)/.exec(text);
			if (!match) return undefined;
			key = match[1].trimEnd();
			keyEnd = match[1].length;
		}
		return [key, text.slice(keyEnd + 1).trim()];
	}

	private mapping(indent: number): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		const own = new Set<string>();
		while (this.pos < this.lines.length) {
			const line = this.lines[this.pos];
			if (line.indent < indent) break;
			if (line.indent > indent) throw new YamlSubsetError('unexpected indentation', line.no);
			if (line.text === '-' || line.text.startsWith('- ')) break;
			const entry = this.splitKey(line.text);
			if (!entry) throw new YamlSubsetError(`expected "key: value", got "${line.text}"`, line.no);
			const [key, rest] = entry;
			this.pos++;
			let value: unknown;
			const anchorOnly = /^&([\w-]+)$/.exec(rest);
			if (rest === '' || anchorOnly) {
				value = this.nested(indent, true);
				if (anchorOnly) this.anchors.set(anchorOnly[1], value);
			} else {
				value = this.scalar(rest, line.no);
			}
			if (key === '<<') {
				const sources = Array.isArray(value) ? value : [value];
				for (const source of sources) {
					if (typeof source !== 'object' || source === null || Array.isArray(source)) throw new YamlSubsetError('<< needs a mapping alias', line.no);
					for (const [k, v] of Object.entries(source)) if (!own.has(k)) out[k] = v;
				}
				continue;
			}
			if (own.has(key)) throw new YamlSubsetError(`duplicate key "${key}"`, line.no);
			own.add(key);
			out[key] = value;
		}
		return out;
	}

	private scalar(text: string, no: number): unknown {
		const alias = /^\*([\w-]+)$/.exec(text);
		if (alias) {
			if (!this.anchors.has(alias[1])) throw new YamlSubsetError(`unknown alias *${alias[1]}`, no);
			return this.anchors.get(alias[1]);
		}
		const anchored = /^&([\w-]+)\s+(.+)$/.exec(text);
		if (anchored) {
			const value = this.scalar(anchored[2], no);
			this.anchors.set(anchored[1], value);
			return value;
		}
		if (text.startsWith('{')) throw new YamlSubsetError('flow mappings are not supported', no);
		if (text === '|' || text === '>' || /^[|>][-+0-9]*$/.test(text)) throw new YamlSubsetError('block scalars are not supported', no);
		if (text.startsWith('[')) {
			if (!text.endsWith(']')) throw new YamlSubsetError('a flow sequence must end on its line', no);
			return splitFlow(text.slice(1, -1), no).map((part) => this.scalar(part, no));
		}
		if (text.startsWith('"')) {
			if (!text.endsWith('"') || text.length < 2) throw new YamlSubsetError('text after a quoted scalar', no);
			return unquoteDouble(text, no);
		}
		if (text.startsWith("'")) {
			if (!text.endsWith("'") || text.length < 2) throw new YamlSubsetError('text after a quoted scalar', no);
			return text.slice(1, -1).replace(/''/g, "'");
		}
		if (/^[!%@`]/.test(text)) throw new YamlSubsetError(`unsupported scalar "${text}"`, no);
		if (/:\s/.test(text)) throw new YamlSubsetError(`a plain scalar may not contain ": " ("${text}")`, no);
		return plainScalar(text);
	}
}

export function parseYamlSubset(source: string): unknown {
	return new Parser(toLines(source)).parse();
}
