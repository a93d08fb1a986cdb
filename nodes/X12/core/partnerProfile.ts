/**
 * A trading partner's settings (from the X12 Trading Partner credential), checked and normalised
 * into what the generator and the acknowledgement logic need. Pure: takes the credential's data.
 */
import type {
	ControlNumberAllocator,
	FixedControlNumbers,
	GroupInput,
	InterchangeInput,
	IsaParty,
} from './buildInterchange';
import { defaultPartnerKey, hasRepetitionSeparator } from './buildInterchange';
import { assertDelimiters, X12GenerateError } from './generate';
import type { Delimiters } from './types';

export type AckPolicy = 'none' | '997' | '999';

export interface PartnerProfile {
	/** Us: ISA05/ISA06 on what we send. */
	sender: IsaParty;
	/** Them: ISA07/ISA08 on what we send. */
	receiver: IsaParty;
	/** GS02/GS03 on what we send. */
	appSender: string;
	appReceiver: string;
	/** GS08, e.g. "004010", "005010X222A1". */
	version: string;
	/** ISA12, e.g. "00401", "00501". */
	isaVersion: string;
	delimiters: Delimiters;
	usage: 'P' | 'T';
	ackRequested: boolean;
	ackPolicy: AckPolicy;
	ta1: boolean;
	/** ST01 values we expect from them; empty means any. */
	expectedSets: string[];
	/** Counter key for control numbers. */
	partnerKey: string;
}

const str = (data: Record<string, unknown>, key: string, fallback = ''): string => {
	const value = data[key];
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new X12GenerateError(`Trading partner field "${key}" must be text`);
	}
	return String(value);
};

/**
 * A delimiter as typed in the credential: the character itself, or an escape for ones that cannot be
 * typed: `\n`, `\r`, `\t`, `\xHH`, `0xHH` (e.g. `0x1D` for GS).
 */
export function parseDelimiter(field: string, text: string): string {
	const escapes: Record<string, string> = { '\\n': '\n', '\\r': '\r', '\\t': '\t', '\\r\\n': '\r\n' };
	if (escapes[text]) return escapes[text];
	const hex = /^(?:\\x|0x)([0-9a-fA-F]{2})$/.exec(text);
	if (hex) return String.fromCharCode(parseInt(hex[1], 16));
	if (text.length === 0) throw new X12GenerateError(`${field} is empty`);
	return text;
}

function party(data: Record<string, unknown>, who: 'our' | 'their', label: string): IsaParty {
	const qualifier = str(data, `${who}IsaQualifier`, 'ZZ').trim().toUpperCase();
	const id = str(data, `${who}IsaId`).trim();
	if (!/^[A-Z0-9]{2}$/.test(qualifier)) {
		throw new X12GenerateError(`${label} ISA qualifier must be 2 letters or digits (got "${qualifier}")`);
	}
	if (id.length === 0) throw new X12GenerateError(`${label} ISA id is required`);
	if (id.length > 15) throw new X12GenerateError(`${label} ISA id "${id}" is longer than 15 characters`);
	return { qualifier, id };
}

function appCode(data: Record<string, unknown>, key: string, fallback: string, label: string): string {
	const code = str(data, key, fallback).trim();
	if (code.length < 2 || code.length > 15) {
		throw new X12GenerateError(`${label} GS application code "${code}" must be 2–15 characters`);
	}
	return code;
}

