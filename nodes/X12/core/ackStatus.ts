/**
 * The verdicts a 997/999/TA1 carries, derived from the envelope report without writing any X12: per set
 * A/E/R with AK3/AK4/AK5 codes, per group A/E/P/R with AK9 counts and codes, per interchange a TA1 verdict.
 * `buildAcknowledgements` writes these out; the node uses them to route good and bad sets.
 */
import { diagnosticCodeInfo, type DiagnosticCodeInfo } from './codes';
import type { ParseResult, X12Event } from './tokenizer';
import { elementValue, type Diagnostic, type Segment } from './types';
import type { EnvelopeReport, GroupReport, InterchangeReport, TransactionSetReport } from './validate';

/** Acknowledgement codes a caller can attach to its own diagnostics (e.g. from implementation-guide checks). */
export interface AckCodes {
	/** AK304/IK304 segment error code, e.g. "3" (mandatory segment missing). */
	segment?: string;
	/** AK403/IK403 element error code, e.g. "7" (invalid code value). */
	element?: string;
	/** AK502/IK502 transaction set error code. */
	set?: string;
	/** AK905 group error code. */
	group?: string;
	/** TA105 interchange note code. */
	interchange?: string;
	/** AK402/IK402 data element reference number, e.g. "66". */
	reference?: string;
	/** Component position inside a composite (AK401-2), 1-based. */
	component?: number;
	/** AK303/IK303 loop identifier. */
	loop?: string;
	/** The bad value for AK404/IK404 (otherwise read from the segment when the input's segments are kept). */
	value?: string;
}

/** A diagnostic that may carry its own acknowledgement codes. */
export type AckDiagnostic = Diagnostic & { ack?: AckCodes };

/** One problem as the acknowledgement reports it. */
export interface AckError {
	/** The diagnostic code, e.g. "SE_COUNT". */
	code: string;
	severity: Diagnostic['severity'];
	message: string;
	/** AK502/IK502 (sets), AK905 (groups) or TA105 (interchanges) code, when the diagnostic implies one. */
	ackCode?: string;
	/** AK3/IK3: the segment in error, positioned from ST = 1. */
	segment?: { id: string; position: number; code?: string; loop?: string };
	/** AK4/IK4: the element in error inside that segment. */
	element?: { position: number; component?: number; reference?: string; code: string; value?: string };
}

export type SetStatus = 'A' | 'E' | 'R';
export type GroupStatus = 'A' | 'E' | 'P' | 'R';

export interface SetAcknowledgement {
	/** ST01. */
	code: string;
	/** ST02. */
	controlNumber: string;
	/** ST03 when the input has one (999 AK203). */
	implementationReference?: string;
	/** Index of the set in the report's transactionSets (and its position in the group). */
	transaction: number;
	status: SetStatus;
	/** AK502-AK506 / IK502-IK506. */
	codes: string[];
	errors: AckError[];
}

export interface GroupAcknowledgement {
	interchange: number;
	group: number;
	/** GS01. */
	functionalId: string;
	/** GS06. */
	groupControl: string;
	/** GS08. */
	version: string;
	/** Index of the GS segment in the file. */
	segmentIndex: number;
	status: GroupStatus;
	/** AK902: sets GE01 says the group holds (the received count when GE01 is missing or not a number). */
	included: number;
	/** AK903. */
	received: number;
	/** AK904: sets accepted (A or E). */
	accepted: number;
	/** AK905-AK909. */
	codes: string[];
	/** Problems with the group envelope itself. */
	errors: AckError[];
	sets: SetAcknowledgement[];
}

export interface Ta1Acknowledgement {
	interchange: number;
	/** ISA13, ISA09, ISA10 of the acknowledged interchange (TA101-TA103). */
	controlNumber: string;
	date: string;
	time: string;
	/** TA104. */
	status: SetStatus;
	/** TA105; "000" when there is no error. */
	noteCode: string;
	errors: AckError[];
}

export interface AcknowledgementStatus {
	/** One per functional group of an accepted interchange, except FA groups (acknowledgements are never acknowledged). */
	acknowledgements: GroupAcknowledgement[];
	/** One per interchange: always computed; written only when asked for or when the interchange is rejected. */
	interchanges: Ta1Acknowledgement[];
}

/**
 * The inbound segments the acknowledgement echoes: GS02/GS03 (swapped into the reply), GE01 (AK902), ST03 (999 AK203)
 * and, when kept, body segments for copies of bad data. Keyed by the segment's index in the file.
 */
export class InboundEnvelopes {
	readonly groups = new Map<number, { gs: Segment; ge?: Segment }>();
	readonly sets = new Map<number, Segment>();
	private readonly bodies = new Map<number, Segment>();
	private openGroup?: { gs: Segment; ge?: Segment };

	/** With `keepBodies`, every segment is kept (for AK404 copies); otherwise only GS/GE/ST, so a stream stays small. */
	constructor(private readonly keepBodies = false) {}

