import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkRow } from '../../core/valueMaps';
import { valueMapStore } from '../common';
import { mapNameField, SYSTEM_HINT } from './common';

const show = { resource: ['valueMap'], operation: ['delete'] };
const rowShow = { show: { ...show, deleteWhat: ['row'] } };

export const description: INodeProperties[] = [
	mapNameField(['delete']),
	{
		displayName: 'Delete',
		name: 'deleteWhat',
		type: 'options',
		noDataExpression: true,
		default: 'row',
		options: [
			{ name: 'One Row', value: 'row' },
			{ name: 'Whole Map', value: 'map' },
		],
		displayOptions: { show },
	},
	{ displayName: 'From System', name: 'fromSystem', type: 'string', required: true, default: '', description: SYSTEM_HINT, displayOptions: rowShow },
	{ displayName: 'From Value', name: 'fromValue', type: 'string', required: true, default: '', displayOptions: rowShow },
	{ displayName: 'To System', name: 'toSystem', type: 'string', required: true, default: 'canonical', description: SYSTEM_HINT, displayOptions: rowShow },
];

/** Deletes one row (by from system, from value and to system) or a whole map. Deleting nothing is not an error. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const map = (this.getNodeParameter('mapName', itemIndex) as string).trim();
	const store = await valueMapStore(this, itemIndex);
	if (this.getNodeParameter('deleteWhat', itemIndex) === 'map') return { map, deleted: await store.deleteMap(map) };
	const key = checkRow(
		{
			fromSystem: this.getNodeParameter('fromSystem', itemIndex),
			fromValue: this.getNodeParameter('fromValue', itemIndex),
			toSystem: this.getNodeParameter('toSystem', itemIndex),
			toValue: '-',
		},
		`"${map}" row to delete`,
	);
	const count = await store.deleteRows(map, [key]);
	return { map, fromSystem: key.fromSystem, fromValue: key.fromValue, toSystem: key.toSystem, deleted: count > 0 };
}
