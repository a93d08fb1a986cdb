import type { ILoadOptionsFunctions, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import type { CanonicalType } from '../../common/canonical';
import type { MappingDirection } from '../../common/canonical/registry';
import { canonicalTargetFields, systemTargetFields, toResourceMapperFields } from '../core/fields';
import { mappingRegistry } from '../core/systems';

function typesFor(ctx: ILoadOptionsFunctions, direction: MappingDirection): INodePropertyOptions[] {
	const system = ctx.getNodeParameter('system', '') as string;
	if (!system) return [];
	return mappingRegistry.types(system, direction).map((type) => ({ name: type, value: type }));
}

function selection(ctx: ILoadOptionsFunctions): { system: string; type: CanonicalType } | undefined {
	const system = ctx.getNodeParameter('system', '') as string;
	const type = ctx.getNodeParameter('canonicalType', '') as CanonicalType;
	if (!system || !type || !mappingRegistry.types(system).includes(type)) return undefined;
	return { system, type };
}

const EMPTY = 'Pick a system and a canonical type it maps first';

export const loadOptions = {
	/** Canonical types the system can read into the model. */
	async getReadableTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return typesFor(this, 'toCanonical');
	},
	/** Canonical types the system can write (a read-only type, like Stripe payments, is left out). */
	async getWritableTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return typesFor(this, 'fromCanonical');
	},
};

export const resourceMapping = {
	/** The canonical type's fields, for overrides of To Canonical. */
	async getCanonicalFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const chosen = selection(this);
		if (!chosen) return { fields: [], emptyFieldsNotice: EMPTY };
		return { fields: toResourceMapperFields(canonicalTargetFields(chosen.type)) };
	},
	/** The fields the system's mapping writes, for overrides of From Canonical. */
	async getSystemFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const chosen = selection(this);
		if (!chosen) return { fields: [], emptyFieldsNotice: EMPTY };
		return { fields: toResourceMapperFields(systemTargetFields(chosen.system, chosen.type)) };
	},
};
