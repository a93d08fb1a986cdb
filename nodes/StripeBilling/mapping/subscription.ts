import type { Agreement, AgreementLine, Interval } from '../../common/canonical';
import { multiplyDecimals, addDecimals } from '../../common/canonical';
import { compact, date, metadataOf, obj, ref, str, stripeId, SYSTEM, type StripeRecord } from './common';
import { fromMinorUnits } from './currency';

const STATUS: Record<string, Agreement['status']> = {
	active: 'active',
	trialing: 'trialing',
	past_due: 'active',
	unpaid: 'active',
	paused: 'paused',
	canceled: 'cancelled',
	incomplete: 'inactive',
	incomplete_expired: 'expired',
};

function interval(recurring: StripeRecord | undefined): Interval | undefined {
	const unit = str(recurring?.interval);
	if (unit !== 'day' && unit !== 'week' && unit !== 'month' && unit !== 'year') return undefined;
	return { unit, count: Number(recurring?.interval_count ?? 1) };
}

function line(item: StripeRecord, currency: string): AgreementLine {
	const price = obj(item.price) ?? {};
	const unitPrice = fromMinorUnits(price.unit_amount_decimal ?? price.unit_amount, currency);
	const quantity = item.quantity !== undefined && item.quantity !== null ? String(item.quantity) : undefined;
	const metered = obj(price.recurring)?.usage_type === 'metered';
	return compact<AgreementLine>({
		externalIds: { [SYSTEM]: String(item.id) },
		item: compact({ externalIds: { [SYSTEM]: String(price.id) }, sku: str(price.lookup_key), name: str(price.nickname) }),
		description: str(price.nickname),
		quantity,
		unitOfMeasure: metered ? 'metered' : undefined,
		unitPrice,
		amount: unitPrice !== undefined && quantity !== undefined && !metered ? multiplyDecimals(unitPrice, quantity) : undefined,
		effectiveDate: date(item.created),
	});
}

/** A Stripe subscription as a canonical Agreement (billing systems call agreements subscriptions). */
export function fromStripeSubscription(subscription: StripeRecord): Agreement {
	const currency = str(subscription.currency) ?? 'usd';
	const items = ((obj(subscription.items)?.data as StripeRecord[] | undefined) ?? []).map((item) => obj(item) ?? {});
	const lines = items.map((item) => line(item, currency));
	const firstPrice = obj(items[0]?.price);
	const amounts = lines.map((l) => l.amount).filter((a): a is string => a !== undefined);
	const periodEnd = items.map((i) => i.current_period_end).find((v) => typeof v === 'number');
	return compact<Agreement>({
		type: 'Agreement',
		externalIds: { [SYSTEM]: String(subscription.id) },
		source: { system: SYSTEM, id: String(subscription.id) },
		name: str(subscription.description) ?? metadataOf(subscription)?.agreement,
		customer: ref(subscription.customer) ?? {},
		plan: firstPrice ? compact({ externalIds: { [SYSTEM]: String(firstPrice.id) }, code: str(firstPrice.lookup_key), name: str(firstPrice.nickname) }) : undefined,
		status: STATUS[str(subscription.status) ?? ''],
		startDate: date(subscription.start_date),
		endDate: date(subscription.ended_at) ?? date(subscription.cancel_at),
		cancelledAt: date(subscription.canceled_at),
		cancellationReason: str(obj(subscription.cancellation_details)?.reason),
		billingInterval: interval(obj(firstPrice?.recurring)),
		amount: amounts.length ? addDecimals(...amounts) : undefined,
		currency: currency.toUpperCase(),
		nextBillingDate: date(periodEnd),
		lines,
		notes: str(subscription.description),
		extensions: { [SYSTEM]: compact({ status: subscription.status, collectionMethod: subscription.collection_method, metadata: metadataOf(subscription) }) },
	});
}

/** Create parameters of a subscription from a canonical Agreement: each line's item must carry a Stripe price id. */
export function toStripeSubscription(agreement: Agreement): StripeRecord {
	const items: StripeRecord[] = (agreement.lines ?? [])
		.map((l) => compact({ price: stripeId(l.item), quantity: l.unitOfMeasure === 'metered' ? undefined : l.quantity }))
		.filter((i) => i.price !== undefined);
	if (items.length === 0 && stripeId(agreement.plan)) items.push({ price: stripeId(agreement.plan) });
	return compact({
		customer: stripeId(agreement.customer),
		items,
		description: agreement.notes ?? agreement.name,
		metadata: agreement.poNumber ? { po_number: agreement.poNumber } : undefined,
	});
}
