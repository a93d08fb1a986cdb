import type { IDataObject } from 'n8n-workflow';

import { compact, toDecimal } from '../../common/canonical';
import type { UsageRecord } from '../../common/canonical';
import { SYSTEM, fromUnix, idsOf, str, toUnix } from './common';

export function fromChargebeeUsage(record: IDataObject): UsageRecord {
	return compact({
		type: 'UsageRecord' as const,
		externalIds: idsOf(record.id),
		source: str(record.id) ? compact({ system: SYSTEM, id: String(record.id), updatedAt: fromUnix(record.updated_at) }) : undefined,
		agreement: { externalIds: idsOf(record.subscription_id) },
		item: { code: str(record.item_price_id), externalIds: idsOf(record.item_price_id) },
		metric: String(record.item_price_id ?? ''),
		quantity: toDecimal(record.quantity) ?? '0',
		timestamp: fromUnix(record.usage_date) ?? '',
		action: 'increment' as const,
		idempotencyKey: str(record.id),
	});
}

/** A canonical UsageRecord as the body of `POST /subscriptions/{id}/usages` (subscription id in `agreement`). */
export function toChargebeeUsage(usage: UsageRecord): IDataObject {
	return compact({
		id: usage.idempotencyKey ?? usage.externalIds?.[SYSTEM],
		subscription_id: usage.agreement?.externalIds?.[SYSTEM],
		item_price_id: usage.item?.externalIds?.[SYSTEM] ?? usage.item?.code ?? usage.metric,
		quantity: usage.quantity,
		usage_date: toUnix(usage.timestamp),
	}) as IDataObject;
}
