/**
 * Cross-reference tables: the ids of one business object in several systems (ERP customer ↔ PSA
 * company ↔ EDI partner ↔ billing customer; ERP item ↔ supplier SKU ↔ GTIN).
 *
 * State store layout, namespace `xref:<table>`:
 *   e:<entity>            → { id, ids: { system: id }, label?, createdAt, updatedAt }   the entity
 *   i:<system>:<id>       → { entity, at }                                               the index
 * (components URI-encoded). A lookup by any system's id reads its index entry, then the entity.
 *
 * Writers on several workers stay consistent with compare-and-set only: a writer first claims each new
 * index entry (CAS from absent), then writes the entity (CAS on its version). An index entry counts
 * only when its entity lists the same id, so a writer that stops between the two steps leaves an entry
 * that lookups ignore and that another writer may take over once it is older than STALE_MS. Two
 * writers linking one id to different entities: the first claim wins and the other gets a conflict
 * naming both entities.
 */
import { randomUUID } from 'node:crypto';
import { sleep } from 'n8n-workflow';

import type { StateStore, VersionedValue } from '../../common/state';
import { CrossReferenceConflictError, RecordMapperError } from './errors';

export const STALE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 25;
const TABLE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export type Ids = Record<string, string>;

export interface XrefEntity {
	id: string;
	ids: Ids;
	label?: string;
	createdAt: string;
	updatedAt: string;
}

interface IndexEntry {
	entity: string;
	at: string;
}

export interface UpsertInput {
	ids: Ids;
	/** Link to this entity (a canonical id); default: the entity any of the ids already belongs to, else a new one. */
	entityId?: string;
	label?: string;
	/** Replace a system's id when the entity already has another one (default: that is a conflict). */
	replace?: boolean;
}

export interface UpdateInput {
	set?: Ids;
	/** Systems whose id to remove. */
	remove?: string[];
	/** `null` removes the label. */
	label?: string | null;
}

export interface WriteResult {
	entity: XrefEntity;
	created: boolean;
	changed: boolean;
}

export interface ListOptions {
	limit?: number;
	after?: string;
	/** Only entities with an id in every one of these systems. */
	withSystems?: string[];
	/** Only entities with no id in any of these systems. */
	withoutSystems?: string[];
}

export function checkTable(table: unknown): string {
	const name = typeof table === 'string' ? table.trim() : '';
	if (!TABLE.test(name)) {
		throw new RecordMapperError(
			`Cross-reference table name ${JSON.stringify(table)} is not valid`,
			'validation',
			'Use 1 to 100 letters, digits and _ . - (starting with a letter or digit), e.g. "customers".',
		);
	}
	return name;
}

export function checkSystem(system: unknown, where = 'System'): string {
	const value = typeof system === 'string' ? system.trim() : '';
	if (!value || value.length > 100 || /[\u0000-\u001f]/.test(value)) {
		throw new RecordMapperError(`${where} ${JSON.stringify(system)} is not a valid system name`, 'validation', 'Use the system key, e.g. netSuite, connectWisePsa, x12:ACME.');
	}
	return value;
}

export function checkId(id: unknown, system: string): string {
	const value = typeof id === 'number' && Number.isFinite(id) ? String(id) : typeof id === 'string' ? id.trim() : '';
	if (!value || value.length > 500 || value.includes('\u0000')) {
		throw new RecordMapperError(`The ${system} id ${JSON.stringify(id)} is not valid`, 'validation', 'An id is a non-empty text or number of at most 500 characters.');
	}
	return value;
}

/** Validated ids; empty values are dropped (a spreadsheet cell left blank links nothing). */
export function checkIds(ids: unknown): Ids {
	if (typeof ids !== 'object' || ids === null || Array.isArray(ids)) {
		throw new RecordMapperError('The ids are not an object of system → id', 'validation', 'Pass e.g. { "netSuite": "412", "connectWisePsa": "250" }.');
	}
	const out: Ids = {};
	for (const [system, id] of Object.entries(ids)) {
		if (id === undefined || id === null || id === '') continue;
		const key = checkSystem(system);
		out[key] = checkId(id, key);
	}
	return out;
}

const enc = encodeURIComponent;
const entityKey = (entity: string) => `e:${enc(entity)}`;
const indexKey = (system: string, id: string) => `i:${enc(system)}:${enc(id)}`;
const pairText = (system: string, id: string) => `${system} ${JSON.stringify(id)}`;
const idsText = (ids: Ids) => Object.entries(ids).map(([system, id]) => pairText(system, id)).join(', ') || 'no ids';

