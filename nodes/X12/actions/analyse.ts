import type { ChunkSource, ControlNumberRef, Delimiters, EnvelopeReport, Segment, X12Event } from '../core';
import { EnvelopeValidator, tokenizeX12Batches } from '../core';
import type { StateStore } from '../../common/state';

/** The segments of one transaction set (ST..SE, or up to where it was cut off) and where it sits. */
export interface CollectedSet {
	segments: Segment[];
	delimiters: Delimiters;
	/** The ISA and GS segments around it (GS absent for an ST outside a group). */
	isa: Segment;
	gs?: Segment;
}

/** Collects each set's segments in file order: the k-th set matches the validator's k-th set report. */
class SetCollector {
	readonly sets: CollectedSet[] = [];
	private delimiters?: Delimiters;
	private isa?: Segment;
	private gs?: Segment;
	private current?: CollectedSet;

	onEvent(event: X12Event): void {
		if (event.kind === 'interchange') {
			this.delimiters = event.delimiters;
			this.current = undefined;
			this.gs = undefined;
			return;
		}
		if (event.kind !== 'segment') return;
		const { segment } = event;
		switch (segment.id) {
			case 'ISA':
				this.isa = segment;
				return;
			case 'GS':
				this.gs = segment;
				this.current = undefined;
				return;
			case 'GE':
				this.gs = undefined;
				this.current = undefined;
				return;
			case 'IEA':
				this.current = undefined;
				return;
			case 'ST':
				if (!this.isa || !this.delimiters) return;
				this.current = { segments: [segment], delimiters: this.delimiters, isa: this.isa, gs: this.gs };
				this.sets.push(this.current);
				return;
			case 'SE':
				this.current?.segments.push(segment);
				this.current = undefined;
				return;
			default:
				this.current?.segments.push(segment);
		}
	}
}

export interface Analysis {
	report: EnvelopeReport;
	/** With `collectSets`: every set's segments, in the order of `report.transactionSets`. */
	sets: CollectedSet[];
	/** Control numbers in the file, for recording them as received. */
	refs: ControlNumberRef[];
}

async function run(source: ChunkSource, collectSets: boolean, seen: (ref: ControlNumberRef) => boolean, refs: ControlNumberRef[]): Promise<Analysis> {
	const validator = new EnvelopeValidator({
		seenControlNumbers: (ref) => {
			refs.push(ref);
			return seen(ref);
		},
	});
	const collector = collectSets ? new SetCollector() : undefined;
	for await (const batch of tokenizeX12Batches(source)) {
		for (const event of batch) {
			validator.onEvent(event);
			collector?.onEvent(event);
		}
	}
	return { report: validator.finish(), sets: collector?.sets ?? [], refs };
}

/** Namespace of received control numbers in the state store. */
export const RECEIVED_NAMESPACE = 'x12:received';

/** One key per received ISA13 (per sender/receiver) or GS06 (per functional id and GS02/GS03). */
export function receivedKey(ref: ControlNumberRef): string {
	const parties = `${ref.senderQualifier}:${ref.sender}>${ref.receiverQualifier}:${ref.receiver}`;
	return ref.kind === 'ISA13' ? `ISA13|${parties}|${ref.controlNumber}` : `GS06|${ref.functionalId ?? ''}|${parties}|${ref.controlNumber}`;
}

/**
 * Tokenizes and validates the input in one streaming pass. With a store, control numbers are also
 * checked against those received before: the first pass collects them, and only when one was seen
 * is the input read a second time with that history (the validator's check is synchronous).
 */
export async function analyse(open: () => Promise<ChunkSource>, options: { collectSets: boolean; store?: StateStore }): Promise<Analysis> {
	const first = await run(await open(), options.collectSets, () => false, []);
	const { store } = options;
	if (!store || first.refs.length === 0) return first;
	const keys = [...new Set(first.refs.map(receivedKey))];
	const found = await store.getMany(RECEIVED_NAMESPACE, keys);
	if (found.size === 0) return first;
	return await run(await open(), options.collectSets, (ref) => found.has(receivedKey(ref)), []);
}

