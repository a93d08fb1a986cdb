import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { extensivList } from '../../transport';
import { pageSizeOption, rqlOption, sortOption, stamp } from '../shared';
import { detailOption, orderAs, orderOutput } from './get.operation';

export const description = stamp('order', 'getAll', [
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [detailOption, orderOutput, pageSizeOption, rqlOption, sortOption],
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { detail: (options.detail as string) || 'OrderItems' };
	if (typeof options.rql === 'string' && options.rql.trim()) qs.rql = options.rql.trim();
	if (typeof options.sort === 'string' && options.sort.trim()) qs.sort = options.sort.trim();
	const pageSize = Number(options.pageSize) > 0 ? Number(options.pageSize) : undefined;
	const records = await extensivList(this, { path: '/orders', qs, returnAll, limit, pageSize, itemIndex });
	return records.map((record) => orderAs(options.output, record));
}
