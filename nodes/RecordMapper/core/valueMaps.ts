/**
 * Value maps: per map name (unit of measure, ship method, status…) rows that say which value of one
 * system is which value of another, or of the canonical model (system `canonical`). A map is one
 * document in the state store, changed by compare-and-set, so concurrent writers never lose rows and a
 * translation reads a map once per execution.
 *
 * Translating value v from system A to system B uses, in order: a row A:v → B; a row B:x → A:v read
 * backwards (the first such row in the map); and, when neither side is canonical, A → canonical → B.
 */
import { sleep } from 'n8n-workflow';

import type { StateStore } from '../../common/state';
import { RecordMapperError, UnknownValueError } from './errors';

export const VALUE_MAP_NAMESPACE = 'recordMapper.valueMaps';
export const CANONICAL_SYSTEM = 'canonical';
export const MAX_ROWS = 20_000;
const MAX_ATTEMPTS = 50;

export type MapValue = string | number | boolean;

export interface ValueMapRow {
	fromSystem: string;
	fromValue: MapValue;
	toSystem: string;
	toValue: MapValue;
}

export interface ValueMapDocument {
	name: string;
	rows: ValueMapRow[];
	updatedAt: string;
}

export type UnknownValuePolicy = { onUnknown: 'fail' } | { onUnknown: 'passThrough' } | { onUnknown: 'default'; defaultValue: unknown };

const NAME = /^[A-Za-z0-9][A-Za-z0-9 _.:-]{0,99}$/;

export function checkMapName(name: unknown): string {
	const value = typeof name === 'string' ? name.trim() : '';
	if (!NAME.test(value)) {
		throw new RecordMapperError(
			`Value map name ${JSON.stringify(name)} is not valid`,
			'validation',
			'Use 1 to 100 letters, digits, spaces and _ . : - (starting with a letter or digit), e.g. "unit-of-measure".',
		);
	}
	return value;
}

const isMapValue = (value: unknown): value is MapValue =>
	typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** A row checked field by field; `where` names it in errors ("row 3"). */
export function checkRow(row: unknown, where: string): ValueMapRow {
	const fail = (field: string, problem: string) =>
		new RecordMapperError(`Value map ${where}: ${field} ${problem}`, 'validation', 'Each row needs fromSystem, fromValue, toSystem and toValue; see the Record Mapper docs.');
	if (typeof row !== 'object' || row === null || Array.isArray(row)) throw fail('the row', 'is not an object');
	const r = row as Record<string, unknown>;
	const system = (field: 'fromSystem' | 'toSystem') => {
		const value = typeof r[field] === 'string' ? (r[field] as string).trim() : '';
		if (!value) throw fail(field, 'is missing');
		if (value.length > 100) throw fail(field, 'is longer than 100 characters');
		return value;
	};
	const value = (field: 'fromValue' | 'toValue') => {
		const v = typeof r[field] === 'string' ? (r[field] as string).trim() : r[field];
		if (!isMapValue(v) || v === '') throw fail(field, 'must be a non-empty text, number or boolean');
		return v;
	};
	const out = { fromSystem: system('fromSystem'), fromValue: value('fromValue'), toSystem: system('toSystem'), toValue: value('toValue') };
	if (out.fromSystem === out.toSystem) throw fail('toSystem', `is the same as fromSystem ("${out.fromSystem}")`);
	return out;
}

const rowKey = (row: Pick<ValueMapRow, 'fromSystem' | 'fromValue' | 'toSystem'>) =>
	JSON.stringify([row.fromSystem, String(row.fromValue), row.toSystem]);

export interface SetResult {
	map: string;
	added: number;
	updated: number;
	unchanged: number;
	removed: number;
	total: number;
}

export interface RowKey {
	fromSystem: string;
	fromValue: MapValue;
	toSystem: string;
}

/** Reads and changes value maps in the state store. */
export class ValueMapStore {
	constructor(
		private readonly store: StateStore,
		private readonly clock: () => Date = () => new Date(),
	) {}

	async get(name: string): Promise<ValueMapDocument | undefined> {
		return (await this.store.get<ValueMapDocument>(VALUE_MAP_NAMESPACE, checkMapName(name)))?.value;
	}

	/** Names of every map, in order. */
	async names(): Promise<string[]> {
		const names: string[] = [];
		let after: string | undefined;
		do {
			const page = await this.store.list(VALUE_MAP_NAMESPACE, { limit: 1000, after });
			names.push(...page.items.map((entry) => entry.key));
			after = page.next;
		} while (after);
		return names;
	}

	/**
	 * Adds or replaces rows (a row is identified by fromSystem, fromValue and toSystem). With `replace`
	 * the map ends up holding exactly these rows: a seed from a spreadsheet that is the full truth.
	 */
	async setRows(name: string, rows: ValueMapRow[], { replace = false } = {}): Promise<SetResult> {
		const map = checkMapName(name);
		return await this.change(map, (doc) => {
			const current = new Map((replace ? [] : (doc?.rows ?? [])).map((row) => [rowKey(row), row]));
			const before = new Map((doc?.rows ?? []).map((row) => [rowKey(row), row]));
			const counts = { added: 0, updated: 0, unchanged: 0 };
			const seen = new Set<string>();
			for (const row of rows) {
				const key = rowKey(row);
				const old = before.get(key);
				if (!seen.has(key)) {
					if (!old) counts.added++;
					else if (old.toValue === row.toValue) counts.unchanged++;
					else counts.updated++;
				}
				seen.add(key);
				current.set(key, row);
			}
			const removed = replace ? [...before.keys()].filter((key) => !current.has(key)).length : 0;
			const next = [...current.values()];
			return { rows: next, result: { map, ...counts, removed, total: next.length } };
		});
	}

