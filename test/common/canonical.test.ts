import {
	CANONICAL_TYPES,
	addDecimals,
	compact,
	compareDecimals,
	decimalToNumber,
	externalIdOf,
	isCanonical,
	isCanonicalType,
	isDecimal,
	isIsoDate,
	multiplyDecimals,
	referenceTo,
	roundDecimal,
	subtractDecimals,
	toDecimal,
	toIsoDate,
	toIsoDateTime,
	withExternalId,
} from '../../nodes/common/canonical';
import type { Customer, Invoice, UsageRecord } from '../../nodes/common/canonical';

describe('canonical decimals', () => {
	it.each([
		[12, '12'],
		[12.5, '12.5'],
		[-0.1, '-0.1'],
		[1e-7, '0.0000001'],
		[1.5e21, '1500000000000000000000'],
		['007.50', '7.5'],
		[' 1,234.50 ', '1234.5'],
		['-0', '0'],
		['-0.000', '0'],
		['.5', '0.5'],
		['5.', '5'],
		['2.5E3', '2500'],
		[10n, '10'],
	])('toDecimal(%p) = %p', (input, expected) => {
		expect(toDecimal(input)).toBe(expected);
	});

	it.each([[null], [undefined], [''], ['abc'], ['1.2.3'], [Number.NaN], [Infinity], [{}], ['.'], ['-']])(
		'toDecimal(%p) is undefined',
		(input) => {
			expect(toDecimal(input)).toBeUndefined();
		},
	);

	it('adds, subtracts and multiplies exactly where floats do not', () => {
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(addDecimals('0.1', '0.2')).toBe('0.3');
		expect(addDecimals(0.1, 0.2, '-0.3')).toBe('0');
		expect(addDecimals('19.99', '0.01', '100')).toBe('120');
		expect(subtractDecimals('1070', '500')).toBe('570');
		expect(subtractDecimals('1', '-1')).toBe('2');
		expect(multiplyDecimals('2', '49.975')).toBe('99.95');
		expect(multiplyDecimals('-1.5', '1.5')).toBe('-2.25');
		expect(() => addDecimals('x')).toThrow(TypeError);
	});

	it('compares and rounds half away from zero', () => {
		expect(compareDecimals('10.0', 10)).toBe(0);
		expect(compareDecimals('9.99', '10')).toBe(-1);
		expect(compareDecimals('-1', '-2')).toBe(1);
		expect(roundDecimal('2.345', 2)).toBe('2.35');
		expect(roundDecimal('-2.345', 2)).toBe('-2.35');
		expect(roundDecimal('2.344', 2)).toBe('2.34');
		expect(roundDecimal('2.5', 0)).toBe('3');
		expect(roundDecimal('1.2', 4)).toBe('1.2');
	});

	it('recognises decimals and converts back to numbers', () => {
		expect(isDecimal('12.50')).toBe(true);
		expect(isDecimal('1e3')).toBe(false);
		expect(isDecimal(12)).toBe(false);
		expect(decimalToNumber('12.5')).toBe(12.5);
		expect(decimalToNumber(undefined)).toBeUndefined();
	});
});

describe('canonical dates', () => {
	it('writes instants in UTC without zero milliseconds', () => {
		expect(toIsoDateTime('2024-05-01T08:00:00+02:00')).toBe('2024-05-01T06:00:00Z');
		expect(toIsoDateTime('2024-05-01T08:00:00.250Z')).toBe('2024-05-01T08:00:00.250Z');
		expect(toIsoDateTime('2024-05-01')).toBe('2024-05-01T00:00:00Z');
		expect(toIsoDateTime('2024-05-01 08:00')).toBe('2024-05-01T08:00:00Z');
		expect(toIsoDateTime(new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02T00:00:00Z');
		expect(toIsoDateTime(0)).toBe('1970-01-01T00:00:00Z');
		expect(toIsoDateTime('not a date')).toBeUndefined();
		expect(toIsoDateTime(null)).toBeUndefined();
	});

	it('writes calendar dates, taking the UTC date of an instant', () => {
		expect(toIsoDate('2024-05-01')).toBe('2024-05-01');
		expect(toIsoDate('2024-05-01T23:30:00-02:00')).toBe('2024-05-02');
		expect(toIsoDate('garbage')).toBeUndefined();
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2024-02-30')).toBe(false);
		expect(isIsoDate('2024-2-1')).toBe(false);
	});
});

describe('canonical records', () => {
	const customer: Customer = { type: 'Customer', externalIds: { netSuite: '412' }, name: 'Acme' };

	it('lists the sixteen record types', () => {
		expect(CANONICAL_TYPES).toHaveLength(16);
		expect(isCanonicalType('Invoice')).toBe(true);
		expect(isCanonicalType('Subscription')).toBe(false);
	});

	it('recognises canonical records by type and external ids', () => {
		expect(isCanonical(customer)).toBe(true);
		expect(isCanonical(customer, 'Customer')).toBe(true);
		expect(isCanonical(customer, 'Supplier')).toBe(false);
		expect(isCanonical({ type: 'Customer', name: 'x' })).toBe(false);
		expect(isCanonical({ type: 'Customer', externalIds: { a: 1 } })).toBe(false);
		expect(isCanonical({ type: 'Nope', externalIds: {} })).toBe(false);
		expect(isCanonical([customer])).toBe(false);
	});

	it('reads and sets cross-reference ids without mutating the record', () => {
		const linked = withExternalId(customer, 'connectWisePsa', 250);
		expect(linked.externalIds).toEqual({ netSuite: '412', connectWisePsa: '250' });
		expect(customer.externalIds).toEqual({ netSuite: '412' });
		expect(externalIdOf(linked, 'connectWisePsa')).toBe('250');
		expect(externalIdOf(undefined, 'x')).toBeUndefined();
	});

	it('builds references only when there is something to point with', () => {
		expect(referenceTo('stripe', 'cus_1', { name: 'Acme' })).toEqual({ name: 'Acme', externalIds: { stripe: 'cus_1' } });
		expect(referenceTo('stripe', undefined)).toBeUndefined();
		expect(referenceTo('stripe', '', { code: 'A1' })).toEqual({ code: 'A1' });
	});

	it('compacts away undefined values and the empty objects they leave, keeping externalIds', () => {
		const invoice = compact<Invoice>({
			type: 'Invoice',
			externalIds: {},
			customer: { id: undefined, name: 'Acme' },
			lines: [{ description: 'x', quantity: undefined }, { unitPrice: undefined }],
			totals: { total: undefined },
			notes: undefined,
		});
		expect(invoice).toEqual({
			type: 'Invoice',
			externalIds: {},
			customer: { name: 'Acme' },
			lines: [{ description: 'x' }, {}],
		});
		expect(isCanonical(invoice, 'Invoice')).toBe(true);
		const usage: UsageRecord = compact({
			type: 'UsageRecord',
			externalIds: { stripe: 'mbur_1' },
			metric: 'api_calls',
			quantity: '42',
			timestamp: '2024-05-01T00:00:00Z',
		});
		expect(isCanonical(usage, 'UsageRecord')).toBe(true);
	});
});
