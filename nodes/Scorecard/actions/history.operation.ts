import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { decimalToNumber } from '../../common/canonical/decimal';
import { getStateStore } from '../../common/state';
import type { StoredPoint } from '../core/history';
import { ScorecardHistory } from '../core/history';

const show = { show: { operation: ['history'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'historyFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'From Period', name: 'from', type: 'string', default: '', placeholder: '2026-01', description: 'Only periods from this one on' },
			{ displayName: 'KPI ID', name: 'kpi', type: 'string', default: '', placeholder: 'renewal_rate' },
			{ displayName: 'To Period', name: 'to', type: 'string', default: '', placeholder: '2026-12', description: 'Only periods up to this one' },
		],
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { operation: ['history'], returnAll: [false] } },
	},
];

const PAGE = 1000;

/** The recorded results of a scorecard, oldest period first: one item per KPI, group and period. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scorecard = String(this.getNodeParameter('scorecard', itemIndex)).trim();
	const filters = this.getNodeParameter('historyFilters', itemIndex, {}) as { from?: string; kpi?: string; to?: string };
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const store = await getStateStore(this, itemIndex);
	const history = new ScorecardHistory(store, scorecard);
	const out: StoredPoint[] = [];
	let after: string | undefined;
	do {
		const page = await store.list<StoredPoint>(history.ns, { limit: PAGE, after });
		for (const { value } of page.items) {
			if (!value || typeof value !== 'object' || !('kpi' in value)) continue; // the period index
			if (filters.kpi && value.kpi !== filters.kpi.trim()) continue;
			if (filters.from && value.period < filters.from.trim()) continue;
			if (filters.to && value.period > filters.to.trim()) continue;
			out.push(value);
		}
		after = page.next;
	} while (after);
	out.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.kpi < b.kpi ? -1 : a.kpi > b.kpi ? 1 : a.groupKey < b.groupKey ? -1 : 1));
	return out.slice(0, limit).map((point) => ({
		scorecard,
		period: point.period,
		kpi: point.kpi,
		group: point.group,
		value: point.value === null ? null : (decimalToNumber(point.value) ?? null),
		status: point.status,
		...(point.reason ? { reason: point.reason } : {}),
		recordedAt: point.recordedAt,
	}));
}