	/** Deletes the rows with these keys; returns how many existed. */
	async deleteRows(name: string, keys: RowKey[]): Promise<number> {
		const map = checkMapName(name);
		const drop = new Set(keys.map(rowKey));
		return await this.change(map, (doc) => {
			const rows = (doc?.rows ?? []).filter((row) => !drop.has(rowKey(row)));
			return { rows, result: (doc?.rows.length ?? 0) - rows.length };
		});
	}

	/** Deletes a whole map; false when there was none. */
	async deleteMap(name: string): Promise<boolean> {
		return await this.store.delete(VALUE_MAP_NAMESPACE, checkMapName(name));
	}

	private async change<T>(map: string, apply: (doc: ValueMapDocument | undefined) => { rows: ValueMapRow[]; result: T }): Promise<T> {
		for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			const current = await this.store.get<ValueMapDocument>(VALUE_MAP_NAMESPACE, map);
			const { rows, result } = apply(current?.value);
			if (rows.length > MAX_ROWS) {
				throw new RecordMapperError(`Value map "${map}" would hold ${rows.length} rows; the limit is ${MAX_ROWS}`, 'validation', 'Split it into several maps (e.g. one per partner).');
			}
			const doc: ValueMapDocument = { name: map, rows, updatedAt: this.clock().toISOString() };
			const cas = await this.store.compareAndSet(VALUE_MAP_NAMESPACE, map, current?.version ?? null, doc);
			if (cas.ok) return result;
			// Another writer got in first: back off a little (jittered) before reading again.
			await sleep(Math.random() * Math.min(50, 2 * (attempt + 1)));
		}
		throw new RecordMapperError(`Value map "${map}" changed ${MAX_ATTEMPTS} times while being written`, 'transient', 'Retry; other runs are writing the same map.');
	}
}

const norm = (value: MapValue, ignoreCase: boolean) => (ignoreCase ? String(value).trim().toLowerCase() : String(value));
const lookupKey = (system: string, value: string, other: string) => `${system}\u0000${value}\u0000${other}`;

/** A loaded map with its lookups built once. */
export class CompiledValueMap {
	private readonly forward = new Map<string, MapValue>();
	private readonly backward = new Map<string, MapValue>();

	constructor(
		readonly name: string,
		rows: ValueMapRow[],
		private readonly ignoreCase = false,
	) {
		for (const row of rows) {
			const f = lookupKey(row.fromSystem, norm(row.fromValue, ignoreCase), row.toSystem);
			if (!this.forward.has(f)) this.forward.set(f, row.toValue);
			const b = lookupKey(row.toSystem, norm(row.toValue, ignoreCase), row.fromSystem);
			if (!this.backward.has(b)) this.backward.set(b, row.fromValue);
		}
	}

	/** The value in `to` for `value` in `from`, or undefined when the map does not say. */
	translate(from: string, to: string, value: MapValue): MapValue | undefined {
		if (from === to) return value;
		const direct = this.direct(from, to, value);
		if (direct !== undefined || from === CANONICAL_SYSTEM || to === CANONICAL_SYSTEM) return direct;
		const canonical = this.direct(from, CANONICAL_SYSTEM, value);
		return canonical === undefined ? undefined : this.direct(CANONICAL_SYSTEM, to, canonical);
	}

	private direct(from: string, to: string, value: MapValue): MapValue | undefined {
		const key = lookupKey(from, norm(value, this.ignoreCase), to);
		return this.forward.get(key) ?? this.backward.get(key);
	}
}

export interface TranslateRequest {
	map: string;
	from: string;
	to: string;
	/** For error messages. */
	field?: string;
}

/**
 * Applies value maps with an unknown-value policy; loads each map once (one execution's view). A value
 * that is absent (undefined, null or '') is left alone: there is nothing to translate.
 */
export class Translator {
	private readonly maps = new Map<string, Promise<CompiledValueMap>>();

	constructor(
		private readonly store: ValueMapStore,
		private readonly options: { ignoreCase?: boolean } = {},
	) {}

	private load(name: string): Promise<CompiledValueMap> {
		const map = checkMapName(name);
		let compiled = this.maps.get(map);
		if (!compiled) {
			compiled = this.store.get(map).then((doc) => {
				if (!doc) throw new RecordMapperError(`Value map "${map}" does not exist`, 'validation', 'Create it with Value Map → Set, or check the spelling of the map name.');
				return new CompiledValueMap(map, doc.rows, this.options.ignoreCase);
			});
			this.maps.set(map, compiled);
			compiled.catch(() => this.maps.delete(map));
		}
		return compiled;
	}

	async translate(request: TranslateRequest, value: unknown, policy: UnknownValuePolicy): Promise<unknown> {
		if (value === undefined || value === null || value === '') return value;
		if (!isMapValue(value)) {
			throw new RecordMapperError(
				`Value map "${request.map}" cannot translate ${Array.isArray(value) ? 'a list' : 'an object'}${request.field ? ` (field ${request.field})` : ''}`,
				'validation',
				'Point the translation at a field holding text or a number, e.g. lines.*.unitOfMeasure for every line.',
			);
		}
		const map = await this.load(request.map);
		const out = map.translate(request.from, request.to, value);
		if (out !== undefined) return out;
		if (policy.onUnknown === 'passThrough') return value;
		if (policy.onUnknown === 'default') return policy.defaultValue;
		throw new UnknownValueError(request.map, request.from, request.to, value, request.field);
	}
}
