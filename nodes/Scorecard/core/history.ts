import { createHash } from 'node:crypto';

import type { Decimal } from '../../common/canonical/decimal';
import type { StateStore } from '../../common/state';
import type { KpiResult } from './engine';
import type { Status } from './types';

/** What a run records per scorecard, KPI, group and period. */
export interface StoredPoint {
	kpi: string;
	group: Record<string, string>;
	/** The group's values as the engine keys them (JSON array in grouping order). */
	groupKey: string;
	period: string;
	/** Rounded as reported; null when n/a. */
	value: Decimal | null;
	exact: Decimal | null;
	status: Status;
	reason?: string;
	recordedAt: string;
}

const INDEX_KEY = 'periods';
const BATCH = 10_000;
const MAX_CAS_ATTEMPTS = 20;

/** The store key of one point; long group values are hashed to stay within the store's key limit. */
export function pointKey(period: string, kpiId: string, groupKey: string): string {
	const key = JSON.stringify([period, kpiId, groupKey]);
	return key.length <= 900 ? key : `h:${createHash('sha256').update(key).digest('base64url')}`;
}

export const pairKey = (kpiId: string, groupKey: string) => `${kpiId}\u001f${groupKey}`;

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/**
 * Results of earlier runs in the state store, namespace `scorecard:<name>`: one entry per KPI, group and
 * period (a rerun of a period overwrites it), plus an index of the recorded periods, updated with
 * compare-and-set so concurrent runs (queue-mode workers) never drop each other's periods.
 */
export class ScorecardHistory {
	readonly ns: string;

	constructor(
		private readonly store: StateStore,
		readonly name: string,
	) {
		this.ns = `scorecard:${name}`;
	}

	async periods(): Promise<string[]> {
		const index = await this.store.get<{ periods: string[] }>(this.ns, INDEX_KEY);
		return index?.value.periods ?? [];
	}

	/**
	 * Stored points of the given KPI/group pairs in the `depth` latest recorded periods before `period`,
	 * by pair key, oldest first.
	 */
	async before(period: string, pairs: Array<{ kpiId: string; groupKey: string }>, depth: number): Promise<Map<string, StoredPoint[]>> {
		const out = new Map<string, StoredPoint[]>();
		if (pairs.length === 0 || depth < 1) return out;
		const periods = (await this.periods()).filter((p) => p < period).slice(-depth);
		const keys = periods.flatMap((p) => pairs.map((pair) => pointKey(p, pair.kpiId, pair.groupKey)));
		for (const batch of chunks(keys, BATCH)) {
			const found = await this.store.getMany<StoredPoint>(this.ns, batch);
			for (const { value } of found.values()) {
				const key = pairKey(value.kpi, value.groupKey);
				const list = out.get(key) ?? [];
				list.push(value);
				out.set(key, list);
			}
		}
		for (const list of out.values()) list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
		return out;
	}

	/** Records the current and the earlier input periods of every result; returns how many points were written. */
	async record(results: KpiResult[], recordedAt: Date): Promise<number> {
		const at = recordedAt.toISOString();
		const entries: Array<{ key: string; value: StoredPoint }> = [];
		const periods = new Set<string>();
		for (const result of results) {
			const group = Object.fromEntries(result.group);
			for (const point of [...result.earlier, { period: result.period, ...result.current }]) {
				periods.add(point.period);
				entries.push({
					key: pointKey(point.period, result.kpi.id, result.groupKey),
					value: {
						kpi: result.kpi.id,
						group,
						groupKey: result.groupKey,
						period: point.period,
						value: point.value ?? null,
						exact: point.exact ?? null,
						status: point.status,
						...(point.reason ? { reason: point.reason } : {}),
						recordedAt: at,
					},
				});
			}
		}
		for (const batch of chunks(entries, BATCH)) await this.store.putMany(this.ns, batch);
		await this.addPeriods([...periods]);
		return entries.length;
	}

	private async addPeriods(periods: string[]): Promise<void> {
		for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
			const index = await this.store.get<{ periods: string[] }>(this.ns, INDEX_KEY);
			const known = index?.value.periods ?? [];
			const merged = [...new Set([...known, ...periods])].sort();
			if (merged.length === known.length) return;
			const result = await this.store.compareAndSet(this.ns, INDEX_KEY, index?.version ?? null, { periods: merged });
			if (result.ok) return;
		}
		throw new Error(`Scorecard "${this.name}": could not update the period index after ${MAX_CAS_ATTEMPTS} attempts (too many concurrent runs)`);
	}
}
