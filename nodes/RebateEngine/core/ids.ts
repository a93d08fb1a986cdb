import { createHash } from 'node:crypto';

/**
 * Deterministic ids, so that a re-run or a replay produces the same ids and downstream steps can
 * de-duplicate: `acr_` + the first 24 hex digits of SHA-256 of `partner|program|period`, and `exc_`
 * likewise over the exception's key (`partner|program|period[|line]|reason[|detail]`).
 */
export function accrualKey(partner: string, program: string, period: string): string {
	return `${partner}|${program}|${period}`;
}

export function stableId(prefix: 'acr' | 'exc', key: string): string {
	return `${prefix}_${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 24)}`;
}

export const accrualId = (key: string) => stableId('acr', key);
export const exceptionId = (key: string) => stableId('exc', key);
