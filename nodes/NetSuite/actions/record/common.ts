import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idFromLocation, netSuiteApi, netSuiteRequest } from '../../transport';

export function stamp(operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['record'], operation: [operation] } }, properties);
}

export function recordPath(recordType: string, id?: string): string {
	return `/record/v1/${recordType}${id ? `/${id}` : ''}`;
}

export async function fetchRecord(ctx: IExecuteFunctions, recordType: string, id: string, itemIndex: number, qs: IDataObject = {}): Promise<IDataObject> {
	return await netSuiteApi<IDataObject>(ctx, {
		path: recordPath(recordType, id),
		qs: { expandSubResources: true, ...qs },
		itemIndex,
	});
}

export const returnRecordOption: INodeProperties = {
	displayName: 'Return Full Record',
	name: 'returnRecord',
	type: 'boolean',
	default: false,
	description: 'Whether to read the record after the write and output it (one more request); otherwise the output is its ID',
};

/**
 * NetSuite answers a write with 204 and the record's URL in `Location`: the output is its internal
 * id, or the full record when asked for.
 */
export async function writeResult(
	ctx: IExecuteFunctions,
	recordType: string,
	response: { headers: Record<string, string> },
	returnRecord: boolean,
	itemIndex: number,
	extra: IDataObject = {},
): Promise<IDataObject> {
	const id = idFromLocation(response.headers.location);
	if (returnRecord && id) return await fetchRecord(ctx, recordType, id, itemIndex);
	return { id: id ?? null, recordType, ...extra, location: response.headers.location ?? null };
}

export { netSuiteRequest };
