import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkIds } from '../../core/xref';
import { xrefTable } from '../common';
import { entityJson, idsFields, readIds } from './common';

const show = { resource: ['crossReference'], operation: ['upsert'] };

export const description: INodeProperties[] = [
	...idsFields('upsert', 'IDs to Link'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Add the Item’s External IDs',
				name: 'includeExternalIds',
				type: 'boolean',
				default: false,
				description: 'Whether to also link the externalIds of the input item (a canonical record from To Canonical)',
			},
			{
				displayName: 'Entity ID',
				name: 'entityId',
				type: 'string',
				default: '',
				description: 'Link to this entity (e.g. a canonical ID you assign). Empty: the entity one of the IDs already belongs to, else a new one.',
			},
			{ displayName: 'Label', name: 'label', type: 'string', default: '', description: 'A name for people reading the table, e.g. the customer name' },
			{
				displayName: 'Replace Existing IDs',
				name: 'replace',
				type: 'boolean',
				default: false,
				description: 'Whether a system ID replaces the one the entity already has for that system (off: that is a conflict error)',
			},
		],
	},
];

/** Links the IDs to one entity, merging with the IDs it has. Safe to repeat: the same IDs change nothing. */
export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { includeExternalIds?: boolean; entityId?: string; label?: string; replace?: boolean };
	const fromItem = options.includeExternalIds ? checkIds(item.json.externalIds ?? {}) : {};
	const ids = { ...fromItem, ...readIds(this, itemIndex) };
	const table = await xrefTable(this, itemIndex);
	const result = await table.upsert({ ids, entityId: options.entityId?.trim(), label: options.label, replace: options.replace === true });
	return entityJson(table, result.entity, { created: result.created, changed: result.changed });
}
