import type { IDataObject } from 'n8n-workflow';

import { compact, decimalToNumber, referenceTo, toDecimal, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { Address, Reference, SourceInfo } from '../../common/canonical';

/** The key of Business Central in `externalIds` and `source.system`. */
export const SYSTEM = 'businessCentral';

export type BcRecord = IDataObject;

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
/** Business Central's "no date". */
const EMPTY_DATE = '0001-01-01';

export function str(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = typeof value === 'string' ? value : String(value);
	return text.trim() === '' || text === EMPTY_GUID ? undefined : text;
}

export function guid(value: unknown): string | undefined {
	return str(value);
}

export function date(value: unknown): string | undefined {
	const text = str(value);
	return text && !text.startsWith(EMPTY_DATE) ? toIsoDate(text) : undefined;
}

export const decimal = toDecimal;

/** A JSON number for a Business Central body from a canonical Decimal (Edm.Decimal is a JSON number). */
export const num = decimalToNumber;

export function identity(record: BcRecord): { externalIds: Record<string, string>; source?: SourceInfo } {
	const id = str(record.id);
	return {
		externalIds: id ? { [SYSTEM]: id } : {},
		source: id ? compact({ system: SYSTEM, id, updatedAt: toIsoDateTime(str(record.lastModifiedDateTime)) }) : undefined,
	};
}

export function ref(id: unknown, code?: unknown, name?: unknown): Reference | undefined {
	return referenceTo(SYSTEM, guid(id), compact({ code: str(code), name: str(name) }));
}

/** The Business Central id of a reference, if it has one. */
export function refId(reference: Reference | undefined): string | undefined {
	return reference?.externalIds?.[SYSTEM];
}

/** Addresses are flat fields with a prefix (`sellToCity`) or none (`city` on customers). */
export function readAddress(record: BcRecord, prefix: string, type: Address['type'], name?: unknown): Address | undefined {
	const key = (field: string) => (prefix ? `${prefix}${field[0].toUpperCase()}${field.slice(1)}` : field);
	const address = compact({
		type,
		name: str(name),
		line1: str(record[key('addressLine1')]),
		line2: str(record[key('addressLine2')]),
		city: str(record[key('city')]),
		region: str(record[key('state')]),
		postalCode: str(record[prefix ? key('postCode') : 'postalCode']),
		country: str(record[key('country')]),
	});
	return Object.keys(address).filter((k) => k !== 'type').length > 0 ? (address as Address) : undefined;
}

export function writeAddress(address: Address | undefined, prefix: string): BcRecord {
	if (!address) return {};
	const key = (field: string) => (prefix ? `${prefix}${field[0].toUpperCase()}${field.slice(1)}` : field);
	return compact({
		[key('addressLine1')]: address.line1,
		[key('addressLine2')]: address.line2,
		[key('city')]: address.city,
		[key('state')]: address.region,
		[prefix ? key('postCode') : 'postalCode']: address.postalCode,
		[key('country')]: address.country,
	});
}
