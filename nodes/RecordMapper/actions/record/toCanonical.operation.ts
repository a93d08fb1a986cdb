import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mappingFields, runMapping } from './mapping';

export const description = mappingFields('toCanonical');

/** A system record (e.g. a ConnectWise company) as a canonical record (a Customer). */
export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<INodeExecutionData> {
	return await runMapping(this, itemIndex, item, 'toCanonical');
}
