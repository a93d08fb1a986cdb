import { Builder, Parser } from 'xml2js';

/**
 * XML in and out of the Sage Intacct gateway. Parsing is strict and safe:
 * - a document with a DOCTYPE is refused before it reaches the parser, so no entity can be
 *   declared (billion laughs) and no external entity or DTD can be referenced (XXE);
 * - xml2js runs on sax, which never reads DTDs nor fetches anything and rejects undeclared
 *   entity references in strict mode: a second wall behind the first;
 * - every value stays a string (no number/boolean guessing: "00120" is an ID, "1.10" is money)
 *   and empty elements become "".
 */

export class XmlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'XmlError';
	}
}

export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
	[name: string]: XmlValue | Record<string, string> | undefined;
	/** Attributes, when the element has any. */
	$?: Record<string, string>;
}

/** Callers turn it into a NodeOperationError that names the parameter or the response. */
function xmlError(message: string): XmlError {
	return new XmlError(message);
}

/** The xml2js options of every parse: strings only, no implicit arrays, attributes under `$`. */
export const PARSER_OPTIONS = {
	explicitArray: false,
	explicitRoot: true,
	attrkey: '$',
	charkey: '_',
	trim: false,
	normalize: false,
	normalizeTags: false,
	emptyTag: '',
	strict: true,
	async: false,
	explicitCharkey: false,
	mergeAttrs: false,
	includeWhiteChars: false,
} as const;

const DOCTYPE = /<!DOCTYPE/i;
const ENTITY = /<!ENTITY/i;

/**
 * Parses without the DOCTYPE guard; exported so tests can show the parser itself does not expand
 * entities. Synchronous: with `async: false` xml2js calls back before parseString returns.
 */
export function parseUnguarded(xml: string): XmlNode {
	const parser = new Parser(PARSER_OPTIONS);
	let result: XmlNode | undefined;
	let failure: unknown;
	parser.parseString(xml, (error: unknown, parsed: unknown) => {
		if (error) failure = error;
		else result = parsed as XmlNode;
	});
	if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
	if (result === undefined) throw new Error('the document is empty');
	return result;
}

/** Parses an XML document from the gateway (or a user) into plain objects of strings. */
export function parseXml(xml: string | Buffer): XmlNode {
	const text = Buffer.isBuffer(xml) ? xml.toString('utf8') : xml;
	if (DOCTYPE.test(text) || ENTITY.test(text)) {
		throw xmlError('XML with a DOCTYPE or entity declaration is refused (entity expansion and external entities are not allowed)');
	}
	let failure: unknown;
	try {
		return parseUnguarded(text);
	} catch (error) {
		failure = error;
	}
	throw xmlError(`Not well-formed XML: ${(failure instanceof Error ? failure.message : String(failure)).split('\n')[0]}`);
}

/** One element as an array, whether xml2js gave none, one or several. */
export function asArray<T = XmlValue>(value: unknown): T[] {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : [value]) as T[];
}

/** Text of an element: "" for an empty one, the `_` text of an element with attributes. */
export function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return text(value[0]);
	if (typeof value === 'object' && '_' in (value as object)) return String((value as { _: unknown })._);
	return '';
}

export function attr(node: unknown, name: string): string | undefined {
	if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
	return (node as XmlNode).$?.[name];
}

/**
 * A parsed record as plain JSON: text elements become strings, nested elements objects, repeated
 * elements arrays; attributes are dropped (Intacct records carry none that matter).
 */
export function toPlain(value: unknown): unknown {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(toPlain);
	if (value && typeof value === 'object') {
		const node = value as XmlNode;
		const keys = Object.keys(node).filter((k) => k !== '$');
		if (keys.length === 1 && keys[0] === '_') return String(node._);
		const out: Record<string, unknown> = {};
		for (const key of keys) if (key !== '_') out[key] = toPlain(node[key]);
		return out;
	}
	return '';
}

/** An XML-safe element name: letters, digits, _, -, . and not starting with a digit, "-", "." or "xml". */
export function isElementName(name: string): boolean {
	return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) && !/^xml/i.test(name);
}

/**
 * Builds an XML fragment (no declaration) from plain JSON: objects become elements, arrays repeat
 * the element, everything else becomes escaped text. Keys that are not element names are refused
 * so input data can never smuggle markup into a request.
 */
export function buildFragment(root: string, value: unknown): string {
	check(root, value, root);
	const builder = new Builder({ headless: true, rootName: root, renderOpts: { pretty: false }, attrkey: '$', charkey: '_' });
	return builder.buildObject(normaliseForBuilder(value));
}

function check(name: string, value: unknown, path: string): void {
	if (!isElementName(name)) throw new XmlError(`"${path}" is not a valid XML element name`);
	if (Array.isArray(value)) value.forEach((entry, i) => check(name, entry, `${path}[${i}]`));
	else if (value && typeof value === 'object') {
		for (const [key, child] of Object.entries(value)) {
			if (key === '$') continue;
			check(key, child, `${path}.${key}`);
		}
	}
}

function normaliseForBuilder(value: unknown): unknown {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map(normaliseForBuilder);
	if (typeof value === 'object') {
		const out: Record<string, unknown> = {};
		// An undefined field is left out, not sent empty (an empty element clears a field in Intacct).
		for (const [key, child] of Object.entries(value)) if (child !== undefined) out[key] = normaliseForBuilder(child);
		return out;
	}
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return String(value);
}

/** Escapes text for use inside an element. */
export function escapeText(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
