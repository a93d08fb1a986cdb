import type { NsRecord } from './types';

/** In-memory records per type; ids are numeric strings, unique across the account like internal ids. */
export class NsStore {
	private readonly tables = new Map<string, Map<string, NsRecord>>();
	private nextId = 1;

	clear(): void {
		this.tables.clear();
		this.nextId = 1;
	}

	newId(): string {
		return String(this.nextId++);
	}

	bumpId(id: string): void {
		const n = Number(id);
		if (Number.isInteger(n) && n >= this.nextId) this.nextId = n + 1;
	}

	table(type: string): Map<string, NsRecord> {
		let table = this.tables.get(type);
		if (!table) {
			table = new Map();
			this.tables.set(type, table);
		}
		return table;
	}

	all(type: string): NsRecord[] {
		return [...this.table(type).values()].sort((a, b) => Number(a.id) - Number(b.id));
	}

	get(type: string, id: string): NsRecord | undefined {
		return this.table(type).get(id);
	}

	byExternalId(type: string, externalId: string): NsRecord | undefined {
		for (const record of this.table(type).values()) if (record.externalId === externalId) return record;
		return undefined;
	}

	put(type: string, record: NsRecord): void {
		this.bumpId(record.id);
		this.table(type).set(record.id, record);
	}

	delete(type: string, id: string): boolean {
		return this.table(type).delete(id);
	}

	types(): string[] {
		return [...this.tables.keys()];
	}
}
