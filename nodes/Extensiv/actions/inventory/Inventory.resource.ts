import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { fromExtensivStockSummary } from '../../mapping';
import { extensivList } from '../../transport';
import type { OperationModule } from '../shared';
import { andRql, outputOption, rqlOption, stamp } from '../shared';

const getAll: OperationModule = {
	description: stamp('inventory', 'getAll', [
		...returnAllOrLimit(),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{ displayName: 'Customer ID', name: 'customerId', type: 'number', default: 0, description: 'Only this customer’s stock' },
				{ displayName: 'Facility ID', name: 'facilityId', type: 'number', default: 0, description: 'Only this warehouse' },
				outputOption([{ name: 'Canonical Inventory Level', value: 'canonical' }]),
				{ ...rqlOption, placeholder: 'e.g. itemIdentifier.sku==WID-100*;available=gt=0' },
			],
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const rql = andRql(
			Number(options.facilityId) > 0 ? `facilityId==${Number(options.facilityId)}` : undefined,
			Number(options.customerId) > 0 ? `customerId==${Number(options.customerId)}` : undefined,
			typeof options.rql === 'string' ? options.rql.trim() : undefined,
		);
		const records = await extensivList(this, { path: '/inventory/stocksummaries', qs: rql ? { rql } : {}, returnAll, limit, itemIndex });
		return options.output === 'canonical' ? records.map((r) => fromExtensivStockSummary(r) as unknown as IDataObject) : records;
	},
};

export const operations = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get stock summaries: on hand, allocated and available per item and facility',
				action: 'Get stock summaries',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
