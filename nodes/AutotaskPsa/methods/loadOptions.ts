import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { entityByResource } from '../actions/entities';
import { entityFields } from '../transport/metadata';
import type { FieldInfo } from '../transport/metadata';

async function fieldsOfCurrentResource(ctx: ILoadOptionsFunctions): Promise<FieldInfo[]> {
	const def = entityByResource(String(ctx.getCurrentNodeParameter('resource') ?? ''));
	return def ? await entityFields(ctx, def.entity) : [];
}

function describe(field: FieldInfo): string {
	const parts = [field.dataType ?? ''];
	if (field.isRequired) parts.push('required');
	if (field.isReference && field.referenceEntityType) parts.push(`ID of a ${field.referenceEntityType}`);
	if (field.isPickList && field.picklistValues?.length) {
		const labels = field.picklistValues.filter((v) => v.isActive !== false).map((v) => `${v.label} (${v.value})`);
		parts.push(`one of: ${labels.slice(0, 12).join(', ')}${labels.length > 12 ? ', …' : ''}`);
	}
	return parts.filter(Boolean).join('; ');
}

function options(fields: FieldInfo[]): INodePropertyOptions[] {
	return fields
		.map((field) => ({ name: field.name, value: field.name, description: describe(field) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Fields that can be written, from `/{Entity}/entityInformation/fields` (picklist labels in the description). */
export async function getWritableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return options((await fieldsOfCurrentResource(this)).filter((f) => !f.isReadOnly && f.name !== 'id'));
}

/** Fields a query may filter on. */
export async function getQueryableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return options((await fieldsOfCurrentResource(this)).filter((f) => f.isQueryable !== false));
}
