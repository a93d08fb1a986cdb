/**
 * Wraps transaction-set bodies in ST/SE, GS/GE and ISA/IEA: fixed-width ISA, counts computed here,
 * control numbers from an allocator (or given), dates from an injectable clock.
 */
import { formatSegments, X12GenerateError } from './generate';
import type { Delimiters, Segment } from './types';
import { segment } from './types';

export const MAX_CONTROL_NUMBER = 999_999_999;

const ENVELOPE_IDS = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE']);

export type ControlNumberKind = 'interchange' | 'group' | 'set';

/**
 * Hands out control numbers: resolves to the first of `count` (default 1) consecutive numbers that
 * nobody else gets. Numbers above 999999999 are wrapped to 1.. by the builder.
 */
export type ControlNumberAllocator = (kind: ControlNumberKind, partnerKey: string, count?: number) => Promise<number>;

/** Fixed starting numbers: groups and sets are numbered consecutively from these. */
export interface FixedControlNumbers {
	interchange: number;
	group: number;
	set: number;
}

export interface IsaParty {
	/** ISA05/ISA07, e.g. "ZZ", "01", "12". */
	qualifier: string;
	/** ISA06/ISA08, at most 15 characters (padded here). */
	id: string;
}

export interface TransactionSetInput {
	/** ST01, e.g. "850". */
	id: string;
	/** The body, without ST and SE. */
	segments: Segment[];
	/** ST03 (005010 and later), e.g. "005010X222A1"; defaults to the group's. */
	implementationReference?: string;
	/** ST02; otherwise allocated. */
	controlNumber?: number;
}

export interface GroupInput {
	/** GS01, e.g. "PO", "SH", "IN", "FA". */
	functionalId: string;
	/** GS02 and GS03 (2–15 characters). */
	appSender: string;
	appReceiver: string;
	/** GS08, e.g. "004010", "005010", "005010X222A1". */
	version: string;
	/** Default ST03 for the sets of this group (005010 and later). */
	implementationReference?: string;
	/** GS06; otherwise allocated. */
	controlNumber?: number;
	sets: TransactionSetInput[];
}

export interface InterchangeInput {
	sender: IsaParty;
	receiver: IsaParty;
	/** ISA12, e.g. "00401", "00501". */
	version: string;
	/** ISA15; default "P". */
	usage?: 'P' | 'T' | 'I';
	/** ISA14; default false. */
	ackRequested?: boolean;
	/** ISA01–ISA04; default "00" and blanks. */
	authorization?: { qualifier: string; information: string };
	security?: { qualifier: string; information: string };
	/** The document time; default `clock()`. */
	date?: Date;
	/** Default `() => new Date()`. */
	clock?: () => Date;
	/** IANA zone for the ISA/GS dates and times; default "UTC". */
	timeZone?: string;
	controlNumbers: ControlNumberAllocator | FixedControlNumbers;
	/** Key under which the allocator counts; default derived from sender and receiver. */
	partnerKey?: string;
	groups: GroupInput[];
}

export interface AssignedControlNumbers {
	interchange: number;
	groups: number[];
	/** Per group, per set. */
	sets: number[][];
}

export interface BuiltInterchange {
	text: string;
	segments: Segment[];
	controlNumbers: AssignedControlNumbers;
}

/** Wraps 999999999 + 1 → 1 (0 is not a valid control number). */
export const wrapControlNumber = (n: number) => ((n - 1) % MAX_CONTROL_NUMBER) + 1;

export const defaultPartnerKey = (sender: IsaParty, receiver: IsaParty) =>
	`${sender.qualifier}:${sender.id.trim()}>${receiver.qualifier}:${receiver.id.trim()}`;

function fail(message: string): never {
	throw new X12GenerateError(message);
}

function fixed(name: string, value: string, width: number, pattern = /^[^\r\n]*$/): string {
	if (typeof value !== 'string' || value.length > width || !pattern.test(value)) {
		fail(`${name} must be a string of at most ${width} characters (got ${JSON.stringify(value)})`);
	}
	return value.padEnd(width, ' ');
}

function checkControlNumber(name: string, n: number): number {
	if (!Number.isSafeInteger(n) || n < 1) fail(`${name} control number must be a positive integer (got ${n})`);
	return wrapControlNumber(n);
}

/** Parts of a date in a time zone: [CCYY, MM, DD, HH, MM]. */
function dateParts(date: Date, timeZone: string): string[] {
	if (Number.isNaN(date.getTime())) fail('The interchange date is invalid');
	if (timeZone === 'UTC') {
		const iso = date.toISOString();
		return [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 13), iso.slice(14, 16)];
	}
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
		});
	} catch {
		fail(`Unknown time zone ${JSON.stringify(timeZone)}`);
	}
	const get = (type: string) => format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
	return [get('year').padStart(4, '0'), get('month'), get('day'), get('hour'), get('minute')];
}

