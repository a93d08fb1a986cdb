/**
 * 997 / 999 (005010X231A1) functional acknowledgements and TA1 interchange acknowledgements, written from the
 * envelope report. One reply interchange per inbound interchange, parties swapped, one FA group per acknowledged
 * group (so each echoes that group's GS02/GS03). Envelopes come from `buildInterchange`, so control numbers,
 * ISA padding and counts follow the same rules as every other document we send.
 */
import {
	interchangeSegments,
	buildInterchange,
	defaultPartnerKey,
	delimitersForVersion,
	hasRepetitionSeparator,
	type ControlNumberAllocator,
	type FixedControlNumbers,
	type GroupInput,
	type InterchangeInput,
	type IsaParty,
	wrapControlNumber,
} from './buildInterchange';
import {
	acknowledgementStatus,
	InboundEnvelopes,
	inboundEnvelopes,
	type AckError,
	type AcknowledgementStatus,
	type GroupAcknowledgement,
	type StatusOptions,
	type Ta1Acknowledgement,
} from './ackStatus';
import { assertDelimiters, formatSegments, X12GenerateError } from './generate';
import { tokenizeX12Batches, type ChunkSource } from './stream';
import { decodeX12, EventCollector, X12Tokenizer, type ParseResult } from './tokenizer';
import { segment, type Delimiters, type Segment } from './types';
import { EnvelopeValidator, type EnvelopeReport, type InterchangeReport, type ValidateOptions } from './validate';

export * from './ackStatus';

export type AckType = '997' | '999';

/** One side of the reply: ISA05/06 (or 07/08) and, optionally, GS02 (or GS03). */
export interface AckParty extends IsaParty {
	application?: string;
}

export interface AckOptions extends StatusOptions {
	type: AckType;
	/** Write a TA1 for every interchange (rejected interchanges always get one). */
	ta1?: boolean;
	/** Us (default: the inbound ISA07/08 and GS03). */
	sender?: AckParty;
	/** Them (default: the inbound ISA05/06 and GS02). */
	receiver?: AckParty;
	/** An allocator (e.g. `stateStoreControlNumbers`) or fixed first numbers, counted on across reply interchanges. */
	controlNumbers: ControlNumberAllocator | FixedControlNumbers;
	partnerKey?: string;
	/** Default: each inbound interchange's own delimiters (or `*` `:` `^` `~` when those cannot be written). */
	delimiters?: Delimiters;
	/** ISA12 of the replies; default the inbound ISA12 (997) or 00501 (999, which exists only in 005010). */
	isaVersion?: string;
	/** 999 GS08/ST03; default "005010X231A1". */
	implementationReference?: string;
	/** ISA15 of the replies; default the inbound one (test data is acknowledged as test data). */
	usage?: 'P' | 'T';
	clock?: () => Date;
	date?: Date;
	timeZone?: string;
}

export interface AcknowledgementResult extends AcknowledgementStatus {
	/** Every reply interchange, one after the other ('' when there is nothing to acknowledge). */
	text: string;
	/** Per reply interchange: the inbound interchange it answers, its text and segments. */
	replies: Array<{ interchange: number; controlNumber: number; text: string; segments: Segment[] }>;
	/** The TA1s written (also included in `text`). */
	ta1: Ta1Acknowledgement[];
	/** Interchanges that could not be answered (e.g. an ISA sender that cannot be addressed), with why. */
	unanswered: Array<{ interchange: number; reason: string }>;
}

export const DEFAULT_999_REFERENCE = '005010X231A1';
const FALLBACK_DELIMITERS: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~', suffix: '\n' };

/** Fixed first numbers as an allocator, so several reply interchanges number on without repeating. */
function counterFrom(fixed: FixedControlNumbers): ControlNumberAllocator {
	const next = { ...fixed };
	return async (kind, _key, count = 1) => {
		const first = next[kind];
		next[kind] += count;
		return first;
	};
}

/** An echoed inbound value with our delimiters taken out, so a reply can always be written. */
function echo(value: string, delimiters: Delimiters, max = 99): string {
	const forbidden = [delimiters.element, delimiters.component, delimiters.segment, delimiters.repetition, '\r', '\n'];
	let out = value;
	for (const ch of forbidden) if (ch) out = out.split(ch).join('');
	return out.slice(0, max);
}

