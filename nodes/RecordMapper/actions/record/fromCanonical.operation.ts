import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mappingFields, runMapping } from './mapping';

export const description = mappingFields('fromCanonical');

/** A canonical record as the body a system node writes (a Customer as a NetSuite customer). */
export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<INodeExecutionData> {
	return await runMapping(this, itemIndex, item, 'fromCanonical');
}
