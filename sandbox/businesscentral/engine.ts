import { randomUUID } from 'node:crypto';
import { ENTITIES, entity, type EntityDef, type FieldDef } from './entities';
import { fail } from './errors';
import type { Row } from './odata';
import type { BcStore, StoredRow } from './store';

export type ChangeType = 'created' | 'updated' | 'deleted';
export type ChangeListener = (companyId: string, def: EntityDef, row: StoredRow, change: ChangeType) => void;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isGuid(value: string): boolean {
	return GUID.test(value);
}

/** `W/"..."`: opaque to clients; changes with every write of the row. */
export function etagOf(row: StoredRow): string {
	return `W/"${Buffer.from(`'${row.id}:${row._v};'`).toString('base64')}"`;
}

/** A row as the API shows it: `@odata.etag` first, internal fields dropped, `$select` applied. */
export function present(row: StoredRow, select?: string[]): Row {
	const out: Row = { '@odata.etag': etagOf(row) };
	for (const [key, value] of Object.entries(row)) {
		if (key.startsWith('_')) continue;
		if (select && !select.includes(key) && key !== 'id') continue;
		out[key] = value;
	}
	if (select && !select.includes('id')) delete out.id;
	return out;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function checkValue(def: EntityDef, name: string, field: FieldDef, value: unknown): unknown {
	const type = `Microsoft.NAV.${def.type}`;
	if (value === null) return field.kind === 'string' ? '' : null;
	const bad = () => fail(400, 'BadRequest', `Cannot convert the literal '${String(value)}' to the expected type '${field.kind === 'number' ? 'Edm.Decimal' : `Edm.${field.kind[0].toUpperCase()}${field.kind.slice(1)}`}' of property '${name}' on type '${type}'.`);
	switch (field.kind) {
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) throw bad();
			return value;
		case 'boolean':
			if (typeof value !== 'boolean') throw bad();
			return value;
		case 'guid':
			if (typeof value !== 'string' || !(GUID.test(value) || value === '00000000-0000-0000-0000-000000000000')) throw bad();
			return value.toLowerCase();
		case 'date':
			if (typeof value !== 'string' || !DATE.test(value)) throw bad();
			return value;
		case 'enum':
			if (typeof value !== 'string' || !field.values?.includes(value)) {
				throw fail(400, 'BadRequest', `The value '${String(value)}' is not valid for property '${name}'. Valid values: ${field.values?.map((v) => `'${v}'`).join(', ')}.`);
			}
			return value;
		default:
			if (typeof value !== 'string') throw bad();
			if (field.maxLength && value.length > field.maxLength) {
				throw fail(400, 'Application_StringExceededLength', `The length of the string is ${value.length}, but it must be less than or equal to ${field.maxLength} characters. Value: ${value}`);
			}
			return value;
	}
}

/** Checks a request body against the entity type: unknown properties and wrong types are 400s. */
function writable(def: EntityDef, body: Row, allowLines: boolean): Row {
	const out: Row = {};
	for (const [name, value] of Object.entries(body)) {
		if (name.startsWith('@odata.')) continue;
		if (allowLines && def.lines && name === def.lines) continue;
		const field = def.fields[name];
		if (!field) {
			throw fail(400, 'BadRequest', `The property '${name}' does not exist on type 'Microsoft.NAV.${def.type}'. Make sure to only use property names that are defined by the type.`);
		}
		const checked = checkValue(def, name, field, value);
		// Read-only properties are ignored on write, as the API pages do.
		if (!field.readOnly) out[name] = checked;
	}
	return out;
}

export class BcEngine {
	constructor(
		private readonly store: BcStore,
		private readonly now: () => Date,
		private readonly onChange: ChangeListener,
	) {}

	private stamp(row: StoredRow): void {
		row._v += 1;
		if ('lastModifiedDateTime' in row || row._parent === undefined) row.lastModifiedDateTime = this.now().toISOString();
	}

