import type { Severity } from './types';

/**
 * Stable diagnostic codes and the acknowledgement codes they imply, so the 997/999/TA1 builder can turn
 * diagnostics into AK3/AK4/AK5/AK9, IK3/IK4/IK5 and TA105 values without re-deriving them.
 */
export interface DiagnosticCodeInfo {
	severity: Severity;
	/** Which envelope level the problem rejects. */
	level: 'interchange' | 'group' | 'transaction' | 'segment' | 'element';
	summary: string;
	/** TA105 interchange note code. */
	ta1?: string;
	/** AK905 (997) / AK905 in a 999 functional group response. */
	ak9?: string;
	/** AK502 (997) and IK502 (999) transaction set syntax error code. */
	ak5?: string;
	/** AK304 (997) / IK304 (999) segment syntax error code. */
	ak3?: string;
	/** AK403 (997) / IK403 (999) element syntax error code. */
	ak4?: string;
}

export const DIAGNOSTIC_CODES = {
	NO_ISA: { severity: 'error', level: 'interchange', summary: 'No ISA segment', ta1: '022' },
	ISA_INVALID: { severity: 'error', level: 'interchange', summary: 'ISA segment unreadable', ta1: '022' },
	DATA_OUTSIDE_INTERCHANGE: { severity: 'error', level: 'interchange', summary: 'Text outside an interchange', ta1: '024' },
	ISA_LENGTH: { severity: 'error', level: 'interchange', summary: 'ISA is not 106 characters', ta1: '022' },
	ISA_FIELD_WIDTH: { severity: 'error', level: 'interchange', summary: 'ISA element has the wrong width', ta1: '022' },
	DELIMITER_CONFLICT: { severity: 'error', level: 'interchange', summary: 'Delimiters are not distinct', ta1: '026' },
	ISA_REPETITION_SEPARATOR: { severity: 'warning', level: 'interchange', summary: 'ISA11 is not usable as a repetition separator' },
	ISA_VERSION: { severity: 'warning', level: 'interchange', summary: 'Unknown ISA12 control version', ta1: '017' },
	ISA_DATE: { severity: 'error', level: 'interchange', summary: 'Invalid ISA09 date', ta1: '014' },
	ISA_TIME: { severity: 'error', level: 'interchange', summary: 'Invalid ISA10 time', ta1: '015' },
	ISA_CONTROL_NUMBER: { severity: 'error', level: 'interchange', summary: 'ISA13 is not 9 digits', ta1: '018' },
	ISA_ACK_REQUESTED: { severity: 'error', level: 'interchange', summary: 'ISA14 is not 0 or 1', ta1: '019' },
	ISA_USAGE: { severity: 'error', level: 'interchange', summary: 'ISA15 is not P or T', ta1: '020' },
	ISA_TEST_DATA: { severity: 'warning', level: 'interchange', summary: 'Test interchange (ISA15 T)' },
	ISA_IEA_MISMATCH: { severity: 'error', level: 'interchange', summary: 'IEA02 differs from ISA13', ta1: '001' },
	IEA_COUNT: { severity: 'error', level: 'interchange', summary: 'IEA01 differs from the number of groups', ta1: '021' },
	MISSING_IEA: { severity: 'error', level: 'interchange', summary: 'Interchange has no IEA', ta1: '023' },
	IEA_WITHOUT_ISA: { severity: 'error', level: 'interchange', summary: 'IEA outside an interchange', ta1: '022' },
	SEGMENT_AFTER_IEA: { severity: 'error', level: 'interchange', summary: 'Segment after IEA', ta1: '024' },
	DUPLICATE_ISA13: { severity: 'error', level: 'interchange', summary: 'Interchange control number repeated', ta1: '025' },
	CONTROL_NUMBER_FORMAT: { severity: 'warning', level: 'interchange', summary: 'Control number equal in value but not in form' },
	GS_OUTSIDE_ISA: { severity: 'error', level: 'group', summary: 'GS outside an interchange', ta1: '024' },
	GS_FIELDS: { severity: 'error', level: 'group', summary: 'GS is missing required elements', ta1: '024' },
	GS_DATE: { severity: 'error', level: 'group', summary: 'Invalid GS04 date', ak9: '1', ta1: '024' },
	GS_TIME: { severity: 'error', level: 'group', summary: 'Invalid GS05 time', ak9: '1', ta1: '024' },
	GS_CONTROL_NUMBER: { severity: 'error', level: 'group', summary: 'GS06 is not 1-9 digits', ak9: '6' },
	GS_GE_MISMATCH: { severity: 'error', level: 'group', summary: 'GE02 differs from GS06', ak9: '4' },
	GE_COUNT: { severity: 'error', level: 'group', summary: 'GE01 differs from the number of transaction sets', ak9: '5' },
	MISSING_GE: { severity: 'error', level: 'group', summary: 'Functional group has no GE', ak9: '3' },
	GE_WITHOUT_GS: { severity: 'error', level: 'interchange', summary: 'GE outside a functional group', ta1: '024' },
	DUPLICATE_GS06: { severity: 'error', level: 'group', summary: 'Group control number repeated in the interchange', ak9: '19' },
	ST_OUTSIDE_GS: { severity: 'error', level: 'interchange', summary: 'ST outside a functional group', ta1: '024', ak5: '18' },
	ST_FIELDS: { severity: 'error', level: 'transaction', summary: 'ST01/ST02 missing or malformed', ak5: '6' },
	ST_SE_MISMATCH: { severity: 'error', level: 'transaction', summary: 'SE02 differs from ST02', ak5: '3' },
	SE_COUNT: { severity: 'error', level: 'transaction', summary: 'SE01 differs from the segment count', ak5: '4' },
	MISSING_SE: { severity: 'error', level: 'transaction', summary: 'Transaction set has no SE', ak5: '2' },
	SE_WITHOUT_ST: { severity: 'error', level: 'group', summary: 'SE without ST', ak9: '5', ak3: '2' },
	DUPLICATE_ST02: { severity: 'error', level: 'transaction', summary: 'Transaction set control number repeated in the group', ak5: '23' },
	SEGMENT_OUTSIDE_SET: { severity: 'error', level: 'group', summary: 'Segment outside a transaction set', ak3: '2', ta1: '024' },
	INVALID_SEGMENT_ID: { severity: 'error', level: 'segment', summary: 'Segment id is not 2-3 letters or digits', ak3: '1', ak5: '5' },
	SEEN_ISA13: { severity: 'error', level: 'interchange', summary: 'Interchange control number already received', ta1: '025' },
	SEEN_GS06: { severity: 'error', level: 'group', summary: 'Group control number already received', ak9: '19' },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The acknowledgement mapping of a diagnostic code, or undefined for codes this module does not define. */
export function diagnosticCodeInfo(code: string): DiagnosticCodeInfo | undefined {
	return (DIAGNOSTIC_CODES as Record<string, DiagnosticCodeInfo>)[code];
}
