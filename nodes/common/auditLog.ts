/**
 * A tamper-evident audit log: append-only entries, each carrying the SHA-256 of its predecessor, so an
 * edited, deleted or reordered entry breaks the chain at a place Verify can name.
 *
 * Entries are state-store keys `e:<index>` written with compare-and-set on an absent key: two writers
 * racing for the same index cannot both win, so the chain never forks, and an entry either exists whole
 * or not at all (no crash window between "reserve" and "write"). A head key records the highest index
 * written; it may lag behind (it is updated after the entry) but is never ahead, so a head above the last
 * entry means entries were removed from the end.
 */
import { createHash } from 'node:crypto';

import { canonicalJson } from './canonicalJson';
import type { JsonValue, StateStore } from './state/types';

export { canonicalJson };

const NS = (log: string) => `audit:${log}`;
const ENTRY = (index: number) => `e:${String(index).padStart(12, '0')}`;
// Escaped so that a `/` inside a type or id cannot make one entity's prefix match another's.
const ENTITY_PREFIX = (type: string, id: string) => `x:${encodeURIComponent(type)}/${encodeURIComponent(id)}/`;
const ENTITY_INDEX = (type: string, id: string, index: number) => `${ENTITY_PREFIX(type, id)}${String(index).padStart(12, '0')}`;
const HEAD = 'head';
const GENESIS = '0'.repeat(64);

export interface AuditInput {
	actor: string;
	action: string;
	entityType: string;
	entityId: string;
	/** The record before and after the change; only their digests are kept unless `keepData`. */
	before?: JsonValue;
	after?: JsonValue;
	decision?: string;
	reason?: string;
	workflowId?: string;
	workflowName?: string;
	executionId?: string;
	/** Extra context kept as is. */
	details?: JsonValue;
	keepData?: boolean;
}

export interface AuditEntry {
	index: number;
	at: string;
	actor: string;
	action: string;
	entityType: string;
	entityId: string;
	beforeDigest: string | null;
	afterDigest: string | null;
	before?: JsonValue;
	after?: JsonValue;
	decision: string | null;
	reason: string | null;
	workflowId: string | null;
	workflowName: string | null;
	executionId: string | null;
	details?: JsonValue;
	prevHash: string;
	hash: string;
}

export interface VerifyProblem {
	index: number;
	kind: 'edited' | 'deleted' | 'reordered' | 'broken-link';
	message: string;
}

export interface VerifyResult {
	valid: boolean;
	entries: number;
	lastHash: string;
	problems: VerifyProblem[];
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function digestOf(value: JsonValue | undefined): string | null {
	return value === undefined ? null : sha256(canonicalJson(value));
}

/** The hash of an entry: everything but the hash itself, canonically serialised. */
export function entryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
	return sha256(canonicalJson({ ...entry, hash: undefined }));
}

export class AuditLog {
	constructor(
		private readonly store: StateStore,
		readonly name: string,
		private readonly now: () => Date = () => new Date(),
	) {}

	/** Appends one entry at the end of the chain; retries when another writer took the index first. */
	async append(input: AuditInput): Promise<AuditEntry> {
		for (let attempt = 0; attempt < 100; attempt++) {
			const last = await this.last();
			const index = (last?.index ?? 0) + 1;
			const body: Omit<AuditEntry, 'hash'> = {
				index,
				at: this.now().toISOString(),
				actor: input.actor,
				action: input.action,
				entityType: input.entityType,
				entityId: input.entityId,
				beforeDigest: digestOf(input.before),
				afterDigest: digestOf(input.after),
				...(input.keepData && input.before !== undefined ? { before: input.before } : {}),
				...(input.keepData && input.after !== undefined ? { after: input.after } : {}),
				decision: input.decision ?? null,
				reason: input.reason ?? null,
				workflowId: input.workflowId ?? null,
				workflowName: input.workflowName ?? null,
				executionId: input.executionId ?? null,
				...(input.details !== undefined ? { details: input.details } : {}),
				prevHash: last?.hash ?? GENESIS,
			};
			const entry: AuditEntry = { ...body, hash: entryHash(body) };
			const written = await this.store.compareAndSet(NS(this.name), ENTRY(index), null, entry);
			if (!written.ok) continue;
			// Both are hints for reading; the chain itself is the entries.
			await this.store.put(NS(this.name), ENTITY_INDEX(entry.entityType, entry.entityId, index), index);
			await this.advanceHead(index, entry.hash);
			return entry;
		}
		throw new Error(`Audit log "${this.name}": too many concurrent writers; the entry was not written`);
	}

