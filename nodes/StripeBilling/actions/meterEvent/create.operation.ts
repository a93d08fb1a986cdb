import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { UsageRecord } from '../../../common/canonical';
import { toDecimal } from '../../../common/canonical';
import { errorClassOf } from '../../../common/errors';
import { fromStripeMeterEvent, toStripeMeterEvent, UsageMappingError } from '../../mapping';
import { stripeApi } from '../../transport';
import { inputModeProperty, opt, outputOption, requestOptionsProperty } from '../common.descriptions';
import { meterEvent } from '../definitions';
import { canonicalInput, idempotencyKey, stamp } from '../operations';

/*
 * Usage for metered prices. Two layers keep a usage from counting twice: the Idempotency-Key (a
 * re-run of the same input replays Stripe's first answer), and the event `identifier`, which Stripe
 * keeps unique for 24 hours across every request. Without an identifier given, one is derived from
 * the workflow, node and input item, so the same usage sent again by another run is refused by
 * Stripe and reported here as already recorded.
 */

const fieldsOnly = { show: { inputMode: ['fields'] } };

const properties: INodeProperties[] = [
	inputModeProperty('UsageRecord'),
	{
		displayName: 'Event Name or ID',
		name: 'eventName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMeterEventNames' },
		default: '',
		required: true,
		displayOptions: fieldsOnly,
		description: 'The event_name of an active billing meter. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '', required: true, placeholder: 'cus_…', displayOptions: fieldsOnly },
	{ displayName: 'Value', name: 'value', type: 'string', default: '', required: true, placeholder: 'e.g. 25', displayOptions: fieldsOnly, description: 'The usage quantity (a whole or decimal number)' },
	{
		displayName: 'Identifier',
		name: 'identifier',
		type: 'string',
		default: '',
		displayOptions: fieldsOnly,
		description: 'A unique ID of this usage (e.g. your usage row ID); Stripe refuses the same identifier for 24 hours. Empty: derived from the workflow, node and input item.',
	},
	{ displayName: 'Timestamp', name: 'timestamp', type: 'dateTime', default: '', displayOptions: fieldsOnly, description: 'When the usage happened (within the past 35 days); empty means now' },
	{
		displayName: 'Options',
		name: 'meterOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Customer Payload Key', name: 'customerKey', type: 'string', default: 'stripe_customer_id', description: 'The meter’s customer_mapping.event_payload_key' },
			{
				displayName: 'On Duplicate Identifier',
				name: 'onDuplicate',
				type: 'options',
				default: 'recorded',
				options: [
					opt('Output as Already Recorded', 'recorded', 'Stripe already has this usage: output it with duplicate: true'),
					opt('Fail', 'error'),
				],
			},
			outputOption('UsageRecord'),
			{ displayName: 'Value Payload Key', name: 'valueKey', type: 'string', default: 'value', description: 'The meter’s value_settings.event_payload_key' },
		],
	},
	requestOptionsProperty,
];

export const description = stamp(meterEvent, 'create', properties);

function unixSeconds(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = Date.parse(String(value));
	return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

function buildParams(ctx: IExecuteFunctions, itemIndex: number, customerKey: string, valueKey: string): IDataObject {
	if (ctx.getNodeParameter('inputMode', itemIndex, 'fields') === 'canonical') {
		const usage = canonicalInput<UsageRecord>(ctx, itemIndex, 'UsageRecord');
		try {
			return toStripeMeterEvent(usage, customerKey, valueKey) as IDataObject;
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), error instanceof UsageMappingError ? error.message : String(error), { itemIndex });
		}
	}
	const value = toDecimal(ctx.getNodeParameter('value', itemIndex, ''));
	if (value === undefined) throw new NodeOperationError(ctx.getNode(), 'Value must be a number', { itemIndex });
	const customer = String(ctx.getNodeParameter('customerId', itemIndex, '')).trim();
	if (!customer) throw new NodeOperationError(ctx.getNode(), 'Customer ID is required', { itemIndex });
	return {
		event_name: String(ctx.getNodeParameter('eventName', itemIndex, '')).trim(),
		payload: { [customerKey]: customer, [valueKey]: value },
		identifier: String(ctx.getNodeParameter('identifier', itemIndex, '')).trim() || undefined,
		timestamp: unixSeconds(ctx.getNodeParameter('timestamp', itemIndex, '')),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('meterOptions', itemIndex, {}) as IDataObject;
	const customerKey = String(options.customerKey ?? 'stripe_customer_id') || 'stripe_customer_id';
	const valueKey = String(options.valueKey ?? 'value') || 'value';
	const key = idempotencyKey(this, itemIndex, meterEvent, 'create');
	const params = buildParams(this, itemIndex, customerKey, valueKey);
	params.identifier ??= key;
	if (!params.event_name) throw new NodeOperationError(this.getNode(), 'Event Name is required', { itemIndex });
	const output = (record: IDataObject) =>
		options.output === 'canonical' ? (fromStripeMeterEvent(record, customerKey, valueKey) as unknown as IDataObject) : record;
	let failure: unknown;
	try {
		return output(await stripeApi<IDataObject>(this, { method: 'POST', path: meterEvent.path, body: params, idempotencyKey: key, itemIndex }));
	} catch (error) {
		failure = error;
	}
	// Stripe refused the identifier: this usage was recorded by an earlier request.
	if (errorClassOf(failure) !== 'duplicate' || options.onDuplicate === 'error') throw failure;
	const recorded = { object: 'billing.meter_event', event_name: params.event_name, identifier: params.identifier, payload: params.payload, timestamp: params.timestamp };
	return { ...output(recorded as IDataObject), duplicate: true };
}
