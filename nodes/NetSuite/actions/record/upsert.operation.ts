import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { netSuiteRequest } from '../../transport';
import { EXTERNAL_ID_KEY } from '../../mapping';
import { canonicalProperty, checkRequired, fieldsProperty, inputModeProperty, otherRecordTypeProperty, recordTypeOf, recordTypeProperty, replaceParam, writeBody } from '../shared';
import { recordPath, returnRecordOption, stamp, writeResult } from './common';
import { replaceLinesOption } from './update.operation';

const properties: INodeProperties[] = [
	recordTypeProperty,
	otherRecordTypeProperty,
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. WEB-70001',
		description:
			'The record’s External ID: the record with it is updated, or created when there is none. Repeating the same upsert leaves one record.',
	},
	inputModeProperty,
	fieldsProperty,
	canonicalProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [replaceLinesOption, returnRecordOption] },
];

export const description = stamp('upsert', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const recordType = recordTypeOf(this, itemIndex);
	const body = writeBody(this, recordType, itemIndex);
	let externalId = String(this.getNodeParameter('externalId', itemIndex, '') ?? '').trim();
	if (!externalId && typeof body.externalId === 'string') externalId = body.externalId;
	if (!externalId) {
		throw new NodeOperationError(this.getNode(), 'External ID is required to upsert a record', {
			itemIndex,
			description: `Enter the External ID, or give canonical input with externalIds.${EXTERNAL_ID_KEY}.`,
		});
	}
	// The external id is in the URL; NetSuite refuses it in the body as well.
	delete body.externalId;
	checkRequired(this, recordType, body, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const replace = replaceParam(body, recordType, options.replaceLines !== false);
	const response = await netSuiteRequest(this, {
		method: 'PUT',
		path: recordPath(recordType, `eid:${encodeURIComponent(externalId)}`),
		qs: replace ? { replace } : undefined,
		body,
		idempotent: true,
		itemIndex,
	});
	return await writeResult(this, recordType, response, options.returnRecord === true, itemIndex, { externalId });
}
