import { parseQuery, QuerySyntaxError } from './query';
import { OBJECT_NAMES, TRANSACTION_DEFINITIONS, usDate, usDateTime } from './seed';
import type { IaRecord, ObjectName, Seeded } from './seed';

/** An error of one function, in the gateway's terms. */
export class FunctionError extends Error {
	constructor(
		readonly errorNo: string,
		readonly description2: string,
		readonly correction = '',
		readonly description = '',
	) {
		super(description2);
	}
}

export const ERR = {
	notFound: 'BL01001973',
	duplicate: 'BL34000061',
	invalidField: 'BL03000018',
	unknownObject: 'DL02000001',
	query: 'DL02000012',
	resultId: 'DL02000025',
} as const;

const ID_FIELDS: Partial<Record<ObjectName, string>> = {
	CUSTOMER: 'CUSTOMERID',
	VENDOR: 'VENDORID',
	ITEM: 'ITEMID',
	WAREHOUSE: 'WAREHOUSEID',
};

const REQUIRED: Partial<Record<ObjectName, string[]>> = {
	CUSTOMER: ['NAME'],
	VENDOR: ['NAME'],
	ITEM: ['ITEMID', 'NAME'],
	WAREHOUSE: ['WAREHOUSEID', 'NAME'],
	SODOCUMENT: ['TRANSACTIONTYPE', 'CUSTOMERID'],
	PODOCUMENT: ['TRANSACTIONTYPE', 'VENDORID'],
	ARINVOICE: ['CUSTOMERID'],
	ARADJUSTMENT: ['CUSTOMERID'],
	ARPYMT: ['CUSTOMERID'],
	APBILL: ['VENDORID'],
};

