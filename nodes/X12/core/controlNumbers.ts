/**
 * X12 control numbers backed by the state store's counters, which are unique and gap-free across
 * concurrent executions and workers. Typed structurally so the core does not depend on the store.
 */
import type { ControlNumberAllocator, ControlNumberKind } from './buildInterchange';
import { wrapControlNumber } from './buildInterchange';

/** The part of the state store this needs (`StateStore` from nodes/common/state satisfies it). */
export interface CounterStore {
	increment(counter: string, by?: number): Promise<number>;
	getCounter(counter: string): Promise<number>;
	setCounter(counter: string, value: number): Promise<void>;
}

/** The counter behind one partner's interchange, group or set numbers. */
export const controlNumberCounter = (partnerKey: string, kind: ControlNumberKind) => `x12:control:${kind}:${partnerKey}`;

/**
 * An allocator on the store's counters. ISA13/GS06/ST02 wrap from 999999999 to 1 by mapping the
 * ever-growing counter modulo 999999999, not by resetting it: a reset (`setCounter`) is a separate
 * write from `increment`, so two workers crossing the limit together could hand out the same number.
 * `partnerKey` given here overrides the one the builder passes (one counter set per partner).
 */
export function stateStoreControlNumbers(store: CounterStore, partnerKey?: string): ControlNumberAllocator {
	return async (kind, key, count = 1) => {
		if (!Number.isSafeInteger(count) || count < 1) throw new Error(`Invalid control number count ${count}`);
		const last = await store.increment(controlNumberCounter(partnerKey ?? key, kind), count);
		return wrapControlNumber(last - count + 1);
	};
}

/**
 * Makes the next number handed out `lastUsed + 1`, e.g. when a partner moves to this system with
 * numbers already in use. Not for use while generation runs for that partner.
 */
export async function seedControlNumber(
	store: CounterStore,
	partnerKey: string,
	kind: ControlNumberKind,
	lastUsed: number,
): Promise<void> {
	if (!Number.isSafeInteger(lastUsed) || lastUsed < 0) throw new Error(`Invalid last control number ${lastUsed}`);
	await store.setCounter(controlNumberCounter(partnerKey, kind), lastUsed);
}
