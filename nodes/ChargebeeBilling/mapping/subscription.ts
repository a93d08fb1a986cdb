import type { IDataObject } from 'n8n-workflow';

import { compact, toDecimal } from '../../common/canonical';
import type { Agreement } from '../../common/canonical';
import { SYSTEM, dateOf, fromMinor, fromUnix, idsOf, str, toMinor } from './common';

const STATUS: Record<string, Agreement['status']> = {
	active: 'active',
	non_renewing: 'active',
	in_trial: 'trialing',
	future: 'inactive',
	paused: 'paused',
	cancelled: 'cancelled',
	transferred: 'inactive',
};

const UNIT: Record<string, 'day' | 'week' | 'month' | 'year'> = { day: 'day', week: 'week', month: 'month', year: 'year' };

/** A subscription (Product Catalog 2.0) as a canonical Agreement/Subscription. */
export function fromChargebeeSubscription(record: IDataObject): Agreement {
	const currency = record.currency_code;
	const items = (Array.isArray(record.subscription_items) ? record.subscription_items : []) as IDataObject[];
	const plan = items.find((i) => i.item_type === 'plan') ?? items[0];
	return compact({
		type: 'Agreement' as const,
		externalIds: idsOf(record.id),
		source: str(record.id) ? compact({ system: SYSTEM, id: String(record.id), updatedAt: fromUnix(record.updated_at) }) : undefined,
		name: str(plan?.item_price_id),
		customer: { externalIds: idsOf(record.customer_id) },
		plan: plan ? { code: str(plan.item_price_id), externalIds: idsOf(plan.item_price_id) } : undefined,
		status: STATUS[String(record.status)],
		startDate: dateOf(record.started_at ?? record.start_date),
		endDate: dateOf(record.cancelled_at),
		cancelledAt: dateOf(record.cancelled_at),
		cancellationReason: str(record.cancel_reason_code) ?? str(record.cancel_reason),
		billingInterval: UNIT[String(record.billing_period_unit)]
			? { unit: UNIT[String(record.billing_period_unit)], count: Number(record.billing_period ?? 1) }
			: undefined,
		amount: fromMinor(record.mrr, currency),
		currency: str(currency),
		nextBillingDate: dateOf(record.next_billing_at),
		poNumber: str(record.po_number),
		lines: items.map((item) =>
			compact({
				item: { code: str(item.item_price_id), externalIds: idsOf(item.item_price_id) },
				description: str(item.item_type),
				quantity: toDecimal(item.quantity),
				unitPrice: fromMinor(item.unit_price, currency),
				amount: fromMinor(item.amount, currency),
			}),
		),
	});
}

/** A canonical Agreement as the body of `POST /customers/{id}/subscription_for_items`. */
export function toChargebeeSubscription(agreement: Agreement): IDataObject {
	return compact({
		id: agreement.externalIds?.[SYSTEM],
		po_number: agreement.poNumber,
		subscription_items: (agreement.lines ?? []).map((line) =>
			compact({
				item_price_id: line.item?.externalIds?.[SYSTEM] ?? line.item?.code ?? line.item?.sku,
				quantity: line.quantity !== undefined ? Number(line.quantity) : undefined,
				unit_price: toMinor(line.unitPrice, agreement.currency),
			}),
		),
	}) as IDataObject;
}

