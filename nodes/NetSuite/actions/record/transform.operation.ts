import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { errorClassOf } from '../../../common/errors';
import { netSuiteRequest } from '../../transport';
import { TRANSFORM_TARGETS } from '../recordTypes';
import { jsonParameter, recordIdOf, recordLocator } from '../shared';
import { recordPath, returnRecordOption, stamp, writeResult } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Source Record Type',
		name: 'sourceType',
		type: 'options',
		default: 'salesOrder',
		options: [
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Purchase Order', value: 'purchaseOrder' },
			{ name: 'Sales Order', value: 'salesOrder' },
		],
	},
	{ ...recordLocator('recordId', 'Source Record'), description: 'The transaction to transform' },
	{
		displayName: 'Into',
		name: 'targetType',
		type: 'options',
		default: 'itemFulfillment',
		options: [
			{ name: 'Credit Memo (From Invoice)', value: 'creditMemo' },
			{ name: 'Customer Payment (From Invoice)', value: 'customerPayment' },
			{ name: 'Invoice (From Sales Order)', value: 'invoice' },
			{ name: 'Item Fulfillment (From Sales Order)', value: 'itemFulfillment' },
			{ name: 'Item Receipt (From Purchase Order)', value: 'itemReceipt' },
			{ name: 'Vendor Bill (From Purchase Order)', value: 'vendorBill' },
		],
	},
	{
		displayName: 'External ID of the New Record',
		name: 'externalId',
		type: 'string',
		default: '',
		placeholder: 'e.g. IF-SHIP-1001',
		description:
			'Set on the record the transform makes. When a record of that type with this External ID exists already, it is output (with "existing": true) and nothing is transformed, so a repeated run creates nothing twice.',
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fields',
		type: 'json',
		default: '{}',
		description: 'Fields to set on the new record (e.g. {"tranDate": "2026-11-23", "memo": "Shipped by 3PL"})',
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [returnRecordOption] },
];

export const description = stamp('transform', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sourceType = this.getNodeParameter('sourceType', itemIndex) as string;
	const targetType = this.getNodeParameter('targetType', itemIndex) as string;
	if (!(TRANSFORM_TARGETS[sourceType] ?? []).includes(targetType)) {
		throw new NodeOperationError(this.getNode(), `Into: a ${sourceType} cannot be transformed into a ${targetType}`, {
			itemIndex,
			description: `From a ${sourceType} NetSuite offers: ${(TRANSFORM_TARGETS[sourceType] ?? []).join(', ')}.`,
		});
	}
	const id = recordIdOf(this, itemIndex, 'recordId', 'Source Record');
	const body = jsonParameter(this, 'fields', 'Fields (JSON)', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const externalId = String(this.getNodeParameter('externalId', itemIndex, '') ?? '').trim();
	const existing = async () => {
		const found = await netSuiteRequest<IDataObject>(this, {
			path: recordPath(targetType, `eid:${encodeURIComponent(externalId)}`),
			qs: options.returnRecord === true ? { expandSubResources: true } : { fields: 'id,externalId' },
			acceptStatus: [404],
			itemIndex,
		});
		if (found.statusCode === 404) return undefined;
		const record = found.body;
		return options.returnRecord === true ? { ...record, existing: true } : { id: String(record.id), recordType: targetType, createdFrom: id, externalId, existing: true };
	};
	if (externalId) {
		const before = await existing();
		if (before) return before;
		body.externalId = externalId;
	}
	try {
		const response = await netSuiteRequest(this, {
			method: 'POST',
			path: `${recordPath(sourceType, id)}/!transform/${targetType}`,
			body,
			itemIndex,
		});
		return await writeResult(this, targetType, response, options.returnRecord === true, itemIndex, { createdFrom: id, ...(externalId ? { externalId, existing: false } : {}) });
	} catch (error) {
		// Another run made it between the look-up and the transform: the External ID is taken, output that record.
		const other = externalId && errorClassOf(error) === 'duplicate' ? await existing() : undefined;
		if (other) return other;
		// Already the node's error from the transport.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
}
