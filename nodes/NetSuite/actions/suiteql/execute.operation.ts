import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { netSuiteMappings } from '../../mapping';
import { suiteQlRows } from '../../transport/suiteql';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		required: true,
		placeholder: "SELECT id, tranid, foreigntotal FROM transaction WHERE type = 'SalesOrd' ORDER BY id",
		description: 'A SuiteQL SELECT. For Return All past 100,000 rows, select a unique key and end with ORDER BY that key.',
	},
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Key Column',
				name: 'keyColumn',
				type: 'string',
				default: 'id',
				description:
					'A unique column the query is ordered by (ORDER BY it). NetSuite pages only the first 100,000 rows; past them the query is re-run with "key > last value".',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'raw',
				options: [
					{ name: 'Raw Rows', value: 'raw' },
					{ name: 'Canonical Inventory Level', value: 'InventoryLevel', description: 'Rows of inventoryitemlocations (item, location, quantityonhand, …)' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['suiteql'], operation: ['execute'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = String(this.getNodeParameter('query', itemIndex, '') ?? '').trim();
	if (!/^(select|with)\b/i.test(query)) {
		throw new NodeOperationError(this.getNode(), 'Query: enter a SuiteQL SELECT statement', {
			itemIndex,
			description: 'SuiteQL is read-only; records are written with the Record resource.',
		});
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const rows = await suiteQlRows(this, query, { returnAll, limit, keyColumn: (options.keyColumn as string) || 'id', itemIndex });
	if (options.output === 'InventoryLevel') return rows.map((row) => netSuiteMappings.InventoryLevel.toCanonical(row) as unknown as IDataObject);
	return rows;
}
