import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { otherRecordTypeProperty, outputOptions, recordIdOf, recordLocator, recordTypeOf, recordTypeProperty, toOutput } from '../shared';
import { fetchRecord, stamp } from './common';

const properties: INodeProperties[] = [
	recordTypeProperty,
	otherRecordTypeProperty,
	recordLocator(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Expand Sublists',
				name: 'expandSubResources',
				type: 'boolean',
				default: true,
				description: 'Whether to include sublist lines (e.g. item lines of a transaction)',
			},
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: 'e.g. companyName,email',
				description: 'Comma-separated REST field IDs to return; empty returns all',
			},
			outputOptions(['customer', 'vendor', 'items', 'orders', 'fulfillments', 'invoices', 'credit memos', 'payments']),
		],
	},
];

export const description = stamp('get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const recordType = recordTypeOf(this, itemIndex);
	const id = recordIdOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields = typeof options.fields === 'string' && options.fields.trim() ? options.fields.replace(/\s+/g, '') : undefined;
	const record = await fetchRecord(this, recordType, id, itemIndex, {
		expandSubResources: options.expandSubResources !== false,
		...(fields ? { fields } : {}),
	});
	return toOutput(recordType, options.output, [record]);
}
