import { compileKpi, compileKpis, kpiRows, mergeKpiRows } from '../../nodes/Scorecard/core/definitions';
import { ScorecardConfigError } from '../../nodes/Scorecard/core/errors';
import { defaultKpiRows } from '../../nodes/Scorecard/core/defaults';
import { kpiFields } from '../../nodes/Scorecard/actions/fields';

const base = { id: 'renewal_rate', formula: 'sum(won) / sum(due) * 100', unit: '%', target: 90, direction: 'up', amber: 85, red: 75 };

function problem(raw: Record<string, unknown>, position = 3): ScorecardConfigError {
	try {
		compileKpi(raw, position);
	} catch (error) {
		if (error instanceof ScorecardConfigError) return error;
		throw error;
	}
	throw new Error('compiled without an error');
}

describe('KPI definitions', () => {
	it('compiles a KPI with defaults filled in', () => {
		const kpi = compileKpi({ id: 'active_workflows', formula: 'sum(active_workflows)', unit: 'count', target: 25 }, 1);
		expect(kpi).toMatchObject({ name: 'active_workflows', domain: 'General', direction: 'up', target: '25', amber: '25', red: undefined, decimals: 0, splitBy: [], metrics: ['active_workflows'] });
		expect(compileKpi({ ...base, unit: 'currency', currency: 'eur' }, 1)).toMatchObject({ decimals: 2, currency: 'EUR' });
	});

	it('accepts spreadsheet rows: numbers as text, lists as comma text, unit and direction aliases, n8n items', () => {
		const [kpi] = compileKpis(
			kpiRows([
				{
					json: { row_number: 2, id: 'cycle', formula: 'avg(days)', unit: 'Day', target: '10', amber: '15', red: '20.5', direction: 'Lower is better', decimals: '1', groupBy: 'customer, plant', splitBy: '' },
				},
			]),
		);
		expect(kpi).toMatchObject({ unit: 'days', direction: 'down', target: '10', amber: '15', red: '20.5', decimals: 1, groupBy: ['customer', 'plant'], splitBy: [] });
		expect(kpiRows('{"kpis":[{"id":"a"}]}')).toEqual([{ id: 'a' }]);
		expect(kpiRows('  ')).toEqual([]);
	});

	it.each([
		[{ ...base, id: '' }, 'KPI entry 3: id is required: letters, digits, "_", "-" or "." (up to 64 characters), e.g. "renewal_rate"'],
		[{ ...base, formula: '' }, 'KPI "renewal_rate" (entry 3): formula is required, e.g. "sum(renewals_won) / sum(renewals_due) * 100"'],
		[{ ...base, unit: 'furlongs' }, 'KPI "renewal_rate" (entry 3): unit "furlongs" is not one of %, currency, days, hours, count, ratio'],
		[{ ...base, target: 'high' }, 'KPI "renewal_rate" (entry 3): target "high" is not a number'],
		[{ ...base, target: undefined }, "KPI \"renewal_rate\" (entry 3): target is required (a number in the KPI's unit)"],
		[{ ...base, direction: 'sideways' }, 'KPI "renewal_rate" (entry 3): direction "sideways" must be "up" (higher is better) or "down" (lower is better)'],
		[{ ...base, amber: 95 }, 'KPI "renewal_rate" (entry 3): amber threshold 95 is above the target 90; with direction "up" it must not be better than the target'],
		[{ ...base, red: 86 }, 'KPI "renewal_rate" (entry 3): red threshold 86 is above the amber threshold 85; with direction "up" it must not be better than amber'],
		[{ ...base, direction: 'down', target: 10, amber: 5, red: 20 }, 'KPI "renewal_rate" (entry 3): amber threshold 5 is below the target 10; with direction "down" it must not be better than the target'],
		[{ ...base, decimals: 7 }, 'KPI "renewal_rate" (entry 3): decimals 7 must be a whole number from 0 to 6'],
		[{ ...base, currency: 'dollars' }, 'KPI "renewal_rate" (entry 3): currency "DOLLARS" must be a 3-letter ISO 4217 code such as USD'],
		[{ ...base, treshold: 3 }, 'KPI "renewal_rate" (entry 3): unknown field "treshold" (known: id, name, domain, description, formula, unit, currency, target, direction, amber, red, groupBy, splitBy, decimals, filter)'],
		[{ ...base, groupBy: [1] }, 'KPI "renewal_rate" (entry 3): groupBy must be a list of field names (or comma-separated text)'],
		[{ ...base, formula: 'sum(won) / sum(due' }, 'KPI "renewal_rate" (entry 3): formula error at position 19: expected ")" to close sum( but found the end of the formula'],
		[{ ...base, filter: 'region ~ "x"' }, 'KPI "renewal_rate" (entry 3): filter error at position 8: unexpected character "~"'],
	])('names the KPI and the field: %j', (raw, message) => {
		expect(problem(raw as Record<string, unknown>).message).toBe(message);
	});

	it('shows where a formula breaks in the error description', () => {
		expect(problem({ ...base, formula: 'sum(won) ** 2' }).description).toContain('sum(won) ** 2\n          ^');
	});

	it('refuses a repeated id and input that is not a list of objects', () => {
		expect(() => compileKpis([base, { ...base }])).toThrow('KPI "renewal_rate" (entry 2): id is already used by entry 1; every KPI needs its own id');
		expect(() => kpiRows('{oops')).toThrow(/^KPI Definitions is not valid JSON: /);
		expect(() => kpiRows(42)).toThrow('KPI Definitions must be a list of KPI objects');
		expect(() => kpiRows(['x'])).toThrow('KPI Definitions: entry 1 is not an object');
	});

	it('merges changes over the default KPI of the same id and adds new ones', () => {
		const merged = mergeKpiRows([base, { ...base, id: 'other' }], [{ id: 'renewal_rate', target: 95, amber: 90 }, { id: 'new', formula: 'count()', unit: 'count', target: 1 }]);
		expect(merged.map((row) => [row.id, row.target])).toEqual([
			['renewal_rate', 95],
			['other', 90],
			['new', 1],
		]);
		expect(compileKpis(merged)[0]).toMatchObject({ target: '95', amber: '90', red: '75' });
	});

	it('ships parameter defaults that validate: the example definitions and the example changes', () => {
		const defaultOf = (name: string) => kpiFields.find((field) => field.name === name)?.default;
		expect(compileKpis(kpiRows(defaultOf('kpis'))).map((kpi) => kpi.id)).toEqual(['renewal_rate']);
		const changed = compileKpis(mergeKpiRows(defaultKpiRows(), kpiRows(defaultOf('kpiOverrides'))));
		expect(changed.find((kpi) => kpi.id === 'utilization')).toMatchObject({ target: '80', amber: '70', red: '60' });
	});
});
