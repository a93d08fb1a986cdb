import type { UsageRecord } from '../../common/canonical';
import { toDecimal } from '../../common/canonical';
import { compact, dateTime, obj, str, stripeId, SYSTEM, toSeconds, type StripeRecord } from './common';

/**
 * Usage in Stripe is a billing meter event (API versions from 2025-03-31 have no usage records):
 * `event_name` (the meter), `payload[stripe_customer_id]`, `payload[value]`, `timestamp` and an
 * `identifier` that Stripe keeps unique for 24 hours.
 */
export function fromStripeMeterEvent(event: StripeRecord, customerKey = 'stripe_customer_id', valueKey = 'value'): UsageRecord {
	const payload = obj(event.payload) ?? {};
	const customer = str(payload[customerKey]);
	return compact<UsageRecord>({
		type: 'UsageRecord',
		externalIds: { [SYSTEM]: str(event.identifier) ?? String(event.id ?? '') },
		source: { system: SYSTEM, id: str(event.identifier) ?? String(event.id ?? '') },
		customer: customer ? { externalIds: { [SYSTEM]: customer } } : undefined,
		metric: String(event.event_name ?? ''),
		quantity: toDecimal(payload[valueKey]) ?? '0',
		timestamp: dateTime(event.timestamp) ?? dateTime(event.created) ?? '',
		action: 'increment',
		idempotencyKey: str(event.identifier),
	});
}

export class UsageMappingError extends Error {}

/** Meter event parameters from a canonical UsageRecord; its idempotencyKey becomes the identifier. */
export function toStripeMeterEvent(usage: UsageRecord, customerKey = 'stripe_customer_id', valueKey = 'value'): StripeRecord {
	const customer = stripeId(usage.customer) ?? str(usage.customer?.code);
	if (!customer) throw new UsageMappingError('The usage record has no Stripe customer id (customer.externalIds.stripe)');
	if (usage.action === 'set') {
		throw new UsageMappingError('Stripe meter events add to the period; a "set" usage needs a meter with the "last" aggregation and an increment record');
	}
	const quantity = toDecimal(usage.quantity);
	if (quantity === undefined) throw new UsageMappingError(`The usage quantity "${String(usage.quantity)}" is not a number`);
	return compact({
		event_name: usage.metric,
		payload: { [customerKey]: customer, [valueKey]: quantity },
		identifier: usage.idempotencyKey ?? usage.externalIds?.[SYSTEM],
		timestamp: toSeconds(usage.timestamp),
	});
}
