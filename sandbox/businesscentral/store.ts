import type { Row } from './odata';

/** A stored entity: its properties plus the version behind its ETag and, for child rows, the parent id. */
export type StoredRow = Row & { id: string; _v: number; _parent?: string };

/** In-memory tables per company, in insertion order (Business Central returns rows in primary-key order). */
export class BcStore {
	companies: Row[] = [];
	private readonly tables = new Map<string, Map<string, StoredRow>>();
	private readonly counters = new Map<string, number>();

	clear(): void {
		this.companies = [];
		this.tables.clear();
		this.counters.clear();
	}

	company(id: string): Row | undefined {
		return this.companies.find((c) => String(c.id).toLowerCase() === id.toLowerCase());
	}

	private table(companyId: string, set: string): Map<string, StoredRow> {
		const key = `${companyId.toLowerCase()}|${set}`;
		let table = this.tables.get(key);
		if (!table) {
			table = new Map();
			this.tables.set(key, table);
		}
		return table;
	}

	all(companyId: string, set: string, parentId?: string): StoredRow[] {
		const rows = [...this.table(companyId, set).values()];
		return parentId === undefined ? rows : rows.filter((r) => r._parent === parentId.toLowerCase());
	}

	get(companyId: string, set: string, id: string): StoredRow | undefined {
		return this.table(companyId, set).get(id.toLowerCase());
	}

	put(companyId: string, set: string, row: StoredRow): StoredRow {
		row.id = row.id.toLowerCase();
		this.table(companyId, set).set(row.id, row);
		return row;
	}

	remove(companyId: string, set: string, id: string): boolean {
		return this.table(companyId, set).delete(id.toLowerCase());
	}

	/** Next number of a series (`S-ORD` → S-ORD101001, S-ORD101002, ...), per company. */
	nextNumber(companyId: string, prefix: string, start = 101001): string {
		const key = `${companyId.toLowerCase()}|${prefix}`;
		const next = this.counters.get(key) ?? start;
		this.counters.set(key, next + 1);
		return `${prefix}${next}`;
	}

	/** Sets a series so seeded numbers and run-time numbers never collide. */
	setNumber(companyId: string, prefix: string, next: number): void {
		this.counters.set(`${companyId.toLowerCase()}|${prefix}`, next);
	}
}
