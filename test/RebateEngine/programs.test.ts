import { parseConfig } from '../../nodes/RebateEngine/core/config';
import { RebateConfigError } from '../../nodes/RebateEngine/core/errors';
import { parsePrograms } from '../../nodes/RebateEngine/core/programs';

const base = { id: 'VOL', currency: 'usd', tiers: [{ from: '0', rate: '2' }] };
const fails = (programs: unknown) => () => parsePrograms(programs);

describe('program definitions', () => {
	it('reads a program with defaults (retroactive, by amount, stackable, minor units from the currency)', () => {
		const [p] = parsePrograms(JSON.stringify([base]));
		expect(p).toEqual({
			id: 'VOL',
			name: 'VOL',
			currency: 'USD',
			decimals: 2,
			measure: 'amount',
			method: 'retroactive',
			tiers: [{ from: '0', rate: '2' }],
			partners: [],
			items: [],
			categories: [],
			certificationLevels: [],
			stackable: true,
		});
	});

	it('accepts one object, { programs: [...] }, comma lists and yes/no cells', () => {
		const [p] = parsePrograms({ programs: [{ ...base, partners: 'P-1, P-2', certification: 'gold', stackable: 'no', period: 'Month' }] });
		expect([p.partners, p.certificationLevels, p.stackable, p.period]).toEqual([['P-1', 'P-2'], ['gold'], false, 'month']);
		expect(parsePrograms(base)).toHaveLength(1);
	});

	it('folds table rows (one per tier) into programs, in first-appearance order, mixed with objects', () => {
		const programs = parsePrograms([
			{ program: 'UNITS', currency: 'USD', measure: 'quantity', method: 'incremental', tierFrom: '0', tierPerUnit: '0.5', growthMode: '', cap: '' },
			base,
			{ program: 'UNITS', currency: 'USD', tierFrom: '100', tierPerUnit: '1', cap: '900' },
			{ program: 'GROW', currency: 'EUR', tierFrom: 0, tierRate: 5, growthMode: 'threshold', growthMinPercent: '10' },
		]);
		expect(programs.map((p) => p.id)).toEqual(['UNITS', 'VOL', 'GROW']);
		expect(programs[0]).toMatchObject({ measure: 'quantity', method: 'incremental', cap: '900', tiers: [{ from: '0', perUnit: '0.5' }, { from: '100', perUnit: '1' }] });
		expect(programs[2]).toMatchObject({ currency: 'EUR', growth: { mode: 'threshold', compareTo: 'samePeriodLastYear', minPercent: '10' } });
	});

	it('refuses rows of one program that disagree, naming program, row and column', () => {
		expect(fails([{ program: 'A', currency: 'USD', cap: '10', tierFrom: '0', tierRate: '1' }, { program: 'A', cap: '20', tierFrom: '5', tierRate: '2' }])).toThrow(
			'Program "A" (row 1): rows disagree on "cap" (10 vs 20)',
		);
	});

	it.each([
		[[{ ...base, id: '' }], 'Program at index 0: "id" is required'],
		[[{ ...base, id: 'A|B' }], 'Program at index 0: id "A|B" must not contain "|"'],
		[[base, base], 'Program "VOL" is defined twice'],
		[[{ ...base, tier: [] }], 'Program "VOL": unknown field "tier"'],
		[[{ ...base, currency: 'dollars' }], 'Program "VOL": "currency" "dollars" is not an ISO 4217 code'],
		[[{ ...base, currency: undefined }], 'Program "VOL": "currency" is required'],
		[[{ ...base, tiers: 'x' }], 'Program "VOL": "tiers" must be an array'],
		[[{ ...base, tiers: [] }], 'Program "VOL": "tiers" is empty'],
		[[{ ...base, tiers: [{ from: 'abc', rate: '1' }] }], 'Program "VOL" tiers[0]: "from" is not a number: "abc"'],
		[[{ ...base, tiers: [{ rate: '1' }] }], 'Program "VOL" tiers[0]: "from" is required'],
		[[{ ...base, tiers: [{ from: '0', rate: '101' }] }], 'Program "VOL" tiers[0]: "rate" is 101, above 100'],
		[[{ ...base, tiers: [{ from: '0', rate: '1', perUnit: '1' }] }], 'Program "VOL" tiers[0]: give either "rate" (percent) or "perUnit"'],
		[[{ ...base, tiers: [{ from: '10', rate: '1' }, { from: '10', rate: '2' }] }], 'Program "VOL": tiers[1].from (10) is not above tiers[0].from (10)'],
		[[{ ...base, tiers: [{ from: '0', rate: '1' }, { from: '10', perUnit: '2' }] }], 'Program "VOL": tiers[1] mixes "rate" and "perUnit"'],
		[[{ ...base, method: 'incremental', measure: 'quantity' }], 'Program "VOL": Incremental tiers measured in quantity need "perUnit" tiers'],
		[[{ ...base, method: 'incremental', tiers: [{ from: '0', perUnit: '1' }] }], 'Program "VOL": Incremental tiers measured in amount need "rate" tiers'],
		[[{ ...base, method: 'sliding' }], 'Program "VOL": "method" is "sliding", not one of retroactive, incremental'],
		[[{ ...base, growth: { mode: 'threshold' } }], 'Program "VOL": "growth.minPercent" is required for mode "threshold"'],
		[[{ ...base, growth: { mode: 'increase', minPercent: '5' } }], 'Program "VOL": "growth.minPercent" only applies to mode "threshold"'],
		[[{ ...base, growth: { mode: 'increase' }, measure: 'quantity' }], 'Program "VOL": Tiers of a growth "increase" program measured in quantity need "perUnit" tiers'],
		[[{ ...base, growth: { compareTo: 'lastYear', mode: 'increase' } }], '"growth.compareTo" is "lastYear"'],
		[[{ ...base, validFrom: '2025-02-30' }], 'Program "VOL": "validFrom" is not an ISO date (YYYY-MM-DD): "2025-02-30"'],
		[[{ ...base, validFrom: '2025-03-01', validTo: '2025-02-01' }], 'Program "VOL": validFrom 2025-03-01 is after validTo 2025-02-01'],
		[[{ ...base, cap: '-1' }], 'Program "VOL": "cap" is -1, below 0'],
		[[{ ...base, maxCombinedPercent: '150' }], 'Program "VOL": "maxCombinedPercent" is 150, above 100'],
		[[{ ...base, stackable: 'maybe' }], 'Program "VOL": "stackable" is "maybe", not true or false'],
		[[{ ...base, partners: [{}] }], 'Program "VOL": "partners" must be a list'],
		['[{oops', 'Programs is not valid JSON'],
		[[], 'No programs are defined'],
		[[{ program: '', tierFrom: '0' }], 'Program row 0: "program" is required'],
	])('refuses %j: %s', (programs, message) => {
		const run = fails(programs);
		expect(run).toThrow(RebateConfigError);
		expect(run).toThrow(message);
	});

	it('gives a hint with every error', () => {
		try {
			parsePrograms([{ ...base, cap: 'lots' }]);
			throw new Error('expected an error');
		} catch (error) {
			expect((error as RebateConfigError).hint).toBe('Write cap as a decimal, e.g. "2.5".');
		}
	});
});

