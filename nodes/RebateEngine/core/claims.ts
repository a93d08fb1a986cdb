/**
 * The claim ledger: which accrual each sales line has earned from, per program, kept in the state store
 * so that every run, process and worker sees it.
 *
 * Namespace `rebate:<ledger>`:
 * - `l:<line id>` → `{ claims: { <program>: { accrual, key, stackable } } }`;
 * - `a:<accrual id>` → `{ key, program, lines: [...] }`, the lines an accrual claimed (for Release Claims);
 * - `lock` → taken with compare-and-set (absent → owner, with a lease) by a run that records claims, so
 *   two workers never judge and write the same lines at once: the second one waits, then sees the first
 *   one's claims. Under the lock, claims are written in atomic batches (putMany), one round trip per
 *   10,000 lines instead of one per line.
 *
 * The rule: a line may earn once per program. A claim for the SAME accrual id (same partner, program and
 * period: a re-run or a retry) is accepted again without change; a claim by another accrual of the same
 * program (another period or partner), or by a program that does not stack with a program that already
 * claimed the line (either one not stackable), is a conflict: the line is left out and DUPLICATE_CLAIM is
 * raised. Preview judges against the recorded claims the same way, without the lock, and writes nothing.
 */

import { withLease } from '../../common/state/lease';
import type { StateStore } from '../../common/state/types';
export interface ClaimRequest {
	line: string;
	program: string;
	accrualId: string;
	accrualKey: string;
	stackable: boolean;
}

export interface ExistingClaim {
	accrual: string;
	key: string;
	stackable: boolean;
}

export interface ClaimConflict {
	/** The program whose claim blocks this one. */
	program: string;
	accrualId: string;
	accrualKey: string;
	reason: 'same_program' | 'not_stackable';
}

interface LineClaims {
	claims: Record<string, ExistingClaim>;
}

interface AccrualIndex {
	key: string;
	program: string;
	lines: string[];
}

export const claimKey = (line: string, program: string) => `${line}\u0000${program}`;

const CHUNK = 10_000;
/** Longer than a run takes to judge and write its claims; a crashed run's lock lapses after it. */
const LOCK_LEASE_MS = 5 * 60_000;

/** The conflict (if any) of one request with a line's recorded claims. */
export function conflictOf(request: ClaimRequest, claims: Record<string, ExistingClaim>): ClaimConflict | undefined {
	const same = claims[request.program];
	if (same) {
		return same.accrual === request.accrualId ? undefined : { program: request.program, accrualId: same.accrual, accrualKey: same.key, reason: 'same_program' };
	}
	for (const [program, claim] of Object.entries(claims)) {
		if (!request.stackable || !claim.stackable) return { program, accrualId: claim.accrual, accrualKey: claim.key, reason: 'not_stackable' };
	}
	return undefined;
}

export class ClaimLedger {
	readonly ns: string;

	constructor(
		private readonly store: StateStore,
		readonly ledger = 'default',
		private readonly lockWaitMs = LOCK_LEASE_MS,
	) {
		this.ns = `rebate:${ledger}`;
	}

	private async readLines(lines: string[]): Promise<Map<string, Record<string, ExistingClaim>>> {
		const out = new Map<string, Record<string, ExistingClaim>>();
		for (let i = 0; i < lines.length; i += CHUNK) {
			const chunk = lines.slice(i, i + CHUNK);
			const found = await this.store.getMany<LineClaims>(
				this.ns,
				chunk.map((line) => `l:${line}`),
			);
			for (const line of chunk) out.set(line, found.get(`l:${line}`)?.value.claims ?? {});
		}
		return out;
	}

	private async putAll(entries: Array<{ key: string; value: unknown }>): Promise<void> {
		for (let i = 0; i < entries.length; i += CHUNK) await this.store.putMany(this.ns, entries.slice(i, i + CHUNK));
	}

	/** Runs `fn` holding the ledger's lock, a lease in the store. */
	private async withLock<T>(fn: () => Promise<T>): Promise<T> {
		const busyMessage = `Claim ledger "${this.ledger}" is locked by another run for too long; try again later`;
		return await withLease(this.store, this.ns, 'lock', { ttlMs: LOCK_LEASE_MS, waitMs: this.lockWaitMs, busyMessage }, fn);
	}