	insert(companyId: string, def: EntityDef, body: Row, parent?: StoredRow): StoredRow {
		if (def.readOnly) throw fail(405, 'BadRequest_MethodNotAllowed', `'POST' requests for '${def.set}' of EdmType 'Entity' are not allowed within Dynamics 365 Business Central OData web services.`);
		const values = writable(def, body, true);
		const row: StoredRow = { id: randomUUID(), _v: 0 } as StoredRow;
		for (const name of Object.keys(def.fields)) row[name] = defaultValue(def.fields[name]);
		if ('lineType' in def.fields) row.lineType = '';
		Object.assign(row, values);
		row.id = randomUUID();
		if (parent) {
			row._parent = parent.id;
			if ('documentId' in def.fields) row.documentId = parent.id;
			if ('journalId' in def.fields) {
				row.journalId = parent.id;
				row.journalDisplayName = parent.code;
			}
		}
		if (def.numberPrefix && 'number' in def.fields && !row.number) row.number = this.store.nextNumber(companyId, def.numberPrefix);
		for (const field of def.required ?? []) {
			const alt = field === 'customerNumber' ? 'customerId' : field === 'vendorNumber' ? 'vendorId' : undefined;
			if (isBlank(row[field]) && (!alt || isBlank(row[alt]))) {
				throw fail(400, 'Application_FieldValidationException', `${field} must have a value in ${def.type}: id=${row.id}. It cannot be zero or empty.`);
			}
		}
		this.resolveParties(companyId, def, row);
		if (def.parent === 'customerPaymentJournals' && row.sequence === undefined) {
			row.lineNumber = row.lineNumber || (this.store.all(companyId, def.set, parent?.id).length + 1) * 10000;
		}
		if (parent && 'sequence' in def.fields && !row.sequence) {
			row.sequence = (this.store.all(companyId, def.set, parent.id).length + 1) * 10000;
		}
		if ('lineType' in def.fields) this.resolveLine(companyId, def, row);
		this.stamp(row);
		this.store.put(companyId, def.set, row);
		if (def.lines && Array.isArray(body[def.lines])) {
			const lineDef = entity(def.lines) as EntityDef;
			try {
				for (const line of body[def.lines] as Row[]) this.insert(companyId, lineDef, line, row);
			} catch (error) {
				// Deep insert is one transaction: a bad line leaves nothing behind.
				for (const line of this.store.all(companyId, lineDef.set, row.id)) this.store.remove(companyId, lineDef.set, line.id);
				this.store.remove(companyId, def.set, row.id);
				throw error;
			}
		}
		if (parent) this.recalc(companyId, entity(def.parent as string) as EntityDef, parent);
		else if (def.lines) this.recalc(companyId, def, row);
		this.onChange(companyId, def, row, 'created');
		return row;
	}

	patch(companyId: string, def: EntityDef, row: StoredRow, body: Row, ifMatch: string | undefined): StoredRow {
		if (def.readOnly) throw fail(405, 'BadRequest_MethodNotAllowed', `'PATCH' requests for '${def.set}' of EdmType 'Entity' are not allowed within Dynamics 365 Business Central OData web services.`);
		this.checkEtag(row, ifMatch);
		this.checkEditable(def, row);
		const values = writable(def, body, false);
		Object.assign(row, values);
		for (const field of def.required ?? []) {
			if (field in values && isBlank(values[field])) throw fail(400, 'Application_FieldValidationException', `${field} must have a value in ${def.type}: id=${row.id}. It cannot be zero or empty.`);
		}
		this.resolveParties(companyId, def, row, values);
		if ('lineType' in def.fields) this.resolveLine(companyId, def, row);
		this.stamp(row);
		const parentDef = def.parent ? entity(def.parent) : undefined;
		if (parentDef && row._parent) {
			const parent = this.store.get(companyId, parentDef.set, row._parent);
			if (parent) this.recalc(companyId, parentDef, parent);
		} else if (def.lines) this.recalc(companyId, def, row);
		this.onChange(companyId, def, row, 'updated');
		return row;
	}

	remove(companyId: string, def: EntityDef, row: StoredRow, ifMatch: string | undefined): void {
		if (def.readOnly) throw fail(405, 'BadRequest_MethodNotAllowed', `'DELETE' requests for '${def.set}' of EdmType 'Entity' are not allowed within Dynamics 365 Business Central OData web services.`);
		this.checkEtag(row, ifMatch);
		this.checkEditable(def, row);
		if (def.lines) for (const line of this.store.all(companyId, def.lines, row.id)) this.store.remove(companyId, def.lines, line.id);
		this.store.remove(companyId, def.set, row.id);
		this.onChange(companyId, def, row, 'deleted');
	}