	onEvent(event: X12Event): void {
		if (event.kind !== 'segment') return;
		this.add(event.segment, event.segmentIndex);
	}

	add(segment: Segment, segmentIndex: number): void {
		switch (segment.id) {
			case 'ISA':
			case 'IEA':
				this.openGroup = undefined;
				break;
			case 'GS':
				this.openGroup = { gs: segment };
				this.groups.set(segmentIndex, this.openGroup);
				break;
			case 'GE':
				if (this.openGroup && !this.openGroup.ge) this.openGroup.ge = segment;
				this.openGroup = undefined;
				break;
			case 'ST':
				this.sets.set(segmentIndex, segment);
				break;
		}
		if (this.keepBodies) this.bodies.set(segmentIndex, segment);
	}

	segment(segmentIndex: number): Segment | undefined {
		return this.bodies.get(segmentIndex);
	}

	/** From a whole-file parse (keeps every segment, so copies of bad data are available). */
	static fromParsed(parsed: ParseResult): InboundEnvelopes {
		const envelopes = new InboundEnvelopes(true);
		for (const interchange of parsed.interchanges) {
			interchange.segments.forEach((segment, i) => envelopes.add(segment, interchange.segmentIndex + i));
		}
		return envelopes;
	}
}

/** The envelopes of a parse result (or the given envelopes as they are). */
export function inboundEnvelopes(source: InboundEnvelopes | ParseResult | undefined): InboundEnvelopes | undefined {
	if (source === undefined || source instanceof InboundEnvelopes) return source;
	return InboundEnvelopes.fromParsed(source);
}

export interface StatusOptions {
	/** More diagnostics (e.g. from implementation-guide checks), placed by interchange/group/transaction. */
	diagnostics?: AckDiagnostic[];
	/** Acknowledgement codes for diagnostic codes that codes.ts does not define. */
	codeInfo?: (code: string) => DiagnosticCodeInfo | undefined;
}

const MAX_CODES = 5;

function unique(codes: Array<string | undefined>): string[] {
	return [...new Set(codes.filter((c): c is string => !!c))].slice(0, MAX_CODES);
}

function infoOf(code: string, options: StatusOptions): DiagnosticCodeInfo | undefined {
	return diagnosticCodeInfo(code) ?? options.codeInfo?.(code);
}

function setError(diagnostic: AckDiagnostic, set: TransactionSetReport, options: StatusOptions, envelopes?: InboundEnvelopes): AckError {
	const info = infoOf(diagnostic.code, options);
	const ack = diagnostic.ack ?? {};
	const error: AckError = { code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message };
	const segmentCode = ack.segment ?? info?.ak3;
	const elementCode = ack.element ?? info?.ak4;
	const position = diagnostic.segmentIndex === undefined ? undefined : diagnostic.segmentIndex - set.segmentIndex + 1;
	const located = position !== undefined && position >= 1 && position <= set.segmentCount;
	if (located && (segmentCode || elementCode)) {
		const body = envelopes?.segment(diagnostic.segmentIndex as number);
		error.segment = { id: diagnostic.segmentId ?? body?.id ?? '', position };
		if (segmentCode) error.segment.code = segmentCode;
		if (ack.loop) error.segment.loop = ack.loop;
		if (elementCode && diagnostic.elementIndex !== undefined && diagnostic.elementIndex >= 1) {
			error.element = { position: diagnostic.elementIndex, code: elementCode };
			if (ack.component !== undefined) error.element.component = ack.component;
			if (ack.reference) error.element.reference = ack.reference;
			const value = ack.value ?? (body ? elementValue(body, diagnostic.elementIndex, ack.component ?? 1) : undefined);
			if (value) error.element.value = value;
		}
	}
	// A segment or element error without a set-level code is AK502 "5": one or more segments in error.
	const setCode = ack.set ?? info?.ak5 ?? (error.segment ? '5' : undefined);
	if (setCode) error.ackCode = setCode;
	return error;
}

function groupError(diagnostic: AckDiagnostic, options: StatusOptions): AckError {
	const code = diagnostic.ack?.group ?? infoOf(diagnostic.code, options)?.ak9;
	const error: AckError = { code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message };
	if (code) error.ackCode = code;
	return error;
}

function interchangeError(diagnostic: AckDiagnostic, options: StatusOptions): AckError {
	const code = diagnostic.ack?.interchange ?? infoOf(diagnostic.code, options)?.ta1;
	const error: AckError = { code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message };
	if (code) error.ackCode = code;
	return error;
}

/** Where an extra diagnostic belongs: interchange/group/transaction, missing parts empty. */
const key = (interchange?: number, group?: number, transaction?: number) => `${interchange ?? ''}/${group ?? ''}/${transaction ?? ''}`;

