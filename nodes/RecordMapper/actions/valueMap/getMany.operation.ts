import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { RecordMapperError } from '../../core/errors';
import { valueMapStore } from '../common';
import { mapNameField, SYSTEM_HINT } from './common';

const show = { resource: ['valueMap'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	mapNameField(['getMany']),
	...returnAllOrLimit().map((field) => ({ ...field, displayOptions: { show: { ...show, ...(field.displayOptions?.show ?? {}) } } })),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'From System', name: 'fromSystem', type: 'string', default: '', description: SYSTEM_HINT },
			{ displayName: 'System (Either Side)', name: 'system', type: 'string', default: '', description: 'Rows from or to this system' },
			{ displayName: 'To System', name: 'toSystem', type: 'string', default: '', description: SYSTEM_HINT },
		],
	},
];

/** The rows of a map, in the order they were first set. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const name = this.getNodeParameter('mapName', itemIndex) as string;
	const doc = await (await valueMapStore(this, itemIndex)).get(name);
	if (!doc) throw new RecordMapperError(`Value map "${name.trim()}" does not exist`, 'not_found', 'Create it with Value Map → Set, or check the spelling.');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { fromSystem?: string; toSystem?: string; system?: string };
	const rows = doc.rows.filter(
		(row) =>
			(!filters.fromSystem || row.fromSystem === filters.fromSystem.trim()) &&
			(!filters.toSystem || row.toSystem === filters.toSystem.trim()) &&
			(!filters.system || row.fromSystem === filters.system.trim() || row.toSystem === filters.system.trim()),
	);
	const limit = this.getNodeParameter('returnAll', itemIndex) ? rows.length : (this.getNodeParameter('limit', itemIndex) as number);
	return rows.slice(0, limit).map((row) => ({ map: doc.name, ...row }));
}