function writable(delimiters: Delimiters): boolean {
	try {
		assertDelimiters(delimiters);
		return true;
	} catch {
		return false;
	}
}

/** The reply's delimiters: the given ones, else the inbound ones when they can be written; a repetition separator is added for 00402+. */
function replyDelimiters(inbound: Delimiters, version: string, given?: Delimiters): Delimiters {
	// Indentation after the terminator is layout we do not reproduce; line breaks are kept.
	const own: Delimiters = { ...inbound };
	if (own.suffix !== undefined) own.suffix = own.suffix.replace(/[^\r\n]/g, '');
	let delimiters = given ?? (writable(own) ? own : { ...FALLBACK_DELIMITERS });
	if (hasRepetitionSeparator(version) && delimiters.repetition === undefined) {
		const used = [delimiters.element, delimiters.component, delimiters.segment];
		const repetition = ['^', '{', '|', '!', '`'].find((c) => !used.some((u) => u.includes(c)));
		delimiters = { ...delimiters, repetition };
	}
	return delimitersForVersion(version, delimiters);
}

function replyIsaVersion(type: AckType, inbound: string, given?: string): string {
	if (given) return given;
	const valid = /^\d{5}$/.test(inbound);
	if (type === '999') return valid && inbound >= '00501' ? inbound : '00501';
	return valid ? inbound : '00401';
}

/** GS08 of a 997: the acknowledged group's version (its first six digits), else one matching the ISA. */
function replyGroupVersion(options: AckOptions, group: GroupAcknowledgement, isaVersion: string): string {
	if (options.type === '999') return options.implementationReference ?? DEFAULT_999_REFERENCE;
	const match = /^\d{6}/.exec(group.version);
	return match ? match[0] : `${isaVersion}0`;
}

/** The AK3/AK4 (IK3/IK4) segments of one set's located errors, grouped per segment in position order. */
function segmentErrors(type: AckType, errors: AckError[], delimiters: Delimiters): Segment[] {
	const bySegment = new Map<number, AckError[]>();
	for (const error of errors) {
		if (!error.segment) continue;
		const list = bySegment.get(error.segment.position);
		if (list) list.push(error);
		else bySegment.set(error.segment.position, [error]);
	}
	const [segmentId, elementId] = type === '997' ? ['AK3', 'AK4'] : ['IK3', 'IK4'];
	const out: Segment[] = [];
	for (const position of [...bySegment.keys()].sort((a, b) => a - b)) {
		const found = bySegment.get(position) as AckError[];
		const first = found[0].segment as NonNullable<AckError['segment']>;
		// "8": the segment has data element errors (only element errors were found in it).
		const code = found.find((e) => e.segment?.code)?.segment?.code ?? '8';
		const loop = found.find((e) => e.segment?.loop)?.segment?.loop ?? '';
		out.push(segment(segmentId, echo(first.id, delimiters, 3), String(position), echo(loop, delimiters, 4), code));
		for (const error of found) {
			const element = error.element;
			if (!element) continue;
			const where = element.component !== undefined ? [String(element.position), String(element.component)] : String(element.position);
			out.push(segment(elementId, where, element.reference ?? '', element.code, echo(element.value ?? '', delimiters)));
		}
	}
	return out;
}

/** The body of one 997 or 999 set (AK1 … AK9) for one inbound group. */
export function acknowledgementBody(type: AckType, group: GroupAcknowledgement, delimiters: Delimiters): Segment[] {
	const body: Segment[] = [];
	const e = (value: string) => echo(value, delimiters);
	body.push(type === '997' ? segment('AK1', e(group.functionalId), e(group.groupControl)) : segment('AK1', e(group.functionalId), e(group.groupControl), e(group.version)));
	for (const set of group.sets) {
		const ak2 = [e(set.code), e(set.controlNumber)];
		if (type === '999' && set.implementationReference) ak2.push(e(set.implementationReference));
		body.push(segment('AK2', ...ak2));
		body.push(...segmentErrors(type, set.errors, delimiters));
		body.push(segment(type === '997' ? 'AK5' : 'IK5', set.status, ...set.codes));
	}
	body.push(segment('AK9', group.status, String(group.included), String(group.received), String(group.accepted), ...group.codes));
	return body;
}

