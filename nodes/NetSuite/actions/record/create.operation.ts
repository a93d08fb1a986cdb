import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { netSuiteRequest } from '../../transport';
import { canonicalProperty, checkRequired, fieldsProperty, inputModeProperty, otherRecordTypeProperty, recordTypeOf, recordTypeProperty, writeBody } from '../shared';
import { recordPath, returnRecordOption, stamp, writeResult } from './common';

const properties: INodeProperties[] = [
	recordTypeProperty,
	otherRecordTypeProperty,
	{
		displayName:
			'Create is not safe to repeat: a retried run makes a second record. Use Upsert (by External ID) when the same input may arrive again.',
		name: 'createNotice',
		type: 'notice',
		default: '',
	},
	inputModeProperty,
	fieldsProperty,
	canonicalProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [returnRecordOption] },
];

export const description = stamp('create', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const recordType = recordTypeOf(this, itemIndex);
	const body = writeBody(this, recordType, itemIndex);
	checkRequired(this, recordType, body, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await netSuiteRequest(this, { method: 'POST', path: recordPath(recordType), body, itemIndex });
	return await writeResult(this, recordType, response, options.returnRecord === true, itemIndex);
}