interface Claim {
	key: string;
	version: number;
}

export class CrossReferenceTable {
	readonly table: string;
	private readonly ns: string;

	constructor(
		private readonly store: StateStore,
		table: string,
		private readonly clock: () => Date = () => new Date(),
	) {
		this.table = checkTable(table);
		this.ns = `xref:${this.table}`;
	}

	/** The entity an id belongs to. */
	async lookup(system: string, id: string): Promise<XrefEntity | undefined> {
		return (await this.lookupMany([{ system, id }]))[0];
	}

	/** Several lookups in two round trips (index entries, then entities). */
	async lookupMany(pairs: Array<{ system: string; id: string }>): Promise<Array<XrefEntity | undefined>> {
		const keys = pairs.map(({ system, id }) => indexKey(checkSystem(system), checkId(id, system)));
		const index = await this.getMany<IndexEntry>([...new Set(keys)]);
		const entities = await this.getMany<XrefEntity>([...new Set([...index.values()].map((entry) => entityKey(entry.value.entity)))]);
		return pairs.map(({ system, id }, i) => {
			const entry = index.get(keys[i]);
			const entity = entry ? entities.get(entityKey(entry.value.entity))?.value : undefined;
			return entity && entity.ids[system.trim()] === checkId(id, system) ? entity : undefined;
		});
	}

	async get(entityId: string): Promise<XrefEntity | undefined> {
		return (await this.store.get<XrefEntity>(this.ns, entityKey(checkId(entityId, 'entity'))))?.value;
	}

	/** Links ids to one entity, merging with what it already has. */
	async upsert(input: UpsertInput): Promise<WriteResult> {
		const ids = checkIds(input.ids);
		if (Object.keys(ids).length === 0) {
			throw new RecordMapperError('Nothing to link: no system id was given', 'validation', 'Give at least one system and id (empty values are skipped).');
		}
		const explicit = input.entityId === undefined || input.entityId === '' ? undefined : checkId(input.entityId, 'entity');
		return await this.write(ids, explicit, (existing) => {
			const merged: Ids = { ...(existing?.ids ?? {}) };
			const replaced: Array<[string, string]> = [];
			for (const [system, id] of Object.entries(ids)) {
				const old = merged[system];
				if (old !== undefined && old !== id) {
					if (!input.replace) {
						const via = Object.entries(ids).filter(([s, i]) => existing!.ids[s] === i);
						throw new CrossReferenceConflictError(
							`Entity ${existing!.id} (${idsText(existing!.ids)}) of table "${this.table}" already has ${pairText(system, old)}; linking ${pairText(system, id)} to it${via.length ? ` (found by ${idsText(Object.fromEntries(via))})` : ''} would give it two ${system} IDs`,
							'One entity has one ID per system. Use Update (or the Replace Existing IDs option) to change it, or link the new ID to another entity.',
						);
					}
					replaced.push([system, old]);
				}
				merged[system] = id;
			}
			const label = input.label === undefined || input.label === '' ? existing?.label : input.label;
			return { ids: merged, label, replaced };
		});
	}

	/** Sets and removes ids of an existing entity. */
	async update(entityId: string, input: UpdateInput): Promise<WriteResult> {
		const id = checkId(entityId, 'entity');
		const set = checkIds(input.set ?? {});
		const remove = (input.remove ?? []).map((system) => checkSystem(system));
		return await this.write(set, id, (existing) => {
			if (!existing) {
				throw new RecordMapperError(`Entity ${id} does not exist in table "${this.table}"`, 'not_found', 'Look it up first, or use Upsert to create it.');
			}
			const ids: Ids = { ...existing.ids };
			const replaced: Array<[string, string]> = [];
			for (const system of remove) {
				if (ids[system] !== undefined && set[system] === undefined) replaced.push([system, ids[system]]);
				delete ids[system];
			}
			for (const [system, value] of Object.entries(set)) {
				if (ids[system] !== undefined && ids[system] !== value) replaced.push([system, ids[system]]);
				ids[system] = value;
			}
			const label = input.label === null ? undefined : input.label === undefined || input.label === '' ? existing.label : input.label;
			return { ids, label, replaced };
		});
	}