function ta1Segment(ta1: Ta1Acknowledgement, delimiters: Delimiters): Segment {
	const e = (value: string) => echo(value, delimiters);
	return segment('TA1', e(ta1.controlNumber), e(ta1.date), e(ta1.time), ta1.status, ta1.noteCode);
}

function inboundApplications(envelopes: InboundEnvelopes | undefined, group: GroupAcknowledgement) {
	const gs = envelopes?.groups.get(group.segmentIndex)?.gs;
	return { sender: gs?.elements[1]?.[0]?.[0] ?? '', receiver: gs?.elements[2]?.[0]?.[0] ?? '' };
}

/** GS02/GS03 must be 2–15 characters: fall back to the ISA id when the inbound one cannot be echoed. */
function application(value: string | undefined, fallback: string, delimiters: Delimiters): string {
	const clean = echo((value ?? '').trim(), delimiters, 15);
	if (clean.length >= 2) return clean;
	const id = echo(fallback.trim(), delimiters, 15);
	return id.length >= 2 ? id : `${id}  `.slice(0, 2);
}

async function reply(
	inbound: InterchangeReport,
	groups: GroupAcknowledgement[],
	ta1: Ta1Acknowledgement | undefined,
	envelopes: InboundEnvelopes | undefined,
	allocator: ControlNumberAllocator,
	options: AckOptions,
) {
	const version = replyIsaVersion(options.type, inbound.version, options.isaVersion);
	const delimiters = replyDelimiters(inbound.delimiters, version, options.delimiters);
	const sender: IsaParty = options.sender ?? { qualifier: inbound.receiverQualifier, id: echo(inbound.receiver, delimiters, 15) };
	const receiver: IsaParty = options.receiver ?? { qualifier: inbound.senderQualifier, id: echo(inbound.sender, delimiters, 15) };
	const groupInputs: GroupInput[] = groups.map((group) => {
		const apps = inboundApplications(envelopes, group);
		const groupVersion = replyGroupVersion(options, group, version);
		return {
			functionalId: 'FA',
			appSender: application(options.sender?.application ?? apps.receiver, sender.id, delimiters),
			appReceiver: application(options.receiver?.application ?? apps.sender, receiver.id, delimiters),
			version: groupVersion,
			sets: [
				{
					id: options.type,
					segments: acknowledgementBody(options.type, group, delimiters),
					...(options.type === '999' ? { implementationReference: groupVersion } : {}),
				},
			],
		};
	});
	const input: InterchangeInput = {
		sender,
		receiver,
		version,
		usage: options.usage ?? (inbound.usage === 'T' ? 'T' : 'P'),
		ackRequested: false,
		controlNumbers: allocator,
		groups: groupInputs,
	};
	for (const name of ['partnerKey', 'clock', 'date', 'timeZone'] as const) {
		if (options[name] !== undefined) Object.assign(input, { [name]: options[name] });
	}
	let segments: Segment[];
	let controlNumber: number;
	if (groupInputs.length > 0) {
		const built = await buildInterchange(input, delimiters);
		segments = built.segments;
		controlNumber = built.controlNumbers.interchange;
	} else {
		// A TA1 alone: the ISA comes from the generator (for a placeholder group), the IEA counts no groups.
		const placeholder: GroupInput = { functionalId: 'FA', appSender: 'XX', appReceiver: 'XX', version: '004010', sets: [{ id: '997', segments: [] }] };
		const probe = { ...input, groups: [placeholder] };
		// Written once with a placeholder number first, so a reply that cannot be written consumes no number.
		const draft = interchangeSegments(probe, { interchange: 1, groups: [1], sets: [[1]] }, delimiters)[0];
		formatSegments(ta1 ? [draft, ta1Segment(ta1, delimiters)] : [draft], delimiters);
		controlNumber = wrapControlNumber(await allocator('interchange', input.partnerKey ?? defaultPartnerKey(sender, receiver), 1));
		const isa = interchangeSegments(probe, { interchange: controlNumber, groups: [1], sets: [[1]] }, delimiters)[0];
		segments = [isa, segment('IEA', '0', String(controlNumber).padStart(9, '0'))];
	}
	// TA1 goes right after the ISA, before any group.
	if (ta1) segments.splice(1, 0, ta1Segment(ta1, delimiters));
	return { interchange: inbound.interchange, controlNumber, text: formatSegments(segments, delimiters), segments };
}

