import type { Agreement, Interval } from '../../common/canonical';
import { compact, decimal, fromIdName, haloDate, identity, isoDate, num, ownId, str, toId } from './common';
import type { HaloRecord } from './common';

const PERIODS: Record<string, Interval> = {
	weekly: { unit: 'week', count: 1 },
	monthly: { unit: 'month', count: 1 },
	quarterly: { unit: 'month', count: 3 },
	yearly: { unit: 'year', count: 1 },
	annually: { unit: 'year', count: 1 },
};

function periodTo(interval: Interval | undefined): string | undefined {
	if (!interval) return undefined;
	return Object.entries(PERIODS).find(([, i]) => i.unit === interval.unit && i.count === interval.count)?.[0];
}

/** A Halo client contract (`ClientContract`) as a canonical Agreement. */
export function fromHaloContract(contract: HaloRecord, today = new Date().toISOString().slice(0, 10)): Agreement {
	const end = isoDate(contract.end_date);
	const period = str(contract.billingperiod)?.toLowerCase();
	return compact<Agreement>({
		type: 'Agreement',
		...identity(contract),
		name: str(contract.ref),
		customer: fromIdName(contract.client_id, contract.client_name) ?? { externalIds: {} },
		status: contract.active === false ? 'inactive' : end !== undefined && end < today ? 'expired' : 'active',
		startDate: isoDate(contract.start_date),
		endDate: end,
		billingInterval: period ? PERIODS[period] : undefined,
		amount: decimal(contract.periodchargeamount),
		notes: str(contract.billing_description),
	});
}

export function toHaloContract(agreement: Agreement): HaloRecord {
	return compact({
		id: ownId(agreement),
		ref: agreement.name,
		client_id: toId(agreement.customer),
		start_date: haloDate(agreement.startDate),
		end_date: haloDate(agreement.endDate),
		billingperiod: periodTo(agreement.billingInterval),
		periodchargeamount: num(agreement.amount),
		billing_description: agreement.notes,
		active: agreement.status === undefined ? undefined : agreement.status === 'active' || agreement.status === 'trialing',
	});
}
