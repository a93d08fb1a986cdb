export type AtRecord = Record<string, unknown> & { id: number };

/** Records per entity, kept sorted by id (the order Autotask queries page in). */
export class AtStore {
	private readonly data = new Map<string, Map<number, AtRecord>>();
	private nextIds = new Map<string, number>();

	clear(): void {
		this.data.clear();
		this.nextIds.clear();
	}

	private table(entity: string): Map<number, AtRecord> {
		let t = this.data.get(entity);
		if (!t) {
			t = new Map();
			this.data.set(entity, t);
		}
		return t;
	}

	/** The next id of an entity; Autotask ids are large, per-database sequences. */
	nextId(entity: string, start: number): number {
		const id = this.nextIds.get(entity) ?? start;
		this.nextIds.set(entity, id + 1);
		return id;
	}

	insert(entity: string, record: AtRecord): AtRecord {
		this.table(entity).set(record.id, record);
		const next = this.nextIds.get(entity);
		if (next === undefined || next <= record.id) this.nextIds.set(entity, record.id + 1);
		return record;
	}

	get(entity: string, id: number): AtRecord | undefined {
		return this.table(entity).get(id);
	}

	delete(entity: string, id: number): boolean {
		return this.table(entity).delete(id);
	}

	all(entity: string): AtRecord[] {
		return [...this.table(entity).values()].sort((a, b) => a.id - b.id);
	}
}
