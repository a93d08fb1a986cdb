import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes';
import type { ChunkSource } from './stream';
import { X12Tokenizer, decodeX12, type TokenizerOptions, type X12Event } from './tokenizer';
import { elementValue, type Delimiters, type Diagnostic, type Segment } from './types';

/** A control number to check against history (e.g. a partner's state store). */
export interface ControlNumberRef {
	kind: 'ISA13' | 'GS06';
	senderQualifier: string;
	sender: string;
	receiverQualifier: string;
	receiver: string;
	controlNumber: string;
	/** GS01 for groups. */
	functionalId?: string;
}

export interface ValidateOptions {
	/** Returns true when this control number was already received (duplicate across files). */
	seenControlNumbers?: (ref: ControlNumberRef) => boolean;
	/** Count transaction sets instead of keeping a report per set, so memory stays flat on large files. */
	summaryOnly?: boolean;
}

export interface TransactionSetReport {
	interchange: number;
	group: number;
	transaction: number;
	/** ST01, e.g. "850". */
	code: string;
	controlNumber: string;
	/** Index of the ST segment in the file. */
	segmentIndex: number;
	/** Segments counted from ST to SE inclusive. */
	segmentCount: number;
	/** No error-level diagnostic concerns this set. */
	accepted: boolean;
	diagnostics: Diagnostic[];
}

export interface GroupReport {
	interchange: number;
	group: number;
	functionalId: string;
	controlNumber: string;
	version: string;
	segmentIndex: number;
	transactionSets: number;
	/** No error concerns the group envelope itself (its sets are judged one by one). */
	accepted: boolean;
	diagnostics: Diagnostic[];
}

export interface InterchangeReport {
	interchange: number;
	delimiters: Delimiters;
	isaLength: number;
	controlNumber: string;
	senderQualifier: string;
	sender: string;
	receiverQualifier: string;
	receiver: string;
	version: string;
	usage: string;
	date: string;
	time: string;
	segmentIndex: number;
	groups: number;
	accepted: boolean;
	diagnostics: Diagnostic[];
}

export interface EnvelopeReport {
	interchanges: InterchangeReport[];
	groups: GroupReport[];
	transactionSets: TransactionSetReport[];
	/** Every diagnostic in file order (also attached to the envelope they concern). */
	diagnostics: Diagnostic[];
}

/** The public validation result: keep stable, scripts depend on it. */
export interface ValidationResult {
	valid: boolean;
	interchanges: number;
	groups: number;
	transactionSets: Record<string, number>;
	diagnostics: Diagnostic[];
}

const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];
const SEGMENT_ID = /^[A-Z0-9]{2,3}$/;
const ENVELOPE_IDS = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'TA1', 'ISB', 'ISE']);

interface OpenInterchange {
	report: InterchangeReport;
	groupCount: number;
	groupNumbers: Set<string>;
	closed: boolean;
}
interface OpenGroup {
	report: GroupReport;
	setNumbers: Set<string>;
}
interface OpenSet {
	report: TransactionSetReport;
}

/**
 * Checks envelopes from tokenizer events, one at a time (usable on a stream). Keeps per-set reports but no
 * segments, so a bad set is reported and rejected without hiding the good sets around it.
 */
export class EnvelopeValidator {
	readonly report: EnvelopeReport = { interchanges: [], groups: [], transactionSets: [], diagnostics: [] };
	/** Transaction sets seen, by ST01 (kept in every mode). */
	readonly setCounts: Record<string, number> = {};
	private interchange?: OpenInterchange;
	private group?: OpenGroup;
	private set?: OpenSet;
	private readonly interchangeNumbers = new Set<string>();
	private outsideRun = false;
	private segmentIndex = 0;

	constructor(private readonly options: ValidateOptions = {}) {}

	onEvent(event: X12Event): void {
		if (event.kind === 'diagnostic') this.add(event.diagnostic);
		else if (event.kind === 'interchange') this.openInterchange(event);
		else this.onSegment(event.segment, event.segmentIndex);
	}

