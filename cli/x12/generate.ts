/**
 * `x12 generate`: a JSON description of an interchange (segments as rows of plain strings, composites as
 * arrays) checked and turned into `buildInterchange` input. Every mistake is reported by its JSON path.
 */
import type { FixedControlNumbers, GroupInput, InterchangeInput, IsaParty, TransactionSetInput } from '../../nodes/X12/core/buildInterchange';
import { segment, type Delimiters, type Segment } from '../../nodes/X12/core/types';
import { UsageError } from './io';

export const DEFAULT_DELIMITERS: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~', suffix: '\n' };

type Json = Record<string, unknown>;

function fail(path: string, message: string): never {
	throw new UsageError(`${path}: ${message}`);
}

function object(value: unknown, path: string): Json {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
	return value as Json;
}

function text(value: unknown, path: string, optional = false): string | undefined {
	if (value === undefined && optional) return undefined;
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string') fail(path, 'must be a string');
	return value;
}

function required(value: unknown, path: string): string {
	return text(value, path) as string;
}

function positive(value: unknown, path: string): number | undefined {
	if (value === undefined) return undefined;
	const n = typeof value === 'string' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) fail(path, 'must be a positive integer');
	return n;
}

function party(value: unknown, path: string): IsaParty {
	const o = object(value, path);
	return { qualifier: required(o.qualifier, `${path}.qualifier`), id: required(o.id, `${path}.id`) };
}

function isStrings(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** A row `["BEG", "00", ["A", "B"], [["R1"], ["R2"]]]` as a segment. */
export function rowSegment(value: unknown, path: string): Segment {
	if (!Array.isArray(value) || value.length === 0 || typeof value[0] !== 'string') fail(path, 'must be an array starting with the segment id');
	const [id, ...rest] = value as unknown[];
	const elements = rest.map((element, i) => {
		if (typeof element === 'number') return String(element);
		if (typeof element === 'string' || isStrings(element)) return element;
		if (Array.isArray(element) && element.length > 0 && element.every(isStrings)) return element as string[][];
		return fail(`${path}[${i + 1}]`, 'must be a string, an array of strings (composite) or an array of those (repetitions)');
	});
	return segment(id as string, ...elements);
}

function set(value: unknown, path: string): TransactionSetInput {
	const o = object(value, path);
	if (!Array.isArray(o.segments)) fail(`${path}.segments`, 'must be an array of segment rows');
	const input: TransactionSetInput = {
		id: required(o.id, `${path}.id`),
		segments: (o.segments as unknown[]).map((row, i) => rowSegment(row, `${path}.segments[${i}]`)),
	};
	const reference = text(o.implementationReference, `${path}.implementationReference`, true);
	if (reference) input.implementationReference = reference;
	const control = positive(o.controlNumber, `${path}.controlNumber`);
	if (control !== undefined) input.controlNumber = control;
	return input;
}

function group(value: unknown, path: string): GroupInput {
	const o = object(value, path);
	if (!Array.isArray(o.sets)) fail(`${path}.sets`, 'must be an array');
	const input: GroupInput = {
		functionalId: required(o.functionalId, `${path}.functionalId`),
		appSender: required(o.appSender, `${path}.appSender`),
		appReceiver: required(o.appReceiver, `${path}.appReceiver`),
		version: required(o.version, `${path}.version`),
		sets: (o.sets as unknown[]).map((s, i) => set(s, `${path}.sets[${i}]`)),
	};
	const reference = text(o.implementationReference, `${path}.implementationReference`, true);
	if (reference) input.implementationReference = reference;
	const control = positive(o.controlNumber, `${path}.controlNumber`);
	if (control !== undefined) input.controlNumber = control;
	return input;
}

function delimiters(value: unknown): Delimiters {
	if (value === undefined) return DEFAULT_DELIMITERS;
	const o = object(value, 'delimiters');
	const out: Delimiters = {
		element: required(o.element ?? DEFAULT_DELIMITERS.element, 'delimiters.element'),
		component: required(o.component ?? DEFAULT_DELIMITERS.component, 'delimiters.component'),
		segment: required(o.segment ?? DEFAULT_DELIMITERS.segment, 'delimiters.segment'),
	};
	const repetition = 'repetition' in o ? text(o.repetition, 'delimiters.repetition', true) : DEFAULT_DELIMITERS.repetition;
	if (repetition) out.repetition = repetition;
	// The default newline after each terminator only when the terminator is not itself a line break.
	const suffix = 'suffix' in o ? text(o.suffix, 'delimiters.suffix', true) : /[\r\n]/.test(out.segment) ? undefined : DEFAULT_DELIMITERS.suffix;
	if (suffix) out.suffix = suffix;
	return out;
}

/**
 * The generator input from the JSON document. `controlNumbers` (document or flags) defaults to 1/1/1: fine for
 * files made by hand; workflows use the node, which takes numbers from the state store.
 */
export function generateInput(document: unknown, overrides: { controlNumbers?: FixedControlNumbers; date?: Date } = {}) {
	const o = object(document, '$');
	if (!Array.isArray(o.groups)) fail('$.groups', 'must be an array');
	const fixed = o.controlNumbers === undefined ? undefined : object(o.controlNumbers, '$.controlNumbers');
	const controlNumbers: FixedControlNumbers = overrides.controlNumbers ?? {
		interchange: positive(fixed?.interchange, '$.controlNumbers.interchange') ?? 1,
		group: positive(fixed?.group, '$.controlNumbers.group') ?? 1,
		set: positive(fixed?.set, '$.controlNumbers.set') ?? 1,
	};
	const usage = text(o.usage, '$.usage', true);
	if (usage !== undefined && !['P', 'T', 'I'].includes(usage)) fail('$.usage', 'must be P, T or I');
	const input: InterchangeInput = {
		sender: party(o.sender, '$.sender'),
		receiver: party(o.receiver, '$.receiver'),
		version: required(o.version, '$.version'),
		usage: (usage ?? 'P') as InterchangeInput['usage'],
		ackRequested: o.ackRequested === true,
		controlNumbers,
		groups: (o.groups as unknown[]).map((g, i) => group(g, `$.groups[${i}]`)),
	};
	const dateText = text(o.date, '$.date', true);
	const date = overrides.date ?? (dateText !== undefined ? new Date(dateText) : undefined);
	if (date && Number.isNaN(date.getTime())) fail('$.date', 'must be an ISO date-time');
	if (date) input.date = date;
	return { input, delimiters: delimiters(o.delimiters) };
}
