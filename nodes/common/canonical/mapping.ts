import type { IDataObject } from 'n8n-workflow';

import type { AnyCanonical, CanonicalType } from './types';

/**
 * One canonical type as one resource of a system node, both ways. Every system exports its mappings
 * in this shape (`<system>Mappings`), so the Record Mapper and the templates can switch systems without
 * knowing them.
 */
export interface CanonicalMapping<C extends AnyCanonical = AnyCanonical> {
	/** The node's resource (or record type) holding this canonical type. */
	resource: string;
	toCanonical(record: IDataObject): C;
	/** The vendor body for a create or update; absent where the system takes no writes of this type. */
	fromCanonical?(canonical: C): Record<string, unknown>;
}

export type SystemMappings = Partial<Record<CanonicalType, CanonicalMapping>>;
