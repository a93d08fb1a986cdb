import type { CwValidationError } from './errors';
import { REF_KINDS, resolveRef } from './refs';
import type { ResourceDef, WriteContext } from './resources';
import { isoSeconds } from './seed';
import type { CwRecord, CwStore } from './store';

export type ChangeAction = 'added' | 'updated' | 'deleted';

export type WriteResult =
	| { ok: true; record: CwRecord }
	| { ok: false; status: 400 | 404; errors: CwValidationError[]; message: string };

/** A PATCH path ConnectWise accepts but does not apply (see Developer Guide, "Patch"): kept for tests to inspect. */
export interface IgnoredPatch {
	resource: string;
	id: number;
	path: string;
	reason: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const RELATIVE_HREF = /"(\w+_href)":"\//g;

/**
 * Serializes records for output, turning stored relative `*_href` values into absolute URLs.
 * Works on the JSON text (one pass, no copy of the object graph): lists of 1,000 records stay cheap.
 */
export function presentJson(value: unknown, apiBase: string): string {
	const base = JSON.stringify(apiBase).slice(1, -1);
	return JSON.stringify(value).replace(RELATIVE_HREF, (_m, key: string) => `"${key}":"${base}/`);
}

/** Copy of records with absolute hrefs, for in-process inspection. */
export function present(value: unknown, apiBase: string): unknown {
	return JSON.parse(presentJson(value, apiBase)) as unknown;
}

/** Create / replace / patch / delete with ConnectWise's validation rules, shared by the API and the admin routes. */
export class CwEngine {
	readonly ignoredPatches: IgnoredPatch[] = [];

	constructor(
		private readonly store: CwStore,
		private readonly now: () => Date,
		private readonly onChange: (def: ResourceDef, action: ChangeAction, record: CwRecord, member: CwRecord) => void,
	) {}

	parentMatches(def: ResourceDef, record: CwRecord, parentId: number | undefined): boolean {
		if (!def.parent || parentId === undefined) return true;
		const v = record[def.parent.field];
		return (isObject(v) ? v.id : v) === parentId;
	}

	find(def: ResourceDef, id: number, parentId?: number): CwRecord | undefined {
		const rec = this.store.get(def.collection, id);
		return rec && this.parentMatches(def, rec, parentId) ? rec : undefined;
	}

	create(def: ResourceDef, body: unknown, member: CwRecord, parent?: CwRecord): WriteResult {
		if (!isObject(body)) return this.invalid(def, [{ code: 'InvalidObject', message: 'The body must be a JSON object', resource: def.resource, field: '' }]);
		const record = def.template(this.store);
		const assigned = this.fromBody(def, record, body);
		return this.commit(def, record, assigned, member, 'create', undefined, parent);
	}

	replace(def: ResourceDef, current: CwRecord, body: unknown, member: CwRecord, parent?: CwRecord): WriteResult {
		if (!isObject(body)) return this.invalid(def, [{ code: 'InvalidObject', message: 'The body must be a JSON object', resource: def.resource, field: '' }]);
		// PUT replaces every field: what the body leaves out falls back to the defaults.
		const record = def.template(this.store);
		const assigned = this.fromBody(def, record, body);
		return this.commit(def, record, assigned, member, 'update', current, parent);
	}