	/** A user's change in the client: no ETag needed. */
	touch(companyId: string, def: EntityDef, row: StoredRow, values: Row): StoredRow {
		return this.patch(companyId, def, row, values, etagOf(row));
	}

	/** Bound actions of documents. */
	action(companyId: string, def: EntityDef, row: StoredRow, name: string): void {
		const status = String(row.status ?? '');
		if (name === 'post' || name === 'postAndSend') {
			if (status !== 'Draft' && status !== 'In Review') throw fail(400, 'Application_DialogException', `${def.type} ${String(row.number)} is already posted.`);
			if (this.store.all(companyId, def.lines as string, row.id).length === 0) throw fail(400, 'Application_DialogException', 'There is nothing to post.');
			row.status = 'Open';
			if ('remainingAmount' in def.fields) row.remainingAmount = row.totalAmountIncludingTax;
			row._sent = name === 'postAndSend' ? true : row._sent;
		} else if (name === 'send') {
			if (status === 'Draft') throw fail(400, 'Application_DialogException', `You can only send posted documents. Post ${def.type} ${String(row.number)} first.`);
			row._sent = true;
		} else if (name === 'cancel') {
			if (status !== 'Open') throw fail(400, 'Application_DialogException', `Only open documents can be canceled.`);
			row.status = 'Canceled';
		} else if (name === 'shipAndInvoice' || name === 'receiveAndInvoice') {
			row.status = 'Released';
			if ('fullyShipped' in row) row.fullyShipped = true;
			if ('fullyReceived' in row) row.fullyReceived = true;
		}
		this.stamp(row);
		this.onChange(companyId, def, row, 'updated');
	}

	private checkEtag(row: StoredRow, ifMatch: string | undefined): void {
		if (ifMatch === undefined || ifMatch.trim() === '') {
			throw fail(400, 'BadRequest', 'Could not save the changes because the If-Match header is missing. Send the @odata.etag of the record (or *) in If-Match.');
		}
		const value = ifMatch.trim();
		if (value !== '*' && value !== etagOf(row)) {
			throw fail(412, 'Request_EntityChanged', 'Another user has already changed the record.');
		}
	}

	private checkEditable(def: EntityDef, row: StoredRow): void {
		const status = row.status;
		if (def.actions?.includes('post') && status !== undefined && status !== 'Draft' && status !== 'In Review') {
			throw fail(400, 'Application_DialogException', `You cannot change a posted ${def.type} (${String(row.number)}).`);
		}
	}

	private resolveParties(companyId: string, def: EntityDef, row: StoredRow, changed?: Row): void {
		const pairs: Array<[string, string, string, string]> = [
			['customerId', 'customerNumber', 'customers', 'customerName'],
			['vendorId', 'vendorNumber', 'vendors', 'vendorName'],
		];
		for (const [idField, numberField, set, nameField] of pairs) {
			if (!(idField in def.fields)) continue;
			if (changed && !(idField in changed) && !(numberField in changed)) continue;
			const byId = !isBlank(row[idField]) && (!changed || idField in changed);
			if (!byId && isBlank(row[numberField])) continue;
			const party = byId
				? this.store.get(companyId, set, String(row[idField]))
				: this.store.all(companyId, set).find((p) => String(p.number).toLowerCase() === String(row[numberField]).toLowerCase());
			if (!party) {
				const label = set === 'customers' ? 'Customer' : 'Vendor';
				const key = byId ? `Id='${String(row[idField])}'` : `No.='${String(row[numberField])}'`;
				throw fail(400, 'Internal_RecordNotFound', `The ${label} does not exist. Identification fields and values: ${key}`);
			}
			row[idField] = party.id;
			row[numberField] = party.number;
			if (nameField in def.fields) row[nameField] = party.displayName;
			if ('billToName' in def.fields) row.billToName = party.displayName;
			if ('payToName' in def.fields) row.payToName = party.displayName;
			if ('currencyCode' in def.fields && isBlank(row.currencyCode)) row.currencyCode = party.currencyCode ?? '';
			const prefix = set === 'customers' ? 'sellTo' : 'buyFrom';
			if (isBlank(row[`${prefix}AddressLine1`])) {
				row[`${prefix}AddressLine1`] = party.addressLine1;
				row[`${prefix}City`] = party.city;
				row[`${prefix}State`] = party.state;
				row[`${prefix}Country`] = party.country;
				row[`${prefix}PostCode`] = party.postalCode;
			}
			if (set === 'customers' && 'shipToName' in def.fields && isBlank(row.shipToName)) row.shipToName = party.displayName;
		}
	}

