import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { netSuiteRequest } from '../../transport';
import { otherRecordTypeProperty, recordIdOf, recordLocator, recordTypeOf, recordTypeProperty } from '../shared';
import { recordPath, stamp } from './common';

const properties: INodeProperties[] = [recordTypeProperty, otherRecordTypeProperty, recordLocator()];

export const description = stamp('delete', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const recordType = recordTypeOf(this, itemIndex);
	const id = recordIdOf(this, itemIndex);
	await netSuiteRequest(this, { method: 'DELETE', path: recordPath(recordType, id), itemIndex });
	return { id, recordType, deleted: true };
}