	patch(def: ResourceDef, current: CwRecord, ops: unknown, member: CwRecord, parent?: CwRecord): WriteResult {
		const errors: CwValidationError[] = [];
		const fail = (message: string, field = ''): WriteResult => {
			errors.push({ code: 'InvalidField', message, resource: def.resource, field });
			return this.invalid(def, errors);
		};
		if (!Array.isArray(ops) || ops.length === 0) {
			return fail('PATCH bodies are a JSON array of operations, e.g. [{"op":"replace","path":"summary","value":"x"}]');
		}
		const template = def.template(this.store);
		const record = structuredClone(current) as Record<string, unknown>;
		const assigned = new Map<string, unknown>();
		for (const op of ops) {
			if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') {
				return fail('each operation needs "op" and "path"');
			}
			const kind = op.op.toLowerCase();
			if (!['add', 'replace', 'remove'].includes(kind)) return fail(`unsupported op "${op.op}" (use add, replace or remove)`, op.path);
			const path = op.path.replace(/^\/+/, '');
			const [head, ...rest] = path.split('/');
			if (head === 'id' || head === '_info') return fail(`${head} is read-only`, head);
			// Field names in PATCH paths are case-sensitive.
			if (!(head in template)) return fail(`${def.resource} has no field "${head}"`, head);
			if (rest.length > 0) {
				// Writing inside an object is silently not applied by the server; only whole-object replaces work.
				this.ignoredPatches.push({ resource: def.resource, id: current.id, path: op.path, reason: 'sub-path of an object field' });
				continue;
			}
			if (def.computed?.includes(head)) {
				this.ignoredPatches.push({ resource: def.resource, id: current.id, path: op.path, reason: 'computed by the server' });
				continue;
			}
			if (kind !== 'remove' && !('value' in op)) return fail(`operation on "${head}" needs a value`, head);
			assigned.set(head, kind === 'remove' ? null : op.value);
		}
		return this.commit(def, record, assigned, member, 'update', current, parent);
	}

	remove(def: ResourceDef, current: CwRecord, member: CwRecord): void {
		this.store.remove(def.collection, current.id);
		this.onChange(def, 'deleted', current, member);
	}

	/** Maps body keys onto the resource's fields the way the server's JSON binder does: case-insensitively, unknown keys dropped. */
	private fromBody(def: ResourceDef, template: Record<string, unknown>, body: Record<string, unknown>): Map<string, unknown> {
		const byLower = new Map(Object.keys(template).map((k) => [k.toLowerCase(), k]));
		const assigned = new Map<string, unknown>();
		for (const [key, value] of Object.entries(body)) {
			const field = byLower.get(key.toLowerCase());
			if (!field || def.computed?.includes(field)) continue;
			assigned.set(field, value);
		}
		return assigned;
	}

	private commit(
		def: ResourceDef,
		record: Record<string, unknown>,
		assigned: Map<string, unknown>,
		member: CwRecord,
		action: 'create' | 'update',
		current: CwRecord | undefined,
		parent: CwRecord | undefined,
	): WriteResult {
		const errors: CwValidationError[] = [];
		const refFields = new Set(Object.keys(def.refs));
		for (const [field, value] of assigned) if (!refFields.has(field)) record[field] = value;
		if (current) record.id = current.id;
		if (parent && def.parent) def.parent.attach(record, parent);
		for (const [field, kindName] of Object.entries(def.refs)) {
			if (!assigned.has(field)) continue;
			const resolved = resolveRef(this.store, REF_KINDS[kindName], assigned.get(field), record, field);
			if (resolved.ok) record[field] = resolved.ref;
			else errors.push({ code: 'InvalidField', message: resolved.message, resource: def.resource, field });
		}
		const now = isoSeconds(this.now().getTime());
		const ctx: WriteContext = { store: this.store, now, member, explicit: new Set(assigned.keys()), action, errors };
		def.prepare?.(record, ctx);
		for (const field of def.required) {
			const v = record[field];
			if (errors.some((e) => e.field === field)) continue;
			if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
				errors.push({ code: 'NullValue', message: `${field} may not be empty`, resource: def.resource, field });
			}
		}
		if (errors.length > 0) return this.invalid(def, errors);

		const info = current?._info ?? {};
		record._info = {
			lastUpdated: now,
			updatedBy: member.identifier,
			dateEntered: info.dateEntered ?? now,
			enteredBy: info.enteredBy ?? member.identifier,
		};
		const stored = this.store.put(def.collection, record as Omit<CwRecord, 'id'>);
		if (def.links) stored._info = { ...stored._info, ...def.links(stored) };
		this.onChange(def, action === 'create' ? 'added' : 'updated', stored, member);
		return { ok: true, record: stored };
	}

	private invalid(def: ResourceDef, errors: CwValidationError[]): WriteResult {
		return { ok: false, status: 400, errors, message: `${def.resource} object is invalid` };
	}
}