	private resolveLine(companyId: string, def: EntityDef, row: StoredRow): void {
		if (isBlank(row.lineType)) row.lineType = !isBlank(row.itemId) || !isBlank(row.lineObjectNumber) ? 'Item' : 'Comment';
		if (row.lineType === 'Item') {
			const item = !isBlank(row.itemId)
				? this.store.get(companyId, 'items', String(row.itemId))
				: this.store.all(companyId, 'items').find((i) => String(i.number).toLowerCase() === String(row.lineObjectNumber ?? '').toLowerCase());
			if (!item) {
				const key = !isBlank(row.itemId) ? `Id='${String(row.itemId)}'` : `No.='${String(row.lineObjectNumber ?? '')}'`;
				throw fail(400, 'Internal_RecordNotFound', `The Item does not exist. Identification fields and values: ${key}`);
			}
			row.itemId = item.id;
			row.lineObjectNumber = item.number;
			if (isBlank(row.description)) row.description = item.displayName;
			if (isBlank(row.unitOfMeasureCode)) row.unitOfMeasureCode = item.baseUnitOfMeasureCode;
			const priceField = 'directUnitCost' in def.fields ? 'directUnitCost' : 'unitPrice';
			if (priceField in def.fields && !def.fields[priceField].readOnly && (row[priceField] === 0 || row[priceField] === undefined)) {
				row[priceField] = priceField === 'directUnitCost' ? item.unitCost : item.unitPrice;
			}
		}
		if ('amountExcludingTax' in def.fields) {
			const price = Number(row.unitPrice ?? row.directUnitCost ?? 0);
			const gross = round2(Number(row.quantity ?? 0) * price);
			const discount = row.discountPercent ? round2((gross * Number(row.discountPercent)) / 100) : Number(row.discountAmount ?? 0);
			row.discountAmount = discount;
			row.amountExcludingTax = round2(gross - discount);
			row.taxPercent = row.taxPercent || 0;
			row.totalTaxAmount = round2((Number(row.amountExcludingTax) * Number(row.taxPercent)) / 100);
			row.amountIncludingTax = round2(Number(row.amountExcludingTax) + Number(row.totalTaxAmount));
			row.netAmount = row.amountExcludingTax;
			row.netTaxAmount = row.totalTaxAmount;
			row.netAmountIncludingTax = row.amountIncludingTax;
		}
	}

	/** Document totals from its lines (cents, so the sums are exact). */
	recalc(companyId: string, def: EntityDef, doc: StoredRow): void {
		if (!def.lines || !('totalAmountExcludingTax' in def.fields)) return;
		const lines = this.store.all(companyId, def.lines, doc.id);
		const cents = (field: string) => lines.reduce((sum, l) => sum + Math.round(Number(l[field] ?? 0) * 100), 0) / 100;
		doc.totalAmountExcludingTax = cents('amountExcludingTax');
		doc.totalTaxAmount = cents('totalTaxAmount');
		doc.totalAmountIncludingTax = cents('amountIncludingTax');
	}
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || value === '' || value === '00000000-0000-0000-0000-000000000000';
}

function defaultValue(field: FieldDef): unknown {
	switch (field.kind) {
		case 'number':
			return 0;
		case 'boolean':
			return false;
		case 'guid':
			return '00000000-0000-0000-0000-000000000000';
		case 'date':
			return '0001-01-01';
		case 'datetime':
			return '0001-01-01T00:00:00Z';
		case 'enum':
			return field.values?.[0] ?? '';
		default:
			return '';
	}
}

export { ENTITIES };
