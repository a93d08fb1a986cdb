import { compareIds, queryFrom, startCursor, takeNew, type PollCursor } from '../../nodes/common/polling';

interface Rec {
	id: number;
	modified: string;
}
const key = (r: Rec) => ({ id: r.id, modifiedAt: r.modified });
const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 0, 1, 10, minute, second)).toISOString();
const settings = { lookbackMs: 5 * 60_000 };

/** A vendor: returns what was modified at or after `from`, in the order given (not sorted). */
function query(table: Rec[], cursor: PollCursor): Rec[] {
	const from = queryFrom(cursor, settings).getTime();
	return table.filter((r) => Date.parse(r.modified) >= from);
}

describe('watermark polling', () => {
	it('starts at the backfill date and includes records stamped exactly on it', () => {
		const cursor = startCursor(undefined, { ...settings, backfillFrom: at(0) });
		const table = [{ id: 1, modified: at(0) }, { id: 2, modified: at(-1 + 0, 59) }];
		const { records } = takeNew(query(table, cursor), key, cursor, settings);
		expect(records.map((r) => r.id)).toEqual([1]);
	});

	it('without a backfill date, emits nothing older than the first poll', () => {
		const cursor = startCursor(undefined, { ...settings, now: new Date(at(10)) });
		const table = [{ id: 1, modified: at(8) }, { id: 2, modified: at(11) }];
		expect(takeNew(query(table, cursor), key, cursor, settings).records.map((r) => r.id)).toEqual([2]);
	});

	it('fires once per change across polls, in (modified, id) order, and again when a record changes again', () => {
		let cursor = startCursor(undefined, { ...settings, backfillFrom: at(0) });
		const table: Rec[] = [{ id: 10, modified: at(1) }, { id: 2, modified: at(1) }, { id: 3, modified: at(2) }];
		const first = takeNew(query(table, cursor), key, cursor, settings);
		expect(first.records.map((r) => r.id)).toEqual([2, 10, 3]);
		cursor = first.cursor;
		expect(takeNew(query(table, cursor), key, cursor, settings).records).toEqual([]);
		table[0] = { id: 10, modified: at(3) };
		const third = takeNew(query(table, cursor), key, cursor, settings);
		expect(third.records).toEqual([{ id: 10, modified: at(3) }]);
		expect(third.cursor.since).toBe(at(3));
	});

	it('catches a late-committed record stamped before the watermark but inside the lookback', () => {
		let cursor = startCursor(undefined, { ...settings, backfillFrom: at(0) });
		const table: Rec[] = [{ id: 1, modified: at(5) }];
		cursor = takeNew(query(table, cursor), key, cursor, settings).cursor;
		table.push({ id: 2, modified: at(4, 30) });
		const next = takeNew(query(table, cursor), key, cursor, settings);
		expect(next.records.map((r) => r.id)).toEqual([2]);
		expect(next.cursor.since).toBe(at(5));
		expect(takeNew(query(table, next.cursor), key, next.cursor, settings).records).toEqual([]);
	});

	it('forgets keys that fell out of the lookback window', () => {
		let cursor = startCursor(undefined, { ...settings, backfillFrom: at(0) });
		const table: Rec[] = [{ id: 1, modified: at(1) }];
		cursor = takeNew(query(table, cursor), key, cursor, settings).cursor;
		table.push({ id: 2, modified: at(30) });
		cursor = takeNew(query(table, cursor), key, cursor, settings).cursor;
		expect(cursor.seen).toEqual([`2@${at(30)}`]);
	});

	it('drops duplicates inside one page (a vendor page overlap)', () => {
		const cursor = startCursor(undefined, { ...settings, backfillFrom: at(0) });
		const rec = { id: 1, modified: at(1) };
		expect(takeNew([rec, { ...rec }], key, cursor, settings).records).toHaveLength(1);
	});

	it('names the record whose modified time is not a date', () => {
		const cursor = startCursor(undefined, { backfillFrom: at(0) });
		expect(() => takeNew([{ id: 7, modified: 'yesterday' }], key, cursor)).toThrow(/record 7/);
		expect(() => startCursor(undefined, { backfillFrom: 'soon' })).toThrow(/Backfill start date/);
	});

	it('compares numeric ids as numbers', () => {
		expect(['10', '9', '100', 'a'].sort(compareIds)).toEqual(['9', '10', '100', 'a']);
	});
});