	finish(): EnvelopeReport {
		this.closeAll(this.segmentIndex);
		return this.report;
	}

	private add(diagnostic: Diagnostic): void {
		this.report.diagnostics.push(diagnostic);
	}

	/** Records a diagnostic with the current location and attaches it to the envelope it concerns. */
	private flag(code: DiagnosticCode, message: string, where: Partial<Diagnostic> = {}, severity?: Diagnostic['severity']): void {
		const info = DIAGNOSTIC_CODES[code];
		const diagnostic: Diagnostic = { severity: severity ?? info.severity, code, message };
		if (this.interchange) diagnostic.interchange = this.interchange.report.interchange;
		if (this.group) diagnostic.group = this.group.report.group;
		if (this.set) diagnostic.transaction = this.set.report.transaction;
		Object.assign(diagnostic, where);
		this.add(diagnostic);
		const target = info.level === 'interchange' ? this.interchange : info.level === 'group' ? this.group : (this.set ?? this.group);
		if (target) {
			target.report.diagnostics.push(diagnostic);
			if (diagnostic.severity === 'error') target.report.accepted = false;
		}
	}

	private openInterchange(event: Extract<X12Event, { kind: 'interchange' }>): void {
		this.closeAll(event.segmentIndex);
		this.interchange = {
			report: {
				interchange: event.interchange,
				delimiters: event.delimiters,
				isaLength: event.isaLength,
				controlNumber: '',
				senderQualifier: '',
				sender: '',
				receiverQualifier: '',
				receiver: '',
				version: '',
				usage: '',
				date: '',
				time: '',
				segmentIndex: event.segmentIndex,
				groups: 0,
				accepted: true,
				diagnostics: [],
			},
			groupCount: 0,
			groupNumbers: new Set(),
			closed: false,
		};
		this.report.interchanges.push(this.interchange.report);
	}

	private onSegment(segment: Segment, segmentIndex: number): void {
		this.segmentIndex = segmentIndex + 1;
		const at = () => ({ segmentIndex, segmentId: segment.id });
		if (this.set !== undefined || ENVELOPE_IDS.has(segment.id)) this.outsideRun = false;
		if (!SEGMENT_ID.test(segment.id)) {
			this.flag('INVALID_SEGMENT_ID', `"${segment.id.slice(0, 20)}" is not a segment id`, at());
		}
		if (this.interchange?.closed && segment.id !== 'ISA') {
			this.flag('SEGMENT_AFTER_IEA', `${segment.id} after the IEA`, at());
			return;
		}
		switch (segment.id) {
			case 'ISA':
				return this.onIsa(segment, segmentIndex);
			case 'GS':
				return this.onGs(segment, segmentIndex);
			case 'ST':
				return this.onSt(segment, segmentIndex);
			case 'SE':
				return this.onSe(segment, segmentIndex);
			case 'GE':
				return this.onGe(segment, segmentIndex);
			case 'IEA':
				return this.onIea(segment, segmentIndex);
			case 'TA1':
			case 'ISB':
			case 'ISE':
				// Interchange-level segments: fine between groups, wrong inside a set.
				if (this.set) this.set.report.segmentCount++;
				return;
			default:
				if (this.set) {
					this.set.report.segmentCount++;
				} else if (!this.outsideRun) {
					this.outsideRun = true;
					this.flag('SEGMENT_OUTSIDE_SET', `${segment.id} is outside any transaction set`, at());
				}
		}
	}