/**
 * Writes the 997 or 999 (and TA1s) for a checked file. `inbound` (the `parseX12` result, or `InboundEnvelopes`
 * collected from a stream) supplies GS02/GS03, GE01, ST03 and copies of bad data; without it, parties come
 * from the ISA alone and AK902 is the received count.
 */
export async function buildAcknowledgements(
	report: EnvelopeReport,
	inbound: InboundEnvelopes | ParseResult | undefined,
	options: AckOptions,
): Promise<AcknowledgementResult> {
	const envelopes = inboundEnvelopes(inbound);
	if (options.type !== '997' && options.type !== '999') throw new Error(`Unknown acknowledgement type ${String(options.type)}: use 997 or 999`);
	const status = acknowledgementStatus(report, envelopes, options);
	const allocator = typeof options.controlNumbers === 'function' ? options.controlNumbers : counterFrom(options.controlNumbers);
	const replies: AcknowledgementResult['replies'] = [];
	const ta1: Ta1Acknowledgement[] = [];
	const unanswered: AcknowledgementResult['unanswered'] = [];
	const byInterchange = new Map<number, GroupAcknowledgement[]>();
	for (const group of status.acknowledgements) {
		const list = byInterchange.get(group.interchange);
		if (list) list.push(group);
		else byInterchange.set(group.interchange, [group]);
	}
	// Sequential on purpose: reply interchanges take control numbers in file order.
	for (const [i, interchange] of report.interchanges.entries()) {
		const groups = byInterchange.get(interchange.interchange) ?? [];
		const verdict = status.interchanges[i];
		const withTa1 = verdict && (options.ta1 || verdict.status === 'R') ? verdict : undefined;
		if (groups.length === 0 && !withTa1) continue;
		// Only "cannot be written" is absorbed (allocator failures propagate); nothing is allocated before the
		// reply is known to be writable, so skipping leaves no gap.
		const outcome = await reply(interchange, groups, withTa1, envelopes, allocator, options).catch((error: unknown) =>
			error instanceof X12GenerateError ? error : Promise.reject(error),
		);
		if (outcome instanceof X12GenerateError) {
			unanswered.push({ interchange: interchange.interchange, reason: outcome.message });
			continue;
		}
		replies.push(outcome);
		if (withTa1) ta1.push(withTa1);
	}
	return { ...status, text: replies.map((r) => r.text).join(''), replies, ta1, unanswered };
}

/** Checks a whole file and writes its acknowledgements (one tokenizer pass; segments kept for copies of bad data). */
export async function acknowledgeX12(
	input: string | Buffer | Uint8Array,
	options: AckOptions & { validate?: ValidateOptions },
): Promise<AcknowledgementResult & { report: EnvelopeReport }> {
	const validator = new EnvelopeValidator(options.validate);
	const collector = new EventCollector();
	const tokenizer = new X12Tokenizer((event) => {
		validator.onEvent(event);
		collector.add(event);
	});
	tokenizer.write(decodeX12(input));
	tokenizer.end();
	const report = validator.finish();
	return { ...(await buildAcknowledgements(report, InboundEnvelopes.fromParsed(collector.result), options)), report };
}

/** The same on a stream, keeping only the envelope segments (memory bounded by the number of sets). */
export async function acknowledgeX12Stream(
	source: ChunkSource,
	options: AckOptions & { validate?: ValidateOptions },
): Promise<AcknowledgementResult & { report: EnvelopeReport }> {
	const validator = new EnvelopeValidator(options.validate);
	const envelopes = new InboundEnvelopes(false);
	for await (const batch of tokenizeX12Batches(source)) {
		for (const event of batch) {
			validator.onEvent(event);
			envelopes.onEvent(event);
		}
	}
	const report = validator.finish();
	return { ...(await buildAcknowledgements(report, envelopes, options)), report };
}