/** Validates and normalises the credential's data; throws a clear `X12GenerateError` otherwise. */
export function partnerProfile(data: Record<string, unknown>): PartnerProfile {
	const sender = party(data, 'our', 'Our');
	const receiver = party(data, 'their', 'Their');

	const versionChoice = str(data, 'version', '004010');
	const version = (versionChoice === 'custom' ? str(data, 'customVersion') : versionChoice).trim();
	if (!/^\d{6}[A-Za-z0-9]{0,6}$/.test(version)) {
		throw new X12GenerateError(`X12 version "${version}" must look like 004010, 005010 or 005010X222A1`);
	}
	const isaChoice = str(data, 'isaVersion', 'auto').trim();
	const isaVersion = isaChoice === 'auto' ? version.slice(0, 5) : isaChoice;
	if (!/^\d{5}$/.test(isaVersion)) throw new X12GenerateError(`ISA12 version "${isaVersion}" must be 5 digits`);

	const lineBreak = str(data, 'lineBreak', 'none');
	const suffixes: Record<string, string> = { none: '', lf: '\n', crlf: '\r\n' };
	if (!(lineBreak in suffixes)) throw new X12GenerateError(`Unknown line break option "${lineBreak}"`);
	// A field left out takes its default; a field cleared by the user is an error, not a silent default.
	const delimiter = (key: string, label: string, fallback: string) =>
		parseDelimiter(label, data[key] === undefined ? fallback : str(data, key));
	const delimiters: Delimiters = {
		element: delimiter('elementSeparator', 'Element separator', '*'),
		component: delimiter('componentSeparator', 'Component separator', ':'),
		segment: delimiter('segmentTerminator', 'Segment terminator', '~'),
		...(suffixes[lineBreak] ? { suffix: suffixes[lineBreak] } : {}),
	};
	if (hasRepetitionSeparator(isaVersion)) {
		delimiters.repetition = delimiter('repetitionSeparator', 'Repetition separator', '^');
	}
	assertDelimiters(delimiters);

	const usage = str(data, 'usage', 'P');
	if (usage !== 'P' && usage !== 'T') throw new X12GenerateError(`Usage indicator must be P or T (got "${usage}")`);
	const ackPolicy = str(data, 'ackPolicy', '997');
	if (ackPolicy !== 'none' && ackPolicy !== '997' && ackPolicy !== '999') {
		throw new X12GenerateError(`Acknowledgement policy must be none, 997 or 999 (got "${ackPolicy}")`);
	}
	const rawSets = data.expectedSets ?? [];
	if (!Array.isArray(rawSets)) throw new X12GenerateError('Expected transaction sets must be a list');
	const expectedSets = rawSets.map(String);
	for (const id of expectedSets) {
		if (!/^\d{3}$/.test(id)) throw new X12GenerateError(`Expected transaction set "${id}" is not a 3-digit id`);
	}

	const appSender = appCode(data, 'ourGsId', sender.id, 'Our');
	const appReceiver = appCode(data, 'theirGsId', receiver.id, 'Their');
	const named: Array<[string, string]> = [
		['Our ISA id', sender.id],
		['Their ISA id', receiver.id],
		['Our GS application code', appSender],
		['Their GS application code', appReceiver],
	];
	for (const [label, value] of named) {
		for (const [role, ch] of Object.entries(delimiters)) {
			if (role !== 'suffix' && ch && value.includes(ch)) {
				throw new X12GenerateError(`${label} "${value}" contains the ${role} delimiter ${JSON.stringify(ch)}`);
			}
		}
	}

	return {
		sender,
		receiver,
		appSender,
		appReceiver,
		version,
		isaVersion,
		delimiters,
		usage,
		ackRequested: data.ackRequested === true,
		ackPolicy,
		ta1: data.ta1 === true,
		expectedSets,
		partnerKey: defaultPartnerKey(sender, receiver),
	};
}

/** Functional group ids (GS01) of the sets this pack generates. */
export const FUNCTIONAL_IDS: Record<string, string> = {
	'810': 'IN',
	'832': 'SC',
	'846': 'IB',
	'850': 'PO',
	'855': 'PR',
	'856': 'SH',
	'997': 'FA',
	'999': 'FA',
};

/** The `buildInterchange` input for sending groups to this partner. */
export function partnerInterchange(
	profile: PartnerProfile,
	groups: Array<Pick<GroupInput, 'functionalId' | 'sets'> & Partial<GroupInput>>,
	controlNumbers: ControlNumberAllocator | FixedControlNumbers,
	options: Pick<InterchangeInput, 'date' | 'clock' | 'timeZone'> = {},
): InterchangeInput {
	return {
		...options,
		sender: profile.sender,
		receiver: profile.receiver,
		version: profile.isaVersion,
		usage: profile.usage,
		ackRequested: profile.ackRequested,
		partnerKey: profile.partnerKey,
		controlNumbers,
		groups: groups.map((group) => ({
			appSender: profile.appSender,
			appReceiver: profile.appReceiver,
			version: profile.version,
			...group,
		})),
	};
}