	/** Deletes an entity and its index entries; returns what was deleted. */
	async deleteEntity(entityId: string): Promise<XrefEntity | undefined> {
		const key = entityKey(checkId(entityId, 'entity'));
		for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			const current = await this.store.get<XrefEntity>(this.ns, key);
			if (!current) return undefined;
			if (!(await this.store.delete(this.ns, key, { expectedVersion: current.version }))) continue;
			await this.dropIndex(current.value.id, Object.entries(current.value.ids));
			return current.value;
		}
		throw this.busy(entityId);
	}

	/** Removes one system's id from its entity (the entity stays, with its other ids). */
	async unlink(system: string, id: string): Promise<XrefEntity | undefined> {
		const entity = await this.lookup(system, id);
		if (!entity) return undefined;
		const result = await this.update(entity.id, { remove: [system.trim()] });
		return result.entity;
	}

	/** Entities by id order; `next` continues the listing. */
	async list(options: ListOptions = {}): Promise<{ items: XrefEntity[]; next?: string }> {
		const limit = options.limit ?? 100;
		const want = (options.withSystems ?? []).map((s) => checkSystem(s));
		const without = (options.withoutSystems ?? []).map((s) => checkSystem(s));
		const items: XrefEntity[] = [];
		let after = options.after;
		for (;;) {
			const page = await this.store.list<XrefEntity>(this.ns, { prefix: 'e:', after, limit: Math.min(1000, Math.max(limit, 100)) });
			for (const entry of page.items) {
				const { ids } = entry.value;
				if (want.every((s) => ids[s] !== undefined) && without.every((s) => ids[s] === undefined)) items.push(entry.value);
				if (items.length === limit) return { items, next: entry.key };
			}
			if (!page.next) return { items };
			after = page.next;
		}
	}

	private async getMany<T>(keys: string[]): Promise<Map<string, VersionedValue<T>>> {
		const out = new Map<string, VersionedValue<T>>();
		for (let i = 0; i < keys.length; i += 10_000) {
			for (const [key, value] of await this.store.getMany<T>(this.ns, keys.slice(i, i + 10_000))) out.set(key, value);
		}
		return out;
	}

	/**
	 * The write protocol shared by upsert and update: find the target entity, claim the new index
	 * entries, write the entity by CAS, then drop the index entries of replaced ids.
	 */
	private async write(
		ids: Ids,
		explicit: string | undefined,
		apply: (existing: XrefEntity | undefined) => { ids: Ids; label?: string; replaced: Array<[string, string]> },
	): Promise<WriteResult> {
		const claims: Claim[] = [];
		try {
			for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
				const pairs = Object.entries(ids);
				const index = await this.getMany<IndexEntry>(pairs.map(([system, id]) => indexKey(system, id)));
				const candidates = new Set([...index.values()].map((entry) => entry.value.entity));
				if (explicit) candidates.add(explicit);
				const docs = await this.getMany<XrefEntity>([...candidates].map(entityKey));
				const now = this.clock();

				// Who holds each id now: confirmed (the entity lists it) or being linked (young claim).
				const holders = new Map<string, string>();
				const free = new Map<string, number | null>();
				for (const [system, id] of pairs) {
					const key = indexKey(system, id);
					const entry = index.get(key);
					if (!entry) {
						free.set(key, null);
						continue;
					}
					const confirmed = docs.get(entityKey(entry.value.entity))?.value.ids[system] === id;
					const young = now.getTime() - Date.parse(entry.value.at) < STALE_MS;
					if (confirmed || young) holders.set(`${system}\u0000${id}`, entry.value.entity);
					else free.set(key, entry.version);
				}
				const owners = new Set(holders.values());
				const target = explicit ?? (owners.size === 1 ? [...owners][0] : owners.size === 0 ? randomUUID() : undefined);
				const foreign = [...holders].filter(([, entity]) => entity !== target);
				if (target === undefined || foreign.length > 0) throw await this.conflict(ids, foreign, target, docs);

				const current = docs.get(entityKey(target));
				const next = apply(current?.value);

				// Claim the ids nobody holds. Losing a claim means another run linked the id meanwhile: give
				// back this attempt's claims and decide again with what the store holds now.
				const before = claims.length;
				let lostClaim = false;
				for (const [key, version] of free) {
					const cas = await this.store.compareAndSet(this.ns, key, version, { entity: target, at: now.toISOString() } satisfies IndexEntry);
					if (!cas.ok) {
						lostClaim = true;
						break;
					}
					claims.push({ key, version: cas.version });
				}
				if (lostClaim) {
					await this.release(claims.splice(before));
					await backoff(attempt);
					continue;
				}

				const changed = !current || !sameIds(current.value.ids, next.ids) || current.value.label !== next.label;
				if (!changed) return { entity: current.value, created: false, changed: false };
				const stamp = now.toISOString();
				const entity: XrefEntity = {
					id: target,
					ids: next.ids,
					...(next.label !== undefined ? { label: next.label } : {}),
					createdAt: current?.value.createdAt ?? stamp,
					updatedAt: stamp,
				};
				const cas = await this.store.compareAndSet(this.ns, entityKey(target), current?.version ?? null, entity);
				if (!cas.ok) {
					await backoff(attempt);
					continue;
				}
				claims.length = 0;
				await this.dropIndex(target, next.replaced);
				return { entity, created: !current, changed: true };
			}
			throw this.busy(explicit ?? idsText(ids));
		} catch (error) {
			await this.release(claims);
			// The node turns engine errors into node errors (actions/common.ts toNodeError).
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw error;
		}
	}

	/** Removes index entries that still point at `entity` for ids it no longer has. */
	private async dropIndex(entity: string, pairs: Array<[string, string]>): Promise<void> {
		if (pairs.length === 0) return;
		const index = await this.getMany<IndexEntry>(pairs.map(([system, id]) => indexKey(system, id)));
		for (const [key, entry] of index) {
			if (entry.value.entity === entity) await this.store.delete(this.ns, key, { expectedVersion: entry.version });
		}
	}

	/** Gives back claims of a write that failed, unless an entity has adopted them meanwhile. */
	private async release(claims: Claim[]): Promise<void> {
		for (const claim of claims) {
			try {
				const entry = await this.store.get<IndexEntry>(this.ns, claim.key);
				if (!entry || entry.version !== claim.version) continue;
				const owner = await this.get(entry.value.entity);
				const [, system, id] = claim.key.split(':').map(decodeURIComponent);
				if (owner?.ids[system] === id) continue;
				await this.store.delete(this.ns, claim.key, { expectedVersion: claim.version });
			} catch {
				// Left behind, it is ignored by lookups and taken over after STALE_MS.
			}
		}
	}

	private async conflict(
		ids: Ids,
		foreign: Array<[string, string]>,
		target: string | undefined,
		docs: Map<string, VersionedValue<XrefEntity>>,
	): Promise<CrossReferenceConflictError> {
		const [pair, entity] = foreign[0];
		const [system, id] = pair.split('\u0000');
		const theirs = docs.get(entityKey(entity))?.value ?? (await this.get(entity));
		if (target === undefined) {
			const [pair2, entity2] = foreign.find(([, e]) => e !== entity)!;
			const [system2, id2] = pair2.split('\u0000');
			const other = docs.get(entityKey(entity2))?.value ?? (await this.get(entity2));
			return new CrossReferenceConflictError(
				`The ids belong to two different entities of table "${this.table}": ${pairText(system, id)} to entity ${entity} (${idsText(theirs?.ids ?? {})}) and ${pairText(system2, id2)} to entity ${entity2} (${idsText(other?.ids ?? {})})`,
				'Merge them by hand: Delete one entity (or unlink the id) and upsert again, or give the Entity ID to link to.',
			);
		}
		return this.conflictError(system, id, entity, theirs, ids, target, docs.has(entityKey(target)));
	}

	private conflictError(system: string, id: string, holder: string, theirs: XrefEntity | undefined, ids: Ids, target: string, targetExists: boolean): CrossReferenceConflictError {
		const ours = targetExists ? `entity ${target}` : `a new entity (${idsText(ids)})`;
		const held = theirs ? `entity ${holder} (${idsText(theirs.ids)})` : `entity ${holder}, which another run is linking right now`;
		return new CrossReferenceConflictError(
			`${pairText(system, id)} already belongs to ${held} in table "${this.table}"; it cannot also be linked to ${ours}`,
			'One id belongs to one entity. Unlink it from the other entity first (Delete → One System ID), or upsert with that entity’s ids.',
		);
	}

	private busy(what: string): RecordMapperError {
		return new RecordMapperError(`Cross-reference ${what} in table "${this.table}" changed ${MAX_ATTEMPTS} times while being written`, 'transient', 'Retry; other runs are writing the same entity.');
	}
}

/** A short jittered pause after losing a compare-and-set, so two writers do not collide again at once. */
const backoff = async (attempt: number) => await sleep(Math.random() * Math.min(50, 2 * (attempt + 1)));

function sameIds(a: Ids, b: Ids): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
