/**
 * Watermark polling for systems without webhooks: the position is taken from the data (last
 * modified time + record id), never from the clock, so a slow poll or a clock skew between n8n and
 * the vendor cannot skip records.
 *
 * Vendors stamp modification times with coarse precision and commit late (a record saved at 10:00:01
 * may only become visible after a poll that already read 10:00:05), so each poll re-reads a lookback
 * window before the watermark and drops what it already emitted, by key `id@modifiedAt`. A record
 * changed again gets a new modifiedAt and so a new key: it fires again, once.
 */

export interface PollCursor {
	/** Highest modifiedAt emitted so far (ISO 8601). */
	since: string;
	/** Keys (`id@modifiedAt`) emitted inside the lookback window before `since`. */
	seen: string[];
	/** Nothing modified before this is ever emitted (the backfill date, or the trigger's first poll). */
	floor: string;
}

export interface PollKey {
	id: string | number;
	/** The vendor's last-modified time of the record. */
	modifiedAt: string | Date;
}

export interface PollSettings {
	/** How far before the watermark each poll re-reads (default 5 minutes). */
	lookbackMs?: number;
	/** First poll of a new trigger: emit records modified from this date on (default: from now, nothing old). */
	backfillFrom?: string | Date;
	/** The poll's start time; only used when there is no cursor and no backfill date. */
	now?: Date;
}

export const DEFAULT_LOOKBACK_MS = 5 * 60_000;

function toDate(value: string | Date, what: string): Date {
	const date = value instanceof Date ? value : new Date(value);
	if (Number.isNaN(date.getTime())) throw new Error(`${what} is not a valid date: ${String(value)}`);
	return date;
}

function keyOf(key: PollKey): string {
	return `${String(key.id)}@${toDate(key.modifiedAt, `modified time of record ${String(key.id)}`).toISOString()}`;
}

/** The cursor to use for this poll: the stored one, or a fresh one at the backfill date (or now). */
export function startCursor(stored: PollCursor | undefined, settings: PollSettings = {}): PollCursor {
	if (stored?.since) return { since: stored.since, seen: stored.seen ?? [], floor: stored.floor ?? stored.since };
	const start = settings.backfillFrom ? toDate(settings.backfillFrom, 'Backfill start date') : (settings.now ?? new Date());
	// Since is strictly before the start, so records stamped exactly at the backfill date are included.
	return { since: new Date(start.getTime() - 1).toISOString(), seen: [], floor: start.toISOString() };
}

/** The lower bound the vendor query should use: `modifiedAt >= queryFrom`. */
export function queryFrom(cursor: PollCursor, settings: PollSettings = {}): Date {
	return new Date(new Date(cursor.since).getTime() - (settings.lookbackMs ?? DEFAULT_LOOKBACK_MS));
}

/**
 * Keeps the records not emitted before and advances the cursor. `records` are what the vendor
 * returned for `modifiedAt >= queryFrom(cursor)`, in any order; the result is in (modifiedAt, id) order.
 */
export function takeNew<T>(
	records: T[],
	key: (record: T) => PollKey,
	cursor: PollCursor,
	settings: PollSettings = {},
): { records: T[]; cursor: PollCursor } {
	const lookbackMs = settings.lookbackMs ?? DEFAULT_LOOKBACK_MS;
	const seen = new Set(cursor.seen);
	const previous = new Date(cursor.since).getTime();
	const lowest = Math.max(previous - lookbackMs, new Date(cursor.floor).getTime());
	const fresh: Array<{ record: T; key: string; time: number; id: string }> = [];
	const emitted = new Set<string>();
	for (const record of records) {
		const k = key(record);
		const time = toDate(k.modifiedAt, `modified time of record ${String(k.id)}`).getTime();
		const entry = { record, key: keyOf(k), time, id: String(k.id) };
		// Older than the window: emitted by an earlier poll, or before the backfill date.
		if (time < lowest || seen.has(entry.key) || emitted.has(entry.key)) continue;
		emitted.add(entry.key);
		fresh.push(entry);
	}
	fresh.sort((a, b) => a.time - b.time || compareIds(a.id, b.id));

	// Never lower the watermark: the lookback re-reads records older than it.
	const since = fresh.reduce((max, entry) => Math.max(max, entry.time), previous);
	const keep = since - lookbackMs;
	const nextSeen = [...cursor.seen, ...fresh.map((entry) => entry.key)].filter((k) => Date.parse(k.slice(k.lastIndexOf('@') + 1)) >= keep);
	return {
		records: fresh.map((entry) => entry.record),
		cursor: { since: new Date(since).toISOString(), seen: [...new Set(nextSeen)], floor: cursor.floor },
	};
}

/** Numeric ids compare as numbers (NetSuite, Intacct RECORDNO), others as strings. */
export function compareIds(a: string, b: string): number {
	if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
	return a < b ? -1 : a > b ? 1 : 0;
}
