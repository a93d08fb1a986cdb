import { compareDecimals, type Decimal } from '../../common/canonical/decimal';
import type { Kpi, Status } from './types';

/**
 * Green, amber or red for a (rounded) value. A value exactly on a threshold gets the better status:
 * up: below red → red, else below amber → amber, else green; down: the same with "above".
 */
export function statusOf(value: Decimal, kpi: Pick<Kpi, 'direction' | 'amber' | 'red'>): Exclude<Status, 'n/a'> {
	const worse = kpi.direction === 'up' ? -1 : 1;
	if (kpi.red !== undefined && compareDecimals(value, kpi.red) === worse) return 'red';
	if (compareDecimals(value, kpi.amber) === worse) return 'amber';
	return 'green';
}
