export type CwRecord = Record<string, unknown> & { id: number; _info: Record<string, unknown> };

/** In-memory collections keyed by id; iteration is in ascending id order as on the server. */
export class CwStore {
	private readonly data = new Map<string, Map<number, CwRecord>>();
	private readonly nextIds = new Map<string, number>();

	clear(): void {
		this.data.clear();
		this.nextIds.clear();
	}

	has(collection: string): boolean {
		return this.data.has(collection);
	}

	ensure(collection: string): void {
		if (!this.data.has(collection)) this.data.set(collection, new Map());
	}

	all(collection: string): CwRecord[] {
		const map = this.data.get(collection);
		if (!map) return [];
		return [...map.values()].sort((a, b) => a.id - b.id);
	}

	get(collection: string, id: number): CwRecord | undefined {
		return this.data.get(collection)?.get(id);
	}

	/** Stores a record; without an id it gets the next free one (ids only grow, so deletes leave gaps). */
	put(collection: string, record: Omit<CwRecord, 'id'> & { id?: number }): CwRecord {
		this.ensure(collection);
		const id = record.id ?? this.nextIds.get(collection) ?? 1;
		const stored = { id, ...record } as CwRecord;
		this.data.get(collection)?.set(id, stored);
		this.nextIds.set(collection, Math.max(this.nextIds.get(collection) ?? 1, id + 1));
		return stored;
	}

	remove(collection: string, id: number): boolean {
		return this.data.get(collection)?.delete(id) ?? false;
	}

	collections(): string[] {
		return [...this.data.keys()];
	}
}
