/**
 * Compares a calculation of the seeded quarter with the hand-computed expected file. Shared by the unit
 * test (engine output) and the e2e test (the node's output items in a real n8n).
 */
import type { RebateResult } from '../../nodes/RebateEngine/core/types';
import { fixture, sha } from './helpers';

interface ExpectedAccrual {
	key: string;
	partner: string;
	program: string;
	period: string;
	periodStart: string;
	periodEnd: string;
	currency: string;
	amount: string;
	explanation: Record<string, unknown>;
	sourceLines: string[];
	excludedLines: Array<{ id: string; reason: string }>;
	exceptionKeys: string[];
}

interface ExpectedException {
	idKey: string;
	reason: string;
	partner: string;
	program: string;
	period: string;
	currency: string;
	lines: string[];
	accrualKeys: string[];
	figures: Record<string, unknown>;
}

const expected = fixture<{ accruals: ExpectedAccrual[]; exceptions: ExpectedException[] }>('q1-2025-expected.json');

type Item = Record<string, unknown>;
interface Output {
	accruals: Item[];
	exceptions: Item[];
}

export function expectMatchesFixture(output: Output | RebateResult): void {
	const result = output as unknown as { accruals: AccrualLike[]; exceptions: ExceptionLike[] };
	expect(result.accruals.map((a) => a.key)).toEqual(expected.accruals.map((a) => a.key));
	result.accruals.forEach((accrual, i) => {
		const want = expected.accruals[i];
		expect({
			id: accrual.id,
			partner: accrual.partner,
			program: accrual.program,
			period: accrual.period,
			periodStart: accrual.periodStart,
			periodEnd: accrual.periodEnd,
			currency: accrual.currency,
			amount: accrual.amount,
			sourceLines: accrual.sourceLines,
			lineCount: accrual.lineCount,
			excludedLines: accrual.excludedLines.map(({ id, reason }) => ({ id, reason })),
			exceptionIds: [...accrual.exceptionIds].sort(),
		}).toEqual({
			id: sha('acr', want.key),
			partner: want.partner,
			program: want.program,
			period: want.period,
			periodStart: want.periodStart,
			periodEnd: want.periodEnd,
			currency: want.currency,
			amount: want.amount,
			sourceLines: want.sourceLines,
			lineCount: want.sourceLines.length,
			excludedLines: want.excludedLines,
			exceptionIds: want.exceptionKeys.map((key) => sha('exc', key)).sort(),
		});
		expect(accrual.explanation).toMatchObject(want.explanation);
	});
	expect(result.exceptions.map((e) => `${e.reason} ${e.partner} ${e.program} ${e.lines[0]}`)).toEqual(
		expected.exceptions.map((e) => `${e.reason} ${e.partner} ${e.program} ${e.lines[0]}`),
	);
	result.exceptions.forEach((exception, i) => {
		const want = expected.exceptions[i];
		expect({
			id: exception.id,
			reason: exception.reason,
			partner: exception.partner,
			program: exception.program,
			period: exception.period,
			currency: exception.currency,
			lines: exception.lines,
			accrualIds: exception.accrualIds,
		}).toEqual({
			id: sha('exc', want.idKey),
			reason: want.reason,
			partner: want.partner,
			program: want.program,
			period: want.period,
			currency: want.currency,
			lines: want.lines,
			accrualIds: want.accrualKeys.map((key) => sha('acr', key)),
		});
		expect(exception.figures).toMatchObject(want.figures);
		expect(exception.message.length).toBeGreaterThan(20);
		expect(exception.action.length).toBeGreaterThan(20);
	});
}


interface AccrualLike {
	id: string;
	key: string;
	partner: string;
	program: string;
	period: string;
	periodStart: string;
	periodEnd: string;
	currency: string;
	amount: string;
	sourceLines: string[];
	lineCount: number;
	excludedLines: Array<{ id: string; reason: string }>;
	exceptionIds: string[];
	explanation: Record<string, unknown>;
}

interface ExceptionLike {
	id: string;
	reason: string;
	partner: string;
	program: string;
	period: string;
	currency?: string;
	lines: string[];
	accrualIds: string[];
	figures: Record<string, unknown>;
	message: string;
	action: string;
}