/** Exact decimal arithmetic on strings (cents and below) without floats. */
function toUnits(value: unknown, scale = 6): bigint {
	const text = String(value ?? '0').trim() || '0';
	const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
	if (!m) throw new FunctionError(ERR.invalidField, `"${text}" is not a number`);
	const fraction = (m[3] ?? '').padEnd(scale, '0').slice(0, scale);
	const units = BigInt(`${m[2] || '0'}${fraction}`);
	return m[1] === '-' ? -units : units;
}
function fromUnits(units: bigint, scale = 6): string {
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
	let fraction = digits.slice(-scale).replace(/0+$/, '');
	if (fraction.length === 1) fraction += '0';
	const whole = digits.slice(0, -scale);
	return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : '.00'}`;
}
function multiply(a: unknown, b: unknown): string {
	return fromUnits((toUnits(a) * toUnits(b)) / 1_000_000n);
}
function sum(values: unknown[]): string {
	return fromUnits(values.reduce<bigint>((acc, v) => acc + toUnits(v), 0n));
}

function list(container: unknown, name: string): Record<string, unknown>[] {
	if (!container || typeof container !== 'object') return [];
	const value = (container as Record<string, unknown>)[name];
	if (value === undefined) return [];
	return (Array.isArray(value) ? value : [value]).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
}

interface ResultSet {
	object: string;
	rows: IaRecord[];
	offset: number;
	pageSize: number;
	fields: string;
	expiresAt: number;
}

export interface PageOut {
	object: string;
	records: IaRecord[];
	count: number;
	totalCount: number;
	numRemaining: number;
	resultId: string;
	fields: string;
}

/** Records and the generic functions (read, readByQuery/readMore, create, update, delete). */
export class IntacctEngine {
	records = {} as Record<ObjectName, IaRecord[]>;
	private nextNo = 1;
	private resultSets = new Map<string, ResultSet>();
	private resultCounter = 0;

	constructor(private readonly now: () => Date) {}

	load(seeded: Seeded): void {
		this.records = structuredClone(seeded.records);
		this.nextNo = seeded.nextRecordNo;
		this.resultSets.clear();
		this.resultCounter = 0;
	}

	snapshot(): { records: Record<ObjectName, IaRecord[]>; nextNo: number } {
		return { records: structuredClone(this.records), nextNo: this.nextNo };
	}

	restore(state: { records: Record<ObjectName, IaRecord[]>; nextNo: number }): void {
		this.records = state.records;
		this.nextNo = state.nextNo;
	}

	table(object: string): IaRecord[] {
		const name = object.toUpperCase() as ObjectName;
		if (!OBJECT_NAMES.includes(name)) {
			throw new FunctionError(ERR.unknownObject, `Object definition ${object} not found`, 'Check the object name.');
		}
		return this.records[name];
	}

	private project(record: IaRecord, fields: string): IaRecord {
		const wanted = fields.trim();
		if (!wanted || wanted === '*') return structuredClone(record);
		const out: Record<string, unknown> = {};
		for (const field of wanted.split(',').map((f) => f.trim().toUpperCase()).filter(Boolean)) {
			const key = Object.keys(record).find((k) => k.toUpperCase() === field);
			if (key === undefined) throw new FunctionError(ERR.invalidField, `Invalid field ${field} for object`, 'Use fields of the object.');
			out[key] = structuredClone(record[key]);
		}
		return out as IaRecord;
	}

	private byDocparid(rows: IaRecord[], docparid: string | undefined): IaRecord[] {
		return docparid ? rows.filter((r) => r.DOCPARID === docparid) : rows;
	}

	read(object: string, keys: string, fields: string, docparid?: string): IaRecord[] {
		const rows = this.byDocparid(this.table(object), docparid);
		const wanted = keys.split(',').map((k) => k.trim()).filter(Boolean);
		return wanted.flatMap((key) => rows.filter((r) => r.RECORDNO === key)).map((r) => this.project(r, fields));
	}

	readByQuery(object: string, query: string, fields: string, pageSize: number, docparid?: string): PageOut {
		let predicate;
		try {
			predicate = parseQuery(query);
		} catch (error) {
			throw new FunctionError(ERR.query, `Query Failed: ${error instanceof QuerySyntaxError ? error.message : 'invalid query'}`, 'Check the query syntax.');
		}
		const rows = this.byDocparid(this.table(object), docparid)
			.filter((r) => predicate(r))
			.sort((a, b) => Number(a.RECORDNO) - Number(b.RECORDNO));
		// Fields are checked on the first row so a bad field fails the query, not a later page.
		if (rows[0]) this.project(rows[0], fields);
		const size = Math.min(1000, Math.max(1, pageSize || 100));
		const set: ResultSet = { object, rows: structuredClone(rows), offset: 0, pageSize: size, fields, expiresAt: this.now().getTime() + 30 * 60_000 };
		const resultId = `${++this.resultCounter}R${rows.length}-${object.toLowerCase()}`;
		this.resultSets.set(resultId, set);
		return this.page(resultId, set);
	}

	readMore(resultId: string): PageOut {
		const set = this.resultSets.get(resultId);
		if (!set || set.expiresAt < this.now().getTime()) {
			throw new FunctionError(ERR.resultId, `Invalid or expired resultId ${resultId}`, 'Run readByQuery again.');
		}
		return this.page(resultId, set);
	}

	private page(resultId: string, set: ResultSet): PageOut {
		const slice = set.rows.slice(set.offset, set.offset + set.pageSize);
		set.offset += slice.length;
		const remaining = set.rows.length - set.offset;
		if (remaining <= 0) this.resultSets.delete(resultId);
		return {
			object: set.object,
			records: slice.map((r) => this.project(r, set.fields)),
			count: slice.length,
			totalCount: set.rows.length,
			numRemaining: Math.max(0, remaining),
			resultId: remaining > 0 ? resultId : '',
			fields: set.fields,
		};
	}

	private stampModified(record: Record<string, unknown>): void {
		record.WHENMODIFIED = usDateTime(this.now().getTime());
	}

	create(object: string, input: Record<string, unknown>): IaRecord {
		const table = this.table(object);
		const name = object.toUpperCase() as ObjectName;
		for (const field of REQUIRED[name] ?? []) {
			const value = input[field];
			if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
				throw new FunctionError(ERR.invalidField, `Required field ${field} is missing`, `Provide a value for ${field}.`);
			}
		}
		const idField = ID_FIELDS[name];
		if (idField && input[idField] !== undefined) {
			const id = String(input[idField]);
			if (table.some((r) => String(r[idField]) === id)) {
				throw new FunctionError(ERR.duplicate, `Another ${name} with the given value(s) ${id} already exists`, `Use a unique ${idField}.`);
			}
		}
		const record: Record<string, unknown> = { ...structuredClone(input), RECORDNO: String(this.nextNo++) };
		if (idField && record[idField] === undefined) record[idField] = `${name.slice(0, 1)}-${record.RECORDNO}`;
		const now = this.now().getTime();
		record.WHENCREATED ??= name === 'SODOCUMENT' || name === 'PODOCUMENT' ? usDate(now) : usDateTime(now);
		if (name === 'CUSTOMER' || name === 'VENDOR' || name === 'ITEM') record.STATUS ??= 'active';
		if (name === 'SODOCUMENT' || name === 'PODOCUMENT') this.shapeDocument(name, record);
		if (name === 'ARINVOICE' || name === 'ARADJUSTMENT' || name === 'APBILL') this.shapeBill(name, record);
		if (name === 'ARPYMT') this.shapePayment(record);
		this.stampModified(record);
		table.push(record as IaRecord);
		return record as IaRecord;
	}

	/** The create shape (TRANSACTIONTYPE, SOTRANSITEMS/sotransitem) becomes the read shape (DOCPARID, SODOCUMENTENTRIES). */
	private shapeDocument(name: 'SODOCUMENT' | 'PODOCUMENT', record: Record<string, unknown>): void {
		const definition = String(record.TRANSACTIONTYPE);
		if (!TRANSACTION_DEFINITIONS[name].includes(definition)) {
			throw new FunctionError(ERR.invalidField, `Invalid transaction definition TRANSACTIONTYPE "${definition}"`, `Use one of: ${TRANSACTION_DEFINITIONS[name].join(', ')}.`);
		}
		const prefix = name === 'SODOCUMENT' ? 'SO' : 'PO';
		const partyField = name === 'SODOCUMENT' ? 'CUSTOMERID' : 'VENDORID';
		const parties = this.records[name === 'SODOCUMENT' ? 'CUSTOMER' : 'VENDOR'];
		const party = parties.find((p) => p[partyField] === record[partyField]);
		if (!party) throw new FunctionError(ERR.invalidField, `${partyField} ${String(record[partyField])} does not exist`, `Use an existing ${partyField}.`);
		const lines = list(record[`${prefix}TRANSITEMS`], `${prefix.toLowerCase()}transitem`);
		const entries = lines.map((line, i) => {
			if (!line.ITEMID) throw new FunctionError(ERR.invalidField, `Line ${i + 1}: Required field ITEMID is missing`, 'Give every line an ITEMID.');
			return { LINE_NO: String(i + 1), ...line, TOTAL: multiply(line.QUANTITY ?? '0', line.PRICE ?? '0') };
		});
		const docNo = String(record.DOCUMENTNO ?? `${prefix}${String(record.RECORDNO).padStart(4, '0')}`);
		delete record[`${prefix}TRANSITEMS`];
		delete record.DOCUMENTNO;
		delete record.TRANSACTIONTYPE;
		Object.assign(record, {
			DOCNO: docNo,
			DOCID: `${definition}-${docNo}`,
			DOCPARID: definition,
			CUSTVENDID: record[partyField],
			CUSTVENDNAME: party.NAME,
			STATE: 'Pending',
			WHENCREATED: record.DATECREATED ?? record.WHENCREATED,
			SUBTOTAL: sum(entries.map((e) => e.TOTAL)),
			TOTAL: sum(entries.map((e) => e.TOTAL)),
			[`${name}ENTRIES`]: { [`${name.toLowerCase()}entry`]: entries },
		});
		delete record.DATECREATED;
		delete record[partyField];
	}

	private shapeBill(name: string, record: Record<string, unknown>): void {
		const itemName = `${name.toLowerCase()}item`;
		const lines = list(record[`${name}ITEMS`], itemName);
		const total = sum(lines.map((l) => l.AMOUNT ?? '0'));
		record.RECORDID ??= `${name === 'ARINVOICE' ? 'INV' : name === 'APBILL' ? 'BILL' : 'CM'}-${String(record.RECORDNO)}`;
		record.STATE ??= 'Posted';
		record.TOTALENTERED = total;
		record.TOTALDUE = total;
		record.TOTALPAID = '0.00';
	}

	private shapePayment(record: Record<string, unknown>): void {
		const details = list(record.ARPYMTDETAILS, 'arpymtdetail');
		record.TOTALENTERED = details.length > 0 ? sum(details.map((d) => d.TRX_PAYMENTAMOUNT ?? '0')) : sum([record.PAYMENTAMOUNT ?? '0']);
		record.STATE ??= 'Complete';
		for (const detail of details) {
			const invoice = this.records.ARINVOICE.find((i) => i.RECORDNO === String(detail.RECORDKEY));
			if (!invoice) throw new FunctionError(ERR.notFound, `Invoice RECORDKEY ${String(detail.RECORDKEY)} not found`, 'Apply the payment to an existing invoice.');
		}
		for (const detail of details) {
			const invoice = this.records.ARINVOICE.find((i) => i.RECORDNO === String(detail.RECORDKEY)) as IaRecord;
			invoice.TOTALPAID = sum([invoice.TOTALPAID ?? '0', detail.TRX_PAYMENTAMOUNT ?? '0']);
			invoice.TOTALDUE = sum([invoice.TOTALENTERED ?? '0', `-${String(detail.TRX_PAYMENTAMOUNT ?? '0').replace(/^-/, '')}`]);
			invoice.STATE = toUnits(invoice.TOTALDUE) <= 0n ? 'Paid' : 'Partially Paid';
			this.stampModified(invoice);
		}
	}

	update(object: string, input: Record<string, unknown>): IaRecord {
		const table = this.table(object);
		const name = object.toUpperCase() as ObjectName;
		const idField = ID_FIELDS[name];
		let record: IaRecord | undefined;
		if (input.RECORDNO !== undefined && input.RECORDNO !== '') record = table.find((r) => r.RECORDNO === String(input.RECORDNO));
		else if (idField && input[idField] !== undefined) record = table.find((r) => String(r[idField]) === String(input[idField]));
		else throw new FunctionError(ERR.invalidField, `Required field RECORDNO${idField ? ` or ${idField}` : ''} is missing`, 'Say which record to update.');
		if (!record) {
			const key = input.RECORDNO !== undefined && input.RECORDNO !== '' ? `RECORDNO ${String(input.RECORDNO)}` : `${idField} ${String(input[idField as string])}`;
			throw new FunctionError(ERR.notFound, `${name} ${key} not found`, 'Check the key.');
		}
		for (const [key, value] of Object.entries(input)) {
			if (key === 'RECORDNO') continue;
			const current = record[key];
			record[key] =
				current && typeof current === 'object' && value && typeof value === 'object' && !Array.isArray(value)
					? { ...(current as object), ...(value as object) }
					: structuredClone(value);
		}
		this.stampModified(record);
		return record;
	}

	delete(object: string, keys: string): void {
		const table = this.table(object);
		const wanted = keys.split(',').map((k) => k.trim()).filter(Boolean);
		for (const key of wanted) {
			if (!table.some((r) => r.RECORDNO === key)) throw new FunctionError(ERR.notFound, `${object.toUpperCase()} RECORDNO ${key} not found`, 'Check the key.');
		}
		for (const key of wanted) table.splice(table.findIndex((r) => r.RECORDNO === key), 1);
	}

	idField(object: string): string | undefined {
		return ID_FIELDS[object.toUpperCase() as ObjectName];
	}
}
