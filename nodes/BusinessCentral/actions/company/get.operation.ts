import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { businessCentralApi } from '../../transport';
import { companyLocator } from '../common.descriptions';
import { guidParameter } from '../operations';

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['get'] } }, [companyLocator]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = guidParameter(this, 'companyId', 'Company', itemIndex);
	return await businessCentralApi<IDataObject>(this, { path: `companies(${id})`, itemIndex });
}
