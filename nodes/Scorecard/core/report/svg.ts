import { decimalToNumber, type Decimal } from '../../../common/canonical/decimal';
import type { HistoryPoint } from '../change';
import type { Kpi, Status } from '../types';
import { escapeHtml } from './escape';
import { INK, STATUS_COLOURS, TRACK } from './palette';

const BAR_WIDTH = 160;
const BAR_HEIGHT = 22;

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A horizontal bar for the value against a tick for the target, coloured by status. The scale runs from 0
 * to 110 % of the larger of value and target (negative values draw no bar; the number is in the text).
 */
export function barChart(kpi: Pick<Kpi, 'target' | 'name'>, value: Decimal | undefined, status: Status, label: string): string {
	const target = decimalToNumber(kpi.target) ?? 0;
	const amount = value === undefined ? 0 : Math.max(0, decimalToNumber(value) ?? 0);
	const top = Math.max(amount, target, 0) * 1.1 || 1;
	const x = (n: number) => round1((Math.max(0, n) / top) * BAR_WIDTH);
	const bar = value === undefined ? '' : `<rect x="0" y="5" width="${x(amount)}" height="12" rx="2" fill="${STATUS_COLOURS[status].fill}"/>`;
	const tick = x(target);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" viewBox="0 0 ${BAR_WIDTH} ${BAR_HEIGHT}" role="img" aria-label="${escapeHtml(label)}">` +
		`<rect x="0" y="5" width="${BAR_WIDTH}" height="12" rx="2" fill="${TRACK}"/>${bar}` +
		`<rect x="${Math.min(tick, BAR_WIDTH - 2)}" y="1" width="2" height="20" fill="${INK}"/></svg>`
	);
}

/** A small line of the KPI's values over the periods, the last point in the current status colour; empty with fewer than 2 values. */
export function sparkline(history: HistoryPoint[], status: Status): string {
	const points = history.filter((point): point is HistoryPoint & { value: Decimal } => point.value !== undefined);
	if (points.length < 2) return '';
	const width = 90;
	const height = 24;
	const values = points.map((point) => decimalToNumber(point.value) ?? 0);
	let low = Math.min(...values);
	let high = Math.max(...values);
	if (high === low) {
		low -= 1;
		high += 1;
	}
	const step = (width - 6) / (history.length - 1);
	const coords = points.map((point, i) => {
		const x = round1(3 + step * history.indexOf(point));
		const y = round1(height - 3 - ((values[i] - low) / (high - low)) * (height - 6));
		return [x, y];
	});
	const [lastX, lastY] = coords[coords.length - 1];
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="trend over ${points.length} periods">` +
		`<polyline points="${coords.map(([x, y]) => `${x},${y}`).join(' ')}" fill="none" stroke="#7b8794" stroke-width="1.5"/>` +
		`<circle cx="${lastX}" cy="${lastY}" r="2.5" fill="${STATUS_COLOURS[status].fill}"/></svg>`
	);
}