describe('the rest of the configuration', () => {
	const programs = [base];
	it('validates certifications, prior figures, the fixed period and the time zone up front', () => {
		const run = (extra: object) => () => parseConfig({ programs, period: 'quarter', ...extra });
		expect(run({ certifications: [{ partner: 'P-1' }] })).toThrow('Certification row 0 (partner "P-1"): "level" is required');
		expect(run({ certifications: [{ partner: 'P-1', level: 'gold', validFrom: '2025-05-01', validTo: '2025-01-01' }] })).toThrow('validFrom 2025-05-01 is after validTo 2025-01-01');
		expect(run({ baselines: [{ partner: 'P-1', period: '2024-Q1' }] })).toThrow('Prior period row 0 (partner "P-1"): give "amount" or "quantity"');
		expect(run({ baselines: [{ partner: 'P-1', period: '2024-Q1', amount: '1', program: 'NOPE' }] })).toThrow('program "NOPE" is not defined');
		expect(run({ baselines: [{ partner: 'P-1', period: '2024-Q1', amount: '1', program: 'VOL', currency: 'EUR' }] })).toThrow('currency EUR differs from program "VOL" (USD)');
		expect(run({ period: 'fixed', periodStart: '2025-01-01' })).toThrow('A fixed period needs Period Start and Period End');
		expect(run({ period: 'fixed', periodStart: '2025-04-01', periodEnd: '2025-01-01' })).toThrow('Period Start 2025-04-01 is after Period End 2025-01-01');
		expect(run({ timeZone: 'Mars/Olympus' })).toThrow('Time zone "Mars/Olympus" is not an IANA time zone');
		expect(run({ period: 'fixed', periodStart: '2025-01-01', periodEnd: '2025-06-30', timeZone: 'Europe/Berlin' })().period).toEqual({
			kind: 'fixed',
			start: '2025-01-01',
			end: '2025-06-30',
			timeZone: 'Europe/Berlin',
		});
	});
});
