import { compact, referenceTo, toDecimal } from '../../common/canonical';
import type { Address, LineItem, Reference } from '../../common/canonical';

export const SYSTEM = 'sageIntacct';

export type IntacctRecord = Record<string, unknown>;

export function str(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
	return text === undefined || text.trim() === '' ? undefined : text;
}

export function obj(value: unknown): IntacctRecord | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IntacctRecord) : undefined;
}

/** Money and quantities: decimal strings exactly as Intacct wrote them (normalised), never floats. */
export function dec(value: unknown): string | undefined {
	return toDecimal(str(value));
}

/** Intacct dates are "MM/DD/YYYY"; canonical ones "YYYY-MM-DD". */
export function dateFrom(value: unknown): string | undefined {
	const text = str(value);
	if (!text) return undefined;
	const us = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(text);
	if (us) return `${us[3]}-${us[1]}-${us[2]}`;
	return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : undefined;
}

export function dateTo(value: unknown): string | undefined {
	const text = str(value);
	if (!text) return undefined;
	const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
	return iso ? `${iso[2]}/${iso[3]}/${iso[1]}` : text;
}

/** WHENMODIFIED "MM/DD/YYYY HH:MM:SS" (company time, read as UTC) → ISO date-time. */
export function dateTimeFrom(value: unknown): string | undefined {
	const text = str(value);
	if (!text) return undefined;
	const m = /^(\d{2})\/(\d{2})\/(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
	if (!m) return undefined;
	return `${m[3]}-${m[1]}-${m[2]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}Z`;
}

export function bool(value: unknown): boolean | undefined {
	const text = str(value)?.toLowerCase();
	if (text === 'true' || text === 't' || text === '1') return true;
	if (text === 'false' || text === 'f' || text === '0') return false;
	return undefined;
}

/** Lines of a repeated child: `<X><x>…</x><x>…</x></X>` parsed as `{ x: [...] }` or `{ x: {...} }`. */
export function children(container: unknown, name: string): IntacctRecord[] {
	const holder = obj(container);
	if (!holder) return Array.isArray(container) ? (container as IntacctRecord[]) : [];
	const value = holder[name] ?? holder[name.toLowerCase()] ?? holder[name.toUpperCase()];
	if (value === undefined) return [];
	return (Array.isArray(value) ? value : [value]).filter((v): v is IntacctRecord => typeof v === 'object' && v !== null);
}

export function addressFrom(contact: unknown, type: Address['type']): Address | undefined {
	const c = obj(contact);
	const mail = obj(c?.MAILADDRESS);
	if (!c && !mail) return undefined;
	const address = compact<Address>({
		type,
		name: str(c?.PRINTAS) ?? str(c?.CONTACTNAME),
		line1: str(mail?.ADDRESS1),
		line2: str(mail?.ADDRESS2),
		city: str(mail?.CITY),
		region: str(mail?.STATE),
		postalCode: str(mail?.ZIP),
		country: str(mail?.COUNTRYCODE) ?? str(mail?.COUNTRY),
	});
	return Object.keys(address).length > 1 ? address : undefined;
}

export function addressTo(address: Address | undefined): IntacctRecord | undefined {
	if (!address) return undefined;
	return compact({
		ADDRESS1: address.line1,
		ADDRESS2: address.line2,
		CITY: address.city,
		STATE: address.region,
		ZIP: address.postalCode,
		COUNTRY: address.country,
	});
}

export function ref(id: unknown, name?: unknown): Reference | undefined {
	return referenceTo(SYSTEM, str(id), compact({ code: str(id), name: str(name) }));
}

/** The Intacct ID a reference points with: this system's id, else its business code. */
export function refId(reference: Reference | undefined): string | undefined {
	return reference?.externalIds?.[SYSTEM] ?? reference?.code;
}

export function lineFrom(line: IntacctRecord, fields: { qty: string; price: string; amount: string }): LineItem {
	return compact<LineItem>({
		externalIds: str(line.RECORDNO) ? { [SYSTEM]: String(line.RECORDNO) } : undefined,
		lineNumber: str(line.LINE_NO),
		item: str(line.ITEMID) ? compact({ externalIds: { [SYSTEM]: String(line.ITEMID) }, sku: str(line.ITEMID), code: str(line.ITEMID) }) : undefined,
		description: str(line.ITEMDESC) ?? str(line.MEMO),
		quantity: dec(line[fields.qty]),
		unitOfMeasure: str(line.UNIT),
		unitPrice: dec(line[fields.price]),
		amount: dec(line[fields.amount]),
	});
}

export function source(record: IntacctRecord): { system: string; id: string; updatedAt?: string } | undefined {
	const id = str(record.RECORDNO);
	return id ? compact({ system: SYSTEM, id, updatedAt: dateTimeFrom(record.WHENMODIFIED) }) : undefined;
}

export function ids(record: IntacctRecord): Record<string, string> {
	const id = str(record.RECORDNO);
	return id ? { [SYSTEM]: id } : {};
}

export { compact };