/** Whether ISA11 is the repetition separator (00402 and later) rather than "U". */
export const hasRepetitionSeparator = (isaVersion: string) => isaVersion >= '00402';

/** The delimiters actually used for a version: before 00402 there is no repetition separator. */
export function delimitersForVersion(isaVersion: string, delimiters: Delimiters): Delimiters {
	if (hasRepetitionSeparator(isaVersion)) {
		if (delimiters.repetition === undefined) {
			fail(`ISA12 ${isaVersion} needs a repetition separator (ISA11)`);
		}
		return delimiters;
	}
	const rest = { ...delimiters };
	delete rest.repetition;
	return rest;
}

async function allocate(
	source: ControlNumberAllocator | FixedControlNumbers,
	partnerKey: string,
	input: InterchangeInput,
): Promise<AssignedControlNumbers> {
	const interchange =
		typeof source === 'function' ? await source('interchange', partnerKey, 1) : source.interchange;
	const needGroups = input.groups.filter((g) => g.controlNumber === undefined).length;
	const needSets = input.groups.reduce(
		(sum, g) => sum + g.sets.filter((s) => s.controlNumber === undefined).length,
		0,
	);
	// One call per kind, for a block: a 20 000-set batch costs one counter write, not 20 000.
	let nextGroup =
		typeof source === 'function' ? (needGroups ? await source('group', partnerKey, needGroups) : 1) : source.group;
	let nextSet =
		typeof source === 'function' ? (needSets ? await source('set', partnerKey, needSets) : 1) : source.set;
	const groups: number[] = [];
	const sets: number[][] = [];
	for (const group of input.groups) {
		groups.push(checkControlNumber('GS06', group.controlNumber ?? nextGroup++));
		sets.push(group.sets.map((set) => checkControlNumber('ST02', set.controlNumber ?? nextSet++)));
	}
	return { interchange: checkControlNumber('ISA13', interchange), groups, sets };
}

/** The envelope segments of an interchange, by group and set (bodies are not copied). */
interface Envelope {
	isa: Segment;
	groups: Array<{ gs: Segment; ge: Segment; sets: Array<{ st: Segment; se: Segment; body: Segment[] }> }>;
	iea: Segment;
}

function envelope(input: InterchangeInput, numbers: AssignedControlNumbers, delimiters: Delimiters): Envelope {
	const { sender, receiver, version } = input;
	if (!/^\d{5}$/.test(version)) fail(`ISA12 must be 5 digits, e.g. 00401 or 00501 (got ${JSON.stringify(version)})`);
	const usage = input.usage ?? 'P';
	if (!['P', 'T', 'I'].includes(usage)) fail(`ISA15 usage indicator must be P, T or I (got ${JSON.stringify(usage)})`);
	if (input.groups.length === 0) fail('An interchange needs at least one functional group');
	const auth = input.authorization ?? { qualifier: '00', information: '' };
	const security = input.security ?? { qualifier: '00', information: '' };
	const date = input.date ?? (input.clock ?? (() => new Date()))();
	const [ccyy, mm, dd, hh, mi] = dateParts(date, input.timeZone ?? 'UTC');
	const qualifier = /^[A-Za-z0-9]{2}$/;
	const isaId = /^[^\r\n]{1,15}$/;
	if (!isaId.test(sender.id.trim())) fail('ISA06 sender id must be 1–15 characters');
	if (!isaId.test(receiver.id.trim())) fail('ISA08 receiver id must be 1–15 characters');
	const isa13 = String(numbers.interchange).padStart(9, '0');

	const isa = segment(
		'ISA',
		fixed('ISA01', auth.qualifier, 2, qualifier),
		fixed('ISA02', auth.information, 10),
		fixed('ISA03', security.qualifier, 2, qualifier),
		fixed('ISA04', security.information, 10),
		fixed('ISA05', sender.qualifier, 2, qualifier),
		fixed('ISA06', sender.id, 15),
		fixed('ISA07', receiver.qualifier, 2, qualifier),
		fixed('ISA08', receiver.id, 15),
		ccyy.slice(2) + mm + dd,
		hh + mi,
		hasRepetitionSeparator(version) ? (delimiters.repetition ?? '') : 'U',
		version,
		isa13,
		input.ackRequested ? '1' : '0',
		usage,
		delimiters.component,
	);
	const groups = input.groups.map((group, g) => {
		if (!/^[A-Z]{2}$/.test(group.functionalId)) fail(`GS01 must be two capital letters (got ${JSON.stringify(group.functionalId)})`);
		for (const [name, value] of [
			['GS02', group.appSender],
			['GS03', group.appReceiver],
		]) {
			if (typeof value !== 'string' || value.length < 2 || value.length > 15) {
				fail(`${name} application code must be 2–15 characters (got ${JSON.stringify(value)})`);
			}
		}
		if (!/^\d{6}[A-Za-z0-9]{0,6}$/.test(group.version)) {
			fail(`GS08 version must be like 004010 or 005010X222A1 (got ${JSON.stringify(group.version)})`);
		}
		if (group.sets.length === 0) fail(`Group ${g + 1} (${group.functionalId}) has no transaction sets`);
		const gs06 = String(numbers.groups[g]);
		const sets = group.sets.map((set, s) => {
			if (!/^\d{3}$/.test(set.id)) fail(`ST01 must be a 3-digit transaction set id (got ${JSON.stringify(set.id)})`);
			const st02 = String(numbers.sets[g][s]).padStart(4, '0');
			const reference = set.implementationReference ?? group.implementationReference;
			if (reference && group.version < '005') {
				fail(`ST03 implementation reference needs version 005010 or later (group version ${group.version})`);
			}
			return {
				st: reference ? segment('ST', set.id, st02, reference) : segment('ST', set.id, st02),
				se: segment('SE', String(set.segments.length + 2), st02),
				body: set.segments,
			};
		});
		return {
			gs: segment('GS', group.functionalId, group.appSender, group.appReceiver, ccyy + mm + dd, hh + mi, gs06, 'X', group.version),
			ge: segment('GE', String(group.sets.length), gs06),
			sets,
		};
	});
	return { isa, groups, iea: segment('IEA', String(input.groups.length), isa13) };
}