	private onIsa(segment: Segment, segmentIndex: number): void {
		const open = this.interchange as OpenInterchange;
		const report = open.report;
		const at = { segmentIndex, segmentId: 'ISA' };
		const field = (n: number) => elementValue(segment, n);
		Object.assign(report, {
			senderQualifier: field(5),
			sender: field(6).trim(),
			receiverQualifier: field(7),
			receiver: field(8).trim(),
			date: field(9),
			time: field(10),
			version: field(12),
			controlNumber: field(13),
			usage: field(15),
		});
		if (report.isaLength !== 106) {
			this.flag('ISA_LENGTH', `ISA is ${report.isaLength} characters; the standard is 106`, at);
		}
		ISA_WIDTHS.forEach((width, i) => {
			const value = field(i + 1);
			if (value.length !== width) {
				this.flag('ISA_FIELD_WIDTH', `ISA${pad2(i + 1)} is ${value.length} characters wide, not ${width}`, { ...at, elementIndex: i + 1 });
			}
		});
		const { element, component, segment: terminator, repetition } = report.delimiters;
		if (element === component || element === terminator || component === terminator) {
			this.flag('DELIMITER_CONFLICT', 'Element, component and segment delimiters must differ', { ...at, elementIndex: 16 });
		}
		if (/^\d{5}$/.test(report.version) && report.version >= '00402' && repetition === undefined) {
			this.flag('ISA_REPETITION_SEPARATOR', `ISA11 "${field(11)}" cannot be a repetition separator; repetitions are not split`, { ...at, elementIndex: 11 });
		}
		if (!/^00[2-9]\d\d$/.test(report.version)) {
			this.flag('ISA_VERSION', `ISA12 "${report.version}" is not a known control version`, { ...at, elementIndex: 12 });
		}
		if (!validDate(report.date, false)) this.flag('ISA_DATE', `ISA09 "${report.date}" is not a YYMMDD date`, { ...at, elementIndex: 9 });
		if (!validTime(report.time, 4, 4)) this.flag('ISA_TIME', `ISA10 "${report.time}" is not an HHMM time`, { ...at, elementIndex: 10 });
		if (!/^\d{9}$/.test(report.controlNumber)) {
			this.flag('ISA_CONTROL_NUMBER', `ISA13 "${report.controlNumber}" is not 9 digits`, { ...at, elementIndex: 13 });
		}
		if (!['0', '1'].includes(field(14))) this.flag('ISA_ACK_REQUESTED', `ISA14 "${field(14)}" is not 0 or 1`, { ...at, elementIndex: 14 });
		if (report.usage === 'T') this.flag('ISA_TEST_DATA', 'ISA15 marks this interchange as test data', { ...at, elementIndex: 15 });
		else if (report.usage !== 'P') this.flag('ISA_USAGE', `ISA15 "${report.usage}" is not P or T`, { ...at, elementIndex: 15 });

		const key = `${report.senderQualifier}|${report.sender}|${report.controlNumber}`;
		if (this.interchangeNumbers.has(key)) {
			this.flag('DUPLICATE_ISA13', `ISA13 ${report.controlNumber} from ${report.sender} repeats in this file`, { ...at, elementIndex: 13 });
		}
		this.interchangeNumbers.add(key);
		const ref: ControlNumberRef = {
			kind: 'ISA13',
			senderQualifier: report.senderQualifier,
			sender: report.sender,
			receiverQualifier: report.receiverQualifier,
			receiver: report.receiver,
			controlNumber: report.controlNumber,
		};
		if (this.options.seenControlNumbers?.(ref)) {
			this.flag('SEEN_ISA13', `ISA13 ${report.controlNumber} from ${report.sender} was already received`, { ...at, elementIndex: 13 });
		}
	}