	/**
	 * Checks every request against the ledger and, when `record`, writes the accepted ones. Returns the
	 * conflicts by `claimKey(line, program)`; requests not in the map are accepted.
	 */
	async resolve(requests: ClaimRequest[], record: boolean): Promise<Map<string, ClaimConflict>> {
		const byLine = new Map<string, ClaimRequest[]>();
		for (const request of requests) {
			const list = byLine.get(request.line);
			if (list) list.push(request);
			else byLine.set(request.line, [request]);
		}
		const judge = async () => {
			const current = await this.readLines([...byLine.keys()]);
			const conflicts = new Map<string, ClaimConflict>();
			const writes: Array<{ key: string; value: LineClaims }> = [];
			const accepted: ClaimRequest[] = [];
			for (const [line, lineRequests] of byLine) {
				const claims = current.get(line)!;
				const next = { ...claims };
				let changed = false;
				for (const request of lineRequests) {
					const conflict = conflictOf(request, claims);
					if (conflict) {
						conflicts.set(claimKey(line, request.program), conflict);
						continue;
					}
					accepted.push(request);
					if (!next[request.program]) {
						next[request.program] = { accrual: request.accrualId, key: request.accrualKey, stackable: request.stackable };
						changed = true;
					}
				}
				if (changed) writes.push({ key: `l:${line}`, value: { claims: next } });
			}
			return { conflicts, writes, accepted };
		};
		if (!record) return (await judge()).conflicts;
		return await this.withLock(async () => {
			const { conflicts, writes, accepted } = await judge();
			await this.putAll(writes);
			await this.index(accepted);
			return conflicts;
		});
	}

	/** Adds accepted lines to their accrual's index (under the lock). */
	private async index(accepted: ClaimRequest[]): Promise<void> {
		const byAccrual = new Map<string, { request: ClaimRequest; lines: string[] }>();
		for (const request of accepted) {
			const entry = byAccrual.get(request.accrualId) ?? { request, lines: [] };
			entry.lines.push(request.line);
			byAccrual.set(request.accrualId, entry);
		}
		const ids = [...byAccrual.keys()];
		const existing = new Map<string, AccrualIndex>();
		for (let i = 0; i < ids.length; i += CHUNK) {
			const found = await this.store.getMany<AccrualIndex>(
				this.ns,
				ids.slice(i, i + CHUNK).map((id) => `a:${id}`),
			);
			found.forEach((entry, key) => existing.set(key.slice(2), entry.value));
		}
		const writes: Array<{ key: string; value: AccrualIndex }> = [];
		for (const [id, { request, lines }] of byAccrual) {
			const known = new Set(existing.get(id)?.lines ?? []);
			const added = lines.filter((line) => !known.has(line));
			if (added.length > 0) writes.push({ key: `a:${id}`, value: { key: request.accrualKey, program: request.program, lines: [...known, ...added] } });
		}
		await this.putAll(writes);
	}

	/** The recorded claims of a line, by program. */
	async claimsOf(line: string): Promise<Record<string, ExistingClaim>> {
		return (await this.store.get<LineClaims>(this.ns, `l:${line}`))?.value.claims ?? {};
	}

	/**
	 * Removes the claims an accrual made (e.g. the accrual was reversed and its lines must be
	 * recalculated elsewhere). Returns the lines released; an unknown accrual releases nothing.
	 */
	async release(accrualId: string): Promise<{ key?: string; lines: string[] }> {
		return await this.withLock(async () => {
			const index = await this.store.get<AccrualIndex>(this.ns, `a:${accrualId}`);
			if (!index) return { lines: [] };
			const { program, key } = index.value;
			const current = await this.readLines(index.value.lines);
			const released: string[] = [];
			const writes: Array<{ key: string; value: LineClaims }> = [];
			for (const [line, claims] of current) {
				if (claims[program]?.accrual !== accrualId) continue;
				const rest = { ...claims };
				delete rest[program];
				released.push(line);
				if (Object.keys(rest).length > 0) writes.push({ key: `l:${line}`, value: { claims: rest } });
				else await this.store.delete(this.ns, `l:${line}`);
			}
			await this.putAll(writes);
			await this.store.delete(this.ns, `a:${accrualId}`);
			return { key, lines: released };
		});
	}
}