function checkBody(setId: string, body: Segment[]): void {
	for (const seg of body) {
		if (ENVELOPE_IDS.has(seg.id)) {
			fail(`Transaction set ${setId} body must not contain ${seg.id}: envelopes are added by the generator`);
		}
	}
}

function flatten(env: Envelope): Segment[] {
	const out: Segment[] = [env.isa];
	for (const group of env.groups) {
		out.push(group.gs);
		for (const set of group.sets) {
			out.push(set.st);
			for (const seg of set.body) out.push(seg);
			out.push(set.se);
		}
		out.push(group.ge);
	}
	out.push(env.iea);
	return out;
}

/**
 * The segments of an interchange for given control numbers (synchronous; `buildInterchange`
 * allocates the numbers and formats the text).
 */
export function interchangeSegments(
	input: InterchangeInput,
	numbers: AssignedControlNumbers,
	delimiters: Delimiters,
): Segment[] {
	input.groups.forEach((group) => group.sets.forEach((set) => checkBody(set.id, set.segments)));
	return flatten(envelope(input, numbers, delimiters));
}

/** A complete interchange: allocates control numbers, then builds and formats every segment. */
export async function buildInterchange(input: InterchangeInput, delimiters: Delimiters): Promise<BuiltInterchange> {
	const effective = delimitersForVersion(input.version, delimiters);
	const partnerKey = input.partnerKey ?? defaultPartnerKey(input.sender, input.receiver);
	// Everything that can fail is checked before control numbers are consumed, so a bad input
	// leaves no gap: the envelope with placeholder numbers, and every body (formatted once here).
	const probe: AssignedControlNumbers = {
		interchange: 1,
		groups: input.groups.map(() => 1),
		sets: input.groups.map((g) => g.sets.map(() => 1)),
	};
	const draft = envelope(input, probe, effective);
	formatSegments(
		[draft.isa, draft.iea, ...draft.groups.flatMap((g) => [g.gs, g.ge, ...g.sets.flatMap((s) => [s.st, s.se])])],
		effective,
	);
	const bodies = input.groups.map((g) =>
		g.sets.map((set) => {
			checkBody(set.id, set.segments);
			return formatSegments(set.segments, effective);
		}),
	);
	const numbers = await allocate(input.controlNumbers, partnerKey, input);
	const env = envelope(input, numbers, effective);
	const line = (seg: Segment) => formatSegments([seg], effective);
	let text = line(env.isa);
	env.groups.forEach((group, g) => {
		text += line(group.gs);
		group.sets.forEach((set, s) => {
			text += line(set.st) + bodies[g][s] + line(set.se);
		});
		text += line(group.ge);
	});
	text += line(env.iea);
	return { text, segments: flatten(env), controlNumbers: numbers };
}
