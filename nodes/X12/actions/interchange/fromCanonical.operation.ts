import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AnyCanonical } from '../../../common/canonical';
import { fromCanonical } from '../../core/mapping';
import type { OperationResult } from '../items';
import { envelope, fail, fileOptions, type EnvelopeOptions } from './generate.operation';

const show = { operation: ['fromCanonical'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Records Field',
		name: 'recordsField',
		type: 'string',
		default: '',
		placeholder: 'levels',
		description:
			'Empty: the input item is the record (a PurchaseOrder, OrderAck, Shipment or Invoice). Otherwise the field holding one record or a list of InventoryLevel (846) or Item (832) records for one document.',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [...fileOptions],
	},
];

/** One interchange per input item: the canonical record(s) as their X12 set (850, 855, 856, 810, 846, 832), enveloped for the trading partner. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const { json } = this.getInputData()[itemIndex];
	const field = (this.getNodeParameter('recordsField', itemIndex, '') as string).trim();
	const value = field ? json[field] : json;
	if (value === undefined || value === null || typeof value !== 'object') {
		fail(this, itemIndex, field ? `Field "${field}" does not hold a canonical record or a list of them` : 'The input item is not a canonical record');
	}
	let mapped;
	try {
		mapped = fromCanonical(value as unknown as AnyCanonical | AnyCanonical[]);
	} catch (error) {
		fail(this, itemIndex, (error as Error).message);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as EnvelopeOptions;
	const item = await envelope(this, itemIndex, [{ functionalId: mapped.functionalId, sets: [{ id: mapped.setId, segments: mapped.segments }] }], options);
	const out = { ...item.json, type: (value as IDataObject).type ?? 'list' };
	return { items: [{ ...item, json: options.includeInputFields ? { ...json, ...out } : out }] };
}