	private onGs(segment: Segment, segmentIndex: number): void {
		const at = { segmentIndex, segmentId: 'GS' };
		if (this.set) this.closeSet(segmentIndex);
		if (this.group) this.closeGroup(segmentIndex);
		const open = this.interchange;
		if (!open) {
			this.flag('GS_OUTSIDE_ISA', 'GS outside an interchange', at);
			return;
		}
		const field = (n: number) => elementValue(segment, n);
		const report: GroupReport = {
			interchange: open.report.interchange,
			group: open.groupCount++,
			functionalId: field(1),
			controlNumber: field(6),
			version: field(8),
			segmentIndex,
			transactionSets: 0,
			accepted: true,
			diagnostics: [],
		};
		this.group = { report, setNumbers: new Set() };
		this.report.groups.push(report);
		if (!field(1) || !field(2) || !field(3) || !field(7) || !field(8)) {
			this.flag('GS_FIELDS', 'GS01, GS02, GS03, GS07 and GS08 are required', at);
		}
		if (!validDate(field(4), true)) this.flag('GS_DATE', `GS04 "${field(4)}" is not a CCYYMMDD date`, { ...at, elementIndex: 4 });
		if (!validTime(field(5), 4, 8)) this.flag('GS_TIME', `GS05 "${field(5)}" is not an HHMM[SS[DD]] time`, { ...at, elementIndex: 5 });
		if (!/^\d{1,9}$/.test(report.controlNumber)) {
			this.flag('GS_CONTROL_NUMBER', `GS06 "${report.controlNumber}" is not 1-9 digits`, { ...at, elementIndex: 6 });
		}
		if (open.groupNumbers.has(report.controlNumber)) {
			this.flag('DUPLICATE_GS06', `GS06 ${report.controlNumber} repeats in this interchange`, { ...at, elementIndex: 6 });
		}
		open.groupNumbers.add(report.controlNumber);
		const isa = open.report;
		const ref: ControlNumberRef = {
			kind: 'GS06',
			senderQualifier: isa.senderQualifier,
			sender: field(2),
			receiverQualifier: isa.receiverQualifier,
			receiver: field(3),
			controlNumber: report.controlNumber,
			functionalId: report.functionalId,
		};
		if (this.options.seenControlNumbers?.(ref)) {
			this.flag('SEEN_GS06', `GS06 ${report.controlNumber} from ${field(2)} was already received`, { ...at, elementIndex: 6 });
		}
	}

	private onSt(segment: Segment, segmentIndex: number): void {
		const at = { segmentIndex, segmentId: 'ST' };
		if (this.set) this.closeSet(segmentIndex);
		if (!this.group) this.flag('ST_OUTSIDE_GS', 'ST outside a functional group', at);
		const group = this.group;
		const report: TransactionSetReport = {
			interchange: this.interchange?.report.interchange ?? -1,
			group: group?.report.group ?? -1,
			transaction: group ? group.report.transactionSets++ : 0,
			code: elementValue(segment, 1),
			controlNumber: elementValue(segment, 2),
			segmentIndex,
			segmentCount: 1,
			accepted: group !== undefined,
			diagnostics: [],
		};
		this.set = { report };
		this.setCounts[report.code] = (this.setCounts[report.code] ?? 0) + 1;
		if (!this.options.summaryOnly) this.report.transactionSets.push(report);
		if (!/^\d{3}$/.test(report.code) || !/^[A-Za-z0-9]{4,9}$/.test(report.controlNumber)) {
			this.flag('ST_FIELDS', `ST "${report.code}*${report.controlNumber}" needs a 3-digit ST01 and a 4-9 character ST02`, at);
		}
		if (group) {
			if (group.setNumbers.has(report.controlNumber)) {
				this.flag('DUPLICATE_ST02', `ST02 ${report.controlNumber} repeats in this group`, { ...at, elementIndex: 2 });
			}
			group.setNumbers.add(report.controlNumber);
		}
	}

