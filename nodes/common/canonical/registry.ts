/**
 * A registry of registries: every system's `<system>Mappings` under one lookup, so the Record Mapper,
 * the CLI and templates convert between any system's records and the canonical model without knowing
 * the systems. This file holds only the mechanism; the list of systems is assembled where systems may
 * be imported (nodes/common never imports a system folder).
 */
import type { CanonicalMapping, SystemMappings } from './mapping';
import { isCanonicalType } from './records';
import type { AnyCanonical, CanonicalType } from './types';
import { CANONICAL_TYPES } from './types';

export interface SystemRegistration {
	/** The key of the system in `externalIds` and `source.system`, e.g. `netSuite`. */
	key: string;
	/** For people: "NetSuite". */
	displayName: string;
	mappings: SystemMappings;
	/** Why some canonical types are not offered, for docs and error messages. */
	notes?: string;
}

export type MappingDirection = 'toCanonical' | 'fromCanonical';

export type MappingErrorCode = 'UNKNOWN_SYSTEM' | 'UNSUPPORTED_TYPE' | 'READ_ONLY' | 'TYPE_MISMATCH' | 'NOT_A_RECORD' | 'MAPPING_FAILED';

/** Raised for a system/type pair that has no mapping, a record of another type, or a mapping that throws. */
export class MappingError extends Error {
	constructor(
		message: string,
		readonly code: MappingErrorCode,
		readonly hint?: string,
		options?: { cause?: unknown },
	) {
		super(message, options);
		this.name = 'MappingError';
	}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export class MappingRegistry {
	private readonly byKey = new Map<string, SystemRegistration>();

	constructor(systems: SystemRegistration[]) {
		for (const system of systems) {
			if (this.byKey.has(system.key)) throw new Error(`System "${system.key}" is registered twice`);
			this.byKey.set(system.key, system);
		}
	}

	systems(): SystemRegistration[] {
		return [...this.byKey.values()];
	}

	system(key: string): SystemRegistration {
		const system = this.byKey.get(key);
		if (!system) {
			throw new MappingError(`Unknown system "${key}"`, 'UNKNOWN_SYSTEM', `Use one of: ${[...this.byKey.keys()].join(', ')}`);
		}
		return system;
	}

	/** The canonical types a system maps, in the model's order; for `fromCanonical` only those it can write. */
	types(systemKey: string, direction: MappingDirection = 'toCanonical'): CanonicalType[] {
		const { mappings } = this.system(systemKey);
		return CANONICAL_TYPES.filter((type) => {
			const mapping = mappings[type];
			return mapping !== undefined && (direction === 'toCanonical' || typeof mapping.fromCanonical === 'function');
		});
	}

	/** Every (system, type, direction) the registry supports. */
	pairs(): Array<{ system: string; type: CanonicalType; fromCanonical: boolean }> {
		return this.systems().flatMap(({ key }) =>
			this.types(key).map((type) => ({ system: key, type, fromCanonical: this.types(key, 'fromCanonical').includes(type) })),
		);
	}

	mapping(systemKey: string, type: string, direction: MappingDirection = 'toCanonical'): CanonicalMapping {
		const system = this.system(systemKey);
		const supported = this.types(systemKey, direction);
		if (!isCanonicalType(type) || !system.mappings[type]) {
			throw new MappingError(
				`${system.displayName} has no mapping for ${isCanonicalType(type) ? type : `"${type}"`}`,
				'UNSUPPORTED_TYPE',
				`${system.displayName} maps: ${supported.join(', ')}`,
			);
		}
		const mapping = system.mappings[type] as CanonicalMapping;
		if (direction === 'fromCanonical' && typeof mapping.fromCanonical !== 'function') {
			throw new MappingError(
				`${system.displayName} only reads ${type} records; there is no ${type} to write`,
				'READ_ONLY',
				`${system.displayName} writes: ${supported.join(', ')}`,
			);
		}
		return mapping;
	}

	/** A system record as a canonical record of `type`. */
	toCanonical(systemKey: string, type: string, record: unknown): AnyCanonical {
		const mapping = this.mapping(systemKey, type);
		if (!isObject(record)) throw new MappingError(`The ${this.system(systemKey).displayName} record is not an object`, 'NOT_A_RECORD');
		let canonical: AnyCanonical;
		try {
			canonical = mapping.toCanonical(record as never);
		} catch (error) {
			throw this.failed(systemKey, type, 'to', error);
		}
		return canonical;
	}

	/** A canonical record as the system's body; a record without `type` is taken as `type`. */
	fromCanonical(systemKey: string, type: string, canonical: unknown): Record<string, unknown> {
		const mapping = this.mapping(systemKey, type, 'fromCanonical');
		if (!isObject(canonical)) throw new MappingError(`The canonical ${type} is not an object`, 'NOT_A_RECORD');
		if (canonical.type !== undefined && canonical.type !== type) {
			throw new MappingError(
				`The record is a ${String(canonical.type)}, not a ${type}`,
				'TYPE_MISMATCH',
				`Pick ${String(canonical.type)} as the canonical type, or pass a ${type} record`,
			);
		}
		const record = { ...canonical, type, externalIds: isObject(canonical.externalIds) ? canonical.externalIds : {} } as unknown as AnyCanonical;
		try {
			return mapping.fromCanonical!(record);
		} catch (error) {
			throw this.failed(systemKey, type, 'from', error);
		}
	}

	private failed(systemKey: string, type: string, way: 'to' | 'from', error: unknown): MappingError {
		const name = this.system(systemKey).displayName;
		const reason = error instanceof Error ? error.message : String(error);
		const what = way === 'to' ? `${name} record → canonical ${type}` : `canonical ${type} → ${name}`;
		return new MappingError(`Mapping ${what} failed: ${reason}`, 'MAPPING_FAILED', undefined, { cause: error });
	}
}