/** The received-keys of the refs whose envelope (interchange, or group and its interchange) was accepted. */
export function acceptedKeys(report: EnvelopeReport, refs: ControlNumberRef[]): Set<string> {
	const accepted = new Set<string>();
	for (const ic of report.interchanges) {
		if (!ic.accepted) continue;
		accepted.add(`ISA13|${ic.senderQualifier}|${ic.sender}|${ic.controlNumber}`);
		for (const group of report.groups) {
			if (group.interchange === ic.interchange && group.accepted) {
				accepted.add(`GS06|${ic.senderQualifier}|${ic.sender}|${ic.controlNumber}|${group.controlNumber}`);
			}
		}
	}
	// refs come in file order: each GS06 ref follows the ISA13 ref of its interchange.
	const keys = new Set<string>();
	let isa: ControlNumberRef | undefined;
	for (const ref of refs) {
		if (ref.kind === 'ISA13') isa = ref;
		const id =
			ref.kind === 'ISA13'
				? `ISA13|${ref.senderQualifier}|${ref.sender}|${ref.controlNumber}`
				: `GS06|${isa?.senderQualifier}|${isa?.sender}|${isa?.controlNumber}|${ref.controlNumber}`;
		if (accepted.has(id)) keys.add(receivedKey(ref));
	}
	return keys;
}

/**
 * Records the control numbers of accepted interchanges and groups as received, so a resend of the
 * same file is reported as a duplicate. Rejected envelopes are not recorded: a corrected resend may
 * legitimately reuse their numbers.
 */
export async function recordReceived(store: StateStore, analysis: Analysis, at: string): Promise<number> {
	const keys = [...acceptedKeys(analysis.report, analysis.refs)];
	if (keys.length > 0) await store.putMany(RECEIVED_NAMESPACE, keys.map((key) => ({ key, value: { receivedAt: at } })));
	return keys.length;
}

export interface ReceivedClaims {
	/** True for control numbers received before (or claimed right now by another execution). */
	seen(ref: ControlNumberRef): boolean;
	/** Keeps the claims of accepted envelopes and gives the others back (all of them without a report). */
	settle(report: EnvelopeReport | undefined, refs: ControlNumberRef[]): Promise<void>;
}

/**
 * Claims the file's control numbers in the state store before acknowledging it, one compare-and-set
 * each: of two executions receiving the same interchange at once only one sees it as new, so it is
 * accepted once. Claims of envelopes that end up rejected are released by `settle`.
 */
export async function claimReceived(open: () => Promise<ChunkSource>, store: StateStore, at: string): Promise<ReceivedClaims> {
	const { refs } = await run(await open(), false, () => false, []);
	const claimed = new Map<string, number>();
	const taken = new Set<string>();
	for (const key of new Set(refs.map(receivedKey))) {
		const result = await store.compareAndSet(RECEIVED_NAMESPACE, key, null, { receivedAt: at });
		if (result.ok) claimed.set(key, result.version);
		else taken.add(key);
	}
	return {
		seen: (ref) => taken.has(receivedKey(ref)),
		settle: async (report, fileRefs) => {
			const keep = report ? acceptedKeys(report, fileRefs) : new Set<string>();
			for (const [key, version] of claimed) {
				if (!keep.has(key)) await store.delete(RECEIVED_NAMESPACE, key, { expectedVersion: version });
			}
		},
	};
}

/**
 * The received-before check as the synchronous callback the validator takes: one pass collects the
 * file's ISA13/GS06 numbers, one store read looks them all up.
 */
export async function receivedHistory(open: () => Promise<ChunkSource>, store: StateStore): Promise<(ref: ControlNumberRef) => boolean> {
	const { refs } = await run(await open(), false, () => false, []);
	if (refs.length === 0) return () => false;
	const found = await store.getMany(RECEIVED_NAMESPACE, [...new Set(refs.map(receivedKey))]);
	return (ref) => found.has(receivedKey(ref));
}
