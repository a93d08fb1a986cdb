import type { IDataObject } from 'n8n-workflow';

import { compact, toDecimal, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { Address, SourceInfo } from '../../common/canonical';

/** The key of ShipHero in `externalIds` and `source.system`. */
export const SYSTEM = 'shipHero';

export type ShRecord = IDataObject;

export function str(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return typeof value === 'string' ? value : String(value);
}

export function obj(value: unknown): ShRecord | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ShRecord) : undefined;
}

/** Nodes of a connection (`{ edges: [{ node }] }`) or a plain array. */
export function nodesOf(value: unknown): ShRecord[] {
	if (Array.isArray(value)) return value.filter((v): v is ShRecord => obj(v) !== undefined);
	const edges = obj(value)?.edges;
	return Array.isArray(edges) ? edges.map((edge) => obj(obj(edge)?.node)).filter((n): n is ShRecord => n !== undefined) : [];
}

/** `externalIds` and `source` of a ShipHero record (its global id; `legacy_id` kept alongside). */
export function identity(record: ShRecord, updatedAt?: unknown): { externalIds: Record<string, string>; source?: SourceInfo } {
	const id = str(record.id);
	const legacy = str(record.legacy_id);
	return {
		externalIds: compact({ [SYSTEM]: id, [`${SYSTEM}Legacy`]: legacy }) as Record<string, string>,
		source: id ? compact({ system: SYSTEM, id, updatedAt: toIsoDateTime(updatedAt ?? record.updated_at) }) : undefined,
	};
}

/** The ShipHero id of a canonical record or reference, if it has one. */
export function shipHeroId(record: { externalIds?: Record<string, string> } | undefined): string | undefined {
	return record?.externalIds?.[SYSTEM] ?? record?.externalIds?.[`${SYSTEM}Legacy`];
}

export function addressFrom(value: unknown, type: Address['type']): Address | undefined {
	const a = obj(value);
	if (!a) return undefined;
	const name = [str(a.first_name), str(a.last_name)].filter(Boolean).join(' ') || str(a.name);
	const address = compact<Address>({
		type,
		name,
		attention: str(a.company),
		line1: str(a.address1),
		line2: str(a.address2),
		city: str(a.city),
		region: str(a.state_code) ?? str(a.state),
		postalCode: str(a.zip),
		country: str(a.country_code) ?? str(a.country),
	});
	return Object.keys(address).length > 1 ? address : undefined;
}

/** A canonical address as ShipHero's order address input. */
export function addressTo(address: Address | undefined, email?: string, phone?: string): ShRecord | undefined {
	if (!address) return undefined;
	const [first, ...rest] = (address.name ?? '').split(' ');
	return compact({
		first_name: first || undefined,
		last_name: rest.join(' ') || undefined,
		company: address.attention,
		address1: address.line1,
		address2: address.line2,
		city: address.city,
		state: address.region,
		state_code: address.region,
		zip: address.postalCode,
		country: address.country,
		country_code: address.country && /^[A-Z]{2}$/.test(address.country) ? address.country : undefined,
		email,
		phone,
	});
}

/** `table[key]` for own keys only. */
export function lookup<V>(table: Record<string, V>, key: unknown): V | undefined {
	return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A Decimal as ShipHero's money strings ("12.50"). */
export function moneyTo(value: string | undefined): string | undefined {
	return value === undefined ? undefined : (toDecimal(value) ?? undefined);
}

export { compact, toDecimal as decimal, toIsoDate as isoDate, toIsoDateTime as isoDateTime };
