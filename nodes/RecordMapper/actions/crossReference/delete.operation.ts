import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { xrefTable } from '../common';
import { SYSTEM_HINT, entityJson, locate, locateFields } from './common';

const show = { resource: ['crossReference'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Delete',
		name: 'deleteWhat',
		type: 'options',
		noDataExpression: true,
		default: 'entity',
		options: [
			{ name: 'Whole Entity', value: 'entity', description: 'The entity with all its IDs' },
			{ name: 'One System ID', value: 'systemId', description: 'Unlink one ID; the entity keeps its other IDs' },
		],
		displayOptions: { show },
	},
	...locateFields('delete').map((field) => ({
		...field,
		displayOptions: { show: { ...field.displayOptions!.show, deleteWhat: ['entity'] } },
	})),
	{
		displayName: 'System',
		name: 'unlinkSystem',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'stripe',
		description: SYSTEM_HINT,
		displayOptions: { show: { ...show, deleteWhat: ['systemId'] } },
	},
	{
		displayName: 'ID',
		name: 'unlinkId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { ...show, deleteWhat: ['systemId'] } },
	},
];

/** Deletes an entity with its index entries, or unlinks one system's ID. Deleting what is not there is not an error. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const table = await xrefTable(this, itemIndex);
	if (this.getNodeParameter('deleteWhat', itemIndex) === 'systemId') {
		const system = this.getNodeParameter('unlinkSystem', itemIndex) as string;
		const id = this.getNodeParameter('unlinkId', itemIndex) as string;
		const entity = await table.unlink(system, id);
		return entity ? entityJson(table, entity, { deleted: true, unlinked: { [system.trim()]: id.trim() } }) : { table: table.table, deleted: false };
	}
	const entityId = await locate(this, itemIndex, table);
	const deleted = entityId ? await table.deleteEntity(entityId) : undefined;
	return deleted ? entityJson(table, deleted, { deleted: true }) : { table: table.table, ...(entityId ? { id: entityId } : {}), deleted: false };
}
