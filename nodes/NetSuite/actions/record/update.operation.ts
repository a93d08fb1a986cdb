import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { netSuiteRequest } from '../../transport';
import {
	canonicalProperty,
	fieldsProperty,
	inputModeProperty,
	nounOf,
	otherRecordTypeProperty,
	recordIdOf,
	recordLocator,
	recordTypeOf,
	recordTypeProperty,
	replaceParam,
	writeBody,
} from '../shared';
import { recordPath, returnRecordOption, stamp, writeResult } from './common';

export const replaceLinesOption: INodeProperties = {
	displayName: 'Replace Sublists',
	name: 'replaceLines',
	type: 'boolean',
	default: true,
	description:
		'Whether sublists given in the fields (e.g. item lines) replace the record’s lines; off adds them to the existing lines',
};

const properties: INodeProperties[] = [
	recordTypeProperty,
	otherRecordTypeProperty,
	recordLocator(),
	inputModeProperty,
	fieldsProperty,
	canonicalProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [replaceLinesOption, returnRecordOption] },
];

export const description = stamp('update', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const recordType = recordTypeOf(this, itemIndex);
	const id = recordIdOf(this, itemIndex);
	const body = writeBody(this, recordType, itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Fields (JSON): give at least one field to update', {
			itemIndex,
			description: `Nothing would change on the ${nounOf(recordType)}.`,
		});
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const replace = replaceParam(body, recordType, options.replaceLines !== false);
	const response = await netSuiteRequest(this, {
		method: 'PATCH',
		path: recordPath(recordType, id),
		qs: replace ? { replace } : undefined,
		body,
		// Setting the same fields twice (sublists replaced) has the same result.
		idempotent: replace !== undefined || !Object.values(body).some((v) => typeof v === 'object' && v !== null && 'items' in (v as object)),
		itemIndex,
	});
	const result = await writeResult(this, recordType, response, options.returnRecord === true, itemIndex);
	return result.id ? result : { ...result, id: id.startsWith('eid:') ? null : id };
}