	private onSe(segment: Segment, segmentIndex: number): void {
		const at = { segmentIndex, segmentId: 'SE' };
		const open = this.set;
		if (!open) {
			this.flag('SE_WITHOUT_ST', 'SE without a matching ST', at);
			return;
		}
		const report = open.report;
		report.segmentCount++;
		const count = elementValue(segment, 1);
		if (!/^\d+$/.test(count) || Number(count) !== report.segmentCount) {
			this.flag('SE_COUNT', `SE01 is "${count}" but the set has ${report.segmentCount} segments`, { ...at, elementIndex: 1 });
		}
		const control = elementValue(segment, 2);
		if (control !== report.controlNumber) {
			this.flag('ST_SE_MISMATCH', `SE02 "${control}" differs from ST02 "${report.controlNumber}"`, { ...at, elementIndex: 2 });
		}
		this.set = undefined;
	}

	private onGe(segment: Segment, segmentIndex: number): void {
		const at = { segmentIndex, segmentId: 'GE' };
		if (this.set) this.closeSet(segmentIndex);
		const open = this.group;
		if (!open) {
			this.flag('GE_WITHOUT_GS', 'GE without a matching GS', at);
			return;
		}
		const count = elementValue(segment, 1);
		if (!/^\d+$/.test(count) || Number(count) !== open.report.transactionSets) {
			this.flag('GE_COUNT', `GE01 is "${count}" but the group has ${open.report.transactionSets} transaction sets`, { ...at, elementIndex: 1 });
		}
		this.checkControl('GS_GE_MISMATCH', 'GE02', elementValue(segment, 2), 'GS06', open.report.controlNumber, { ...at, elementIndex: 2 });
		this.group = undefined;
	}

	private onIea(segment: Segment, segmentIndex: number): void {
		const at = { segmentIndex, segmentId: 'IEA' };
		if (this.set) this.closeSet(segmentIndex);
		if (this.group) this.closeGroup(segmentIndex);
		const open = this.interchange;
		if (!open) {
			this.flag('IEA_WITHOUT_ISA', 'IEA without a matching ISA', at);
			return;
		}
		open.report.groups = open.groupCount;
		const count = elementValue(segment, 1);
		if (!/^\d+$/.test(count) || Number(count) !== open.groupCount) {
			this.flag('IEA_COUNT', `IEA01 is "${count}" but the interchange has ${open.groupCount} groups`, { ...at, elementIndex: 1 });
		}
		this.checkControl('ISA_IEA_MISMATCH', 'IEA02', elementValue(segment, 2), 'ISA13', open.report.controlNumber, { ...at, elementIndex: 2 });
		open.closed = true;
	}

	/** Trailer control numbers must be identical; numerically equal but differently padded is only a warning. */
	private checkControl(code: DiagnosticCode, trailerName: string, trailer: string, headerName: string, header: string, at: Partial<Diagnostic>): void {
		if (trailer === header) return;
		if (/^\d+$/.test(trailer) && /^\d+$/.test(header) && Number(trailer) === Number(header)) {
			this.flag('CONTROL_NUMBER_FORMAT', `${trailerName} "${trailer}" equals ${headerName} "${header}" only numerically`, at);
			return;
		}
		this.flag(code, `${trailerName} "${trailer.slice(0, 40)}" differs from ${headerName} "${header}"`, at);
	}

	private closeSet(segmentIndex: number): void {
		this.flag('MISSING_SE', `Transaction set ${this.set?.report.controlNumber ?? ''} has no SE`, { segmentIndex });
		this.set = undefined;
	}

	private closeGroup(segmentIndex: number): void {
		this.flag('MISSING_GE', `Functional group ${this.group?.report.controlNumber ?? ''} has no GE`, { segmentIndex });
		this.group = undefined;
	}

	private closeAll(segmentIndex: number): void {
		if (this.set) this.closeSet(segmentIndex);
		if (this.group) this.closeGroup(segmentIndex);
		const open = this.interchange;
		if (open && !open.closed) {
			open.report.groups = open.groupCount;
			this.flag('MISSING_IEA', `Interchange ${open.report.controlNumber} has no IEA`, { segmentIndex });
		}
		this.interchange = undefined;
		this.outsideRun = false;
	}
}

function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