	private async advanceHead(index: number, hash: string): Promise<void> {
		for (;;) {
			const head = await this.store.get<{ index: number; hash: string }>(NS(this.name), HEAD);
			if (head && head.value.index >= index) return;
			const result = await this.store.compareAndSet(NS(this.name), HEAD, head ? head.version : null, { index, hash });
			if (result.ok) return;
		}
	}

	/** The newest entry: from the head hint, then forward while later entries exist. */
	private async last(): Promise<AuditEntry | undefined> {
		const head = await this.store.get<{ index: number }>(NS(this.name), HEAD);
		let index = head?.value.index ?? 0;
		let entry = index > 0 ? await this.entry(index) : undefined;
		for (;;) {
			const next = await this.entry(index + 1);
			if (!next) return entry;
			entry = next;
			index++;
		}
	}

	async entry(index: number): Promise<AuditEntry | undefined> {
		return (await this.store.get<AuditEntry>(NS(this.name), ENTRY(index)))?.value;
	}

	/** Every entry in key order, a page at a time. */
	async *entries(): AsyncGenerator<AuditEntry> {
		let after: string | undefined;
		for (;;) {
			const page = await this.store.list<AuditEntry>(NS(this.name), { prefix: 'e:', after, limit: 1000 });
			for (const item of page.items) yield item.value;
			if (!page.next) return;
			after = page.next;
		}
	}

	/** The entries about one record, oldest first. */
	async byEntity(entityType: string, entityId: string, limit = Number.POSITIVE_INFINITY): Promise<AuditEntry[]> {
		const out: AuditEntry[] = [];
		let after: string | undefined;
		const prefix = ENTITY_PREFIX(entityType, entityId);
		for (;;) {
			const page = await this.store.list<number>(NS(this.name), { prefix, after, limit: 1000 });
			for (const item of page.items) {
				const entry = await this.entry(item.value);
				// An index key whose entry no longer matches is shown by Verify, not here.
				if (entry && entry.entityType === entityType && entry.entityId === entityId) out.push(entry);
				if (out.length >= limit) return out;
			}
			if (!page.next) return out;
			after = page.next;
		}
	}

	/** Walks the whole chain and names every entry that was edited, removed or moved. */
	async verify(): Promise<VerifyResult> {
		const problems: VerifyProblem[] = [];
		let expected = 1;
		let prevHash = GENESIS;
		let count = 0;
		for await (const entry of this.entries()) {
			count++;
			const recomputed = entryHash(entry);
			if (entry.index !== expected) {
				if (entry.index > expected) {
					problems.push({
						index: expected,
						kind: 'deleted',
						message: `Entry ${expected}${entry.index - expected > 1 ? `-${entry.index - 1}` : ''} is missing: entry ${entry.index} follows entry ${expected - 1}`,
					});
				} else {
					problems.push({ index: entry.index, kind: 'reordered', message: `Entry ${entry.index} appears after entry ${expected - 1}` });
				}
			}
			if (recomputed !== entry.hash) {
				problems.push({ index: entry.index, kind: 'edited', message: `Entry ${entry.index} was changed after it was written (its hash does not match its content)` });
			} else if (entry.prevHash !== prevHash && entry.index === expected) {
				// Content intact but linked to a different predecessor: entries were swapped or replaced.
				problems.push({
					index: entry.index,
					kind: 'broken-link',
					message: `Entry ${entry.index} does not follow entry ${entry.index - 1} as written (the chain was reordered or an entry replaced)`,
				});
			}
			prevHash = entry.hash;
			expected = entry.index + 1;
		}
		const head = await this.store.get<{ index: number }>(NS(this.name), HEAD);
		if (head && head.value.index >= expected) {
			problems.push({
				index: expected,
				kind: 'deleted',
				message: `Entries ${expected}-${head.value.index} are missing from the end of the log (${head.value.index} were written)`,
			});
		}
		return { valid: problems.length === 0, entries: count, lastHash: prevHash, problems };
	}
}