function setAcknowledgement(
	set: TransactionSetReport,
	extra: AckDiagnostic[],
	options: StatusOptions,
	envelopes?: InboundEnvelopes,
): SetAcknowledgement {
	const errors = [...set.diagnostics, ...extra].map((d) => setError(d, set, options, envelopes));
	const status: SetStatus = errors.some((e) => e.severity === 'error') || !set.accepted ? 'R' : errors.length > 0 ? 'E' : 'A';
	// AK502 is required whenever AK501 is not "A"; "5" is the generic code when no diagnostic names one.
	let codes = unique(errors.map((e) => e.ackCode));
	if (status !== 'A' && codes.length === 0) codes = ['5'];
	const ack: SetAcknowledgement = { code: set.code, controlNumber: set.controlNumber, transaction: set.transaction, status, codes, errors };
	const reference = envelopes?.sets.get(set.segmentIndex)?.elements[2]?.[0]?.[0];
	if (reference) ack.implementationReference = reference;
	return ack;
}

function groupAcknowledgement(
	group: GroupReport,
	sets: TransactionSetReport[],
	extra: Map<string, AckDiagnostic[]>,
	options: StatusOptions,
	envelopes?: InboundEnvelopes,
): GroupAcknowledgement {
	const setAcks = sets.map((set) =>
		setAcknowledgement(set, extra.get(key(group.interchange, group.group, set.transaction)) ?? [], options, envelopes),
	);
	const errors = [...group.diagnostics, ...(extra.get(key(group.interchange, group.group, undefined)) ?? [])].map((d) => groupError(d, options));
	const received = setAcks.length;
	const accepted = setAcks.filter((s) => s.status !== 'R').length;
	const ge01 = envelopes?.groups.get(group.segmentIndex)?.ge?.elements[0]?.[0]?.[0];
	const included = ge01 !== undefined && /^\d{1,6}$/.test(ge01) ? Number(ge01) : received;
	let status: GroupStatus;
	if (!group.accepted || errors.some((e) => e.severity === 'error')) status = 'R';
	else if (accepted === received) status = setAcks.some((s) => s.status === 'E') || errors.length > 0 ? 'E' : 'A';
	else status = accepted === 0 ? 'R' : 'P';
	return {
		interchange: group.interchange,
		group: group.group,
		functionalId: group.functionalId,
		groupControl: group.controlNumber,
		version: group.version,
		segmentIndex: group.segmentIndex,
		status,
		included,
		received,
		accepted,
		codes: unique(errors.map((e) => e.ackCode)),
		errors,
		sets: setAcks,
	};
}

function ta1Acknowledgement(interchange: InterchangeReport, extra: AckDiagnostic[], options: StatusOptions): Ta1Acknowledgement {
	const errors = [...interchange.diagnostics, ...extra].map((d) => interchangeError(d, options));
	const failing = errors.filter((e) => e.severity === 'error');
	// Warnings only count for a TA1 when they name a TA1 note code (a test-data flag is not a problem).
	const noted = errors.filter((e) => e.severity === 'warning' && e.ackCode);
	const status: SetStatus = failing.length > 0 || !interchange.accepted ? 'R' : noted.length > 0 ? 'E' : 'A';
	const noteCode = status === 'A' ? '000' : ((status === 'R' ? failing : noted).find((e) => e.ackCode)?.ackCode ?? '024');
	return {
		interchange: interchange.interchange,
		controlNumber: interchange.controlNumber,
		date: interchange.date,
		time: interchange.time,
		status,
		noteCode,
		errors,
	};
}

/**
 * What the acknowledgements of a report say, without writing them. Groups of rejected interchanges get no
 * 997/999 (their TA1 rejects them whole); FA groups are skipped because acknowledgements are not acknowledged.
 * `envelopes` adds GE01, ST03 and copies of bad data.
 */
export function acknowledgementStatus(
	report: EnvelopeReport,
	inbound?: InboundEnvelopes | ParseResult,
	options: StatusOptions = {},
): AcknowledgementStatus {
	const envelopes = inboundEnvelopes(inbound);
	const extra = new Map<string, AckDiagnostic[]>();
	for (const diagnostic of options.diagnostics ?? []) {
		const k = key(diagnostic.interchange, diagnostic.group, diagnostic.transaction);
		const list = extra.get(k);
		if (list) list.push(diagnostic);
		else extra.set(k, [diagnostic]);
	}
	const interchanges = report.interchanges.map((interchange) =>
		ta1Acknowledgement(interchange, extra.get(key(interchange.interchange, undefined, undefined)) ?? [], options),
	);
	const rejected = new Set(interchanges.filter((t) => t.status === 'R').map((t) => t.interchange));
	const setsByGroup = new Map<string, TransactionSetReport[]>();
	for (const set of report.transactionSets) {
		const k = key(set.interchange, set.group, undefined);
		const list = setsByGroup.get(k);
		if (list) list.push(set);
		else setsByGroup.set(k, [set]);
	}
	const acknowledgements = report.groups
		.filter((group) => !rejected.has(group.interchange) && group.functionalId !== 'FA')
		.map((group) => groupAcknowledgement(group, setsByGroup.get(key(group.interchange, group.group, undefined)) ?? [], extra, options, envelopes));
	return { acknowledgements, interchanges };
}
