import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { businessCentralList } from '../../transport';
import { filterOption } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['getAll'] } }, [
	...returnAllOrLimit(),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [filterOption] },
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await businessCentralList(this, { path: 'companies', query: { filter: options.filter as string | undefined }, returnAll, limit, itemIndex });
}
