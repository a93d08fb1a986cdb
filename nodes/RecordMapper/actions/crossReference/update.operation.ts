import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { RecordMapperError } from '../../core/errors';
import { listParameter, xrefTable } from '../common';
import { entityJson, idsFields, locate, locateFields, readIds } from './common';

const show = { resource: ['crossReference'], operation: ['update'] };

export const description: INodeProperties[] = [
	...locateFields('update'),
	...idsFields('update', 'IDs to Set'),
	{
		displayName: 'Remove Systems',
		name: 'removeSystems',
		type: 'string',
		default: '',
		placeholder: 'stripe, chargebeeBilling',
		description: 'Comma-separated systems whose ID to remove from the entity',
		displayOptions: { show },
	},
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		description: 'New label; empty keeps the current one',
		displayOptions: { show },
	},
];

/** Sets (replacing) and removes IDs of an existing entity. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const table = await xrefTable(this, itemIndex);
	const entityId = await locate(this, itemIndex, table);
	if (!entityId) {
		throw new RecordMapperError(
			`No entity in table "${table.table}" has ${this.getNodeParameter('locateSystem', itemIndex)} ID "${this.getNodeParameter('locateId', itemIndex)}"`,
			'not_found',
			'Use Upsert to create it, or look it up by another ID.',
		);
	}
	const result = await table.update(entityId, {
		set: readIds(this, itemIndex),
		remove: listParameter(this.getNodeParameter('removeSystems', itemIndex, '')),
		label: (this.getNodeParameter('label', itemIndex, '') as string) || undefined,
	});
	return entityJson(table, result.entity, { changed: result.changed });
}