function validDate(value: string, allowCentury: boolean): boolean {
	let year: number;
	let rest: string;
	if (value.length === 8 && allowCentury && /^\d{8}$/.test(value)) {
		year = Number(value.slice(0, 4));
		rest = value.slice(4);
	} else if (value.length === 6 && /^\d{6}$/.test(value)) {
		year = 2000 + Number(value.slice(0, 2));
		rest = value.slice(2);
	} else {
		return false;
	}
	const month = Number(rest.slice(0, 2));
	const day = Number(rest.slice(2, 4));
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return day <= days;
}

function validTime(value: string, min: number, max: number): boolean {
	if (!/^\d+$/.test(value) || value.length < min || value.length > max || value.length === 5) return false;
	const hours = Number(value.slice(0, 2));
	const minutes = Number(value.slice(2, 4));
	const seconds = value.length >= 6 ? Number(value.slice(4, 6)) : 0;
	return hours < 24 && minutes < 60 && seconds < 60;
}

// The validator reads the elements of envelope segments only.
const ENVELOPES_ONLY: TokenizerOptions = { bodyElements: false };

/** Checks the envelopes of a whole file and returns the full per-envelope report. */
export function checkEnvelopes(input: string | Buffer | Uint8Array, options: ValidateOptions = {}): EnvelopeReport {
	const validator = new EnvelopeValidator(options);
	const tokenizer = new X12Tokenizer((event) => validator.onEvent(event), ENVELOPES_ONLY);
	tokenizer.write(decodeX12(input));
	tokenizer.end();
	return validator.finish();
}

/** The stable summary (`erp-interop x12 validate --json` prints exactly this object). */
export function summarize(report: EnvelopeReport, setCounts?: Record<string, number>): ValidationResult {
	let transactionSets = setCounts;
	if (!transactionSets) {
		transactionSets = {};
		for (const set of report.transactionSets) transactionSets[set.code] = (transactionSets[set.code] ?? 0) + 1;
	}
	return {
		valid: !report.diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
		interchanges: report.interchanges.length,
		groups: report.groups.length,
		transactionSets,
		diagnostics: report.diagnostics,
	};
}

/** Validates the envelopes of a whole file. `valid` is true when there is no error-level diagnostic. */
export function validateX12(input: string | Buffer | Uint8Array, options: ValidateOptions = {}): ValidationResult {
	const validator = new EnvelopeValidator({ ...options, summaryOnly: true });
	const tokenizer = new X12Tokenizer((event) => validator.onEvent(event), ENVELOPES_ONLY);
	tokenizer.write(decodeX12(input));
	tokenizer.end();
	return summarize(validator.finish(), validator.setCounts);
}

/** Feeds chunks to a tokenizer that hands each event straight to `onEvent` (no event arrays are kept). */
async function feedChunks(source: ChunkSource, onEvent: (event: X12Event) => void): Promise<void> {
	const decoder = new TextDecoder('utf-8');
	const tokenizer = new X12Tokenizer(onEvent, ENVELOPES_ONLY);
	for await (const chunk of source) tokenizer.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
	const rest = decoder.decode();
	if (rest) tokenizer.write(rest);
	tokenizer.end();
}

/**
 * The same on a stream of chunks (e.g. a file read stream), with memory bounded by the longest segment plus the
 * per-set reports.
 */
export async function checkEnvelopesStream(source: ChunkSource, options: ValidateOptions = {}): Promise<EnvelopeReport> {
	const validator = new EnvelopeValidator(options);
	await feedChunks(source, (event) => validator.onEvent(event));
	return validator.finish();
}

/** The summary of a stream with flat memory: set counts instead of per-set reports. */
export async function validateX12Stream(source: ChunkSource, options: ValidateOptions = {}): Promise<ValidationResult> {
	const validator = new EnvelopeValidator({ ...options, summaryOnly: true });
	await feedChunks(source, (event) => validator.onEvent(event));
	return summarize(validator.finish(), validator.setCounts);
}
