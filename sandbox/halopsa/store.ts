import type { HaloRecord } from './entities';

/** Records per collection, kept in id order; some collections share one id sequence. */
export class HaloStore {
	private readonly data = new Map<string, Map<string | number, HaloRecord>>();
	private readonly sequences = new Map<string, number>();

	clear(): void {
		this.data.clear();
		this.sequences.clear();
	}

	all(collection: string): HaloRecord[] {
		return [...(this.data.get(collection)?.values() ?? [])];
	}

	get(collection: string, id: string | number): HaloRecord | undefined {
		return this.data.get(collection)?.get(id);
	}

	put(collection: string, record: HaloRecord): HaloRecord {
		let map = this.data.get(collection);
		if (!map) this.data.set(collection, (map = new Map()));
		map.set(record.id, record);
		return record;
	}

	delete(collection: string, id: string | number): boolean {
		return this.data.get(collection)?.delete(id) ?? false;
	}

	nextId(sequence: string): number {
		const next = (this.sequences.get(sequence) ?? 0) + 1;
		this.sequences.set(sequence, next);
		return next;
	}

	/** Moves a sequence past seeded ids. */
	reserve(sequence: string, id: number): void {
		if ((this.sequences.get(sequence) ?? 0) < id) this.sequences.set(sequence, id);
	}
}
