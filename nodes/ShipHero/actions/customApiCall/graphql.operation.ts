import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shipHeroConnection, shipHeroGraphql } from '../../transport';
import { jsonObject, stamp } from '../operations';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 8 },
		default: '',
		required: true,
		placeholder: 'query ($first: Int!, $after: String) { orders { request_id complexity data(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ID order_number } } } } }',
		description: 'A GraphQL query or mutation sent with the credential; credits and throttling are handled as for every other operation',
	},
	{ displayName: 'Variables (JSON)', name: 'variables', type: 'json', default: '{}' },
	{
		displayName: 'Follow Pages of Root Field',
		name: 'connectionRoot',
		type: 'string',
		default: '',
		placeholder: 'e.g. orders',
		description: 'A root field whose data is a connection: the query (with $first and $after variables) is repeated for every page and each node is output. Empty sends the query once and outputs the data.',
	},
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { hide: { connectionRoot: [''] } },
	},
];

export const description = stamp('customApiCall', 'graphql', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = String(this.getNodeParameter('query', itemIndex, '')).trim();
	if (!query) throw new NodeOperationError(this.getNode(), 'Query is required', { itemIndex });
	const variables = jsonObject(this, 'variables', 'Variables', itemIndex) ?? {};
	const root = String(this.getNodeParameter('connectionRoot', itemIndex, '')).trim();
	if (root) {
		const pageSize = this.getNodeParameter('pageSize', itemIndex, 50) as number;
		return await shipHeroConnection(this, { query, variables, rootField: root, returnAll: true, pageSize, itemIndex });
	}
	return [await shipHeroGraphql<IDataObject>(this, { query, variables, itemIndex })];
}
