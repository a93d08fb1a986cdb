import { roundDecimal, type Decimal } from '../../common/canonical/decimal';
import type { Kpi } from './types';

/** "1234567.5" → "1,234,567.5" (the sign and the fraction are kept). */
export function groupThousands(value: Decimal): string {
	const negative = value.startsWith('-');
	const [whole, fraction] = (negative ? value.slice(1) : value).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A rounded value with exactly `places` decimals ("62.5", 2 → "62.50"). */
export function fixed(value: Decimal, places: number): string {
	const rounded = roundDecimal(value, places);
	if (places === 0) return rounded;
	const [whole, fraction = ''] = rounded.split('.');
	return `${whole}.${fraction.padEnd(places, '0')}`;
}

/** A value as the report shows it: "62.5%", "USD 12,450.00", "12.5 days", "3.0 h", "1,204". */
export function formatValue(value: Decimal | undefined, kpi: Pick<Kpi, 'unit' | 'decimals' | 'currency'>): string {
	if (value === undefined) return 'n/a';
	const text = groupThousands(fixed(value, kpi.decimals));
	switch (kpi.unit) {
		case '%':
			return `${text}%`;
		case 'currency':
			return kpi.currency ? `${kpi.currency} ${text}` : text;
		case 'days':
			return `${text} days`;
		case 'hours':
			return `${text} h`;
		default:
			return text;
	}
}

/** A change with its sign: "+2.5 pts" for percentages (percentage points), "+3 days", "-120.00". */
export function formatChange(change: Decimal | undefined, kpi: Pick<Kpi, 'unit' | 'decimals' | 'currency'>): string {
	if (change === undefined) return '';
	const sign = change.startsWith('-') ? '-' : change === '0' ? '±' : '+';
	const magnitude = groupThousands(fixed(change.replace('-', ''), kpi.decimals));
	switch (kpi.unit) {
		case '%':
			return `${sign}${magnitude} pts`;
		case 'currency':
			return `${sign}${kpi.currency ? `${kpi.currency} ` : ''}${magnitude}`;
		case 'days':
			return `${sign}${magnitude} days`;
		case 'hours':
			return `${sign}${magnitude} h`;
		default:
			return `${sign}${magnitude}`;
	}
}
