import type { AnyCanonical, CanonicalType } from '../../common/canonical';
import type { Agreement, CreditMemo, Customer, Invoice, UsageRecord } from '../../common/canonical';
import type { StripeRecord } from './common';
import { fromStripeCustomer, toStripeCustomer } from './customer';
import { fromStripeCreditNote, fromStripeInvoice, toStripeCreditNote, toStripeInvoice } from './invoice';
import { fromStripePayment } from './payment';
import { fromStripeSubscription, toStripeSubscription } from './subscription';
import { fromStripeMeterEvent, toStripeMeterEvent } from './usage';

export { SYSTEM } from './common';
export { currencyExponent, fromMinorUnits, toMinorUnits, AmountPrecisionError } from './currency';
export { fromStripeCustomer, toStripeCustomer } from './customer';
export { fromStripeInvoice, fromStripeCreditNote, toStripeInvoice, toStripeCreditNote } from './invoice';
export { fromStripeSubscription, toStripeSubscription } from './subscription';
export { fromStripeMeterEvent, toStripeMeterEvent, UsageMappingError } from './usage';
export { fromStripePayment } from './payment';

export interface StripeMapping<T extends AnyCanonical = AnyCanonical> {
	/** The node resource the canonical type maps to. */
	resource: string;
	toCanonical(record: StripeRecord): T;
	/** Stripe create parameters; undefined for types Stripe creates itself (payments). */
	fromCanonical?(canonical: T): StripeRecord;
}

/** Canonical type → Stripe resource and both directions, for the Record Mapper node. */
export const stripeMappings: Partial<Record<CanonicalType, StripeMapping>> = {
	Customer: { resource: 'customer', toCanonical: fromStripeCustomer, fromCanonical: (c) => toStripeCustomer(c as Customer) },
	Agreement: { resource: 'subscription', toCanonical: fromStripeSubscription, fromCanonical: (c) => toStripeSubscription(c as Agreement) },
	Invoice: { resource: 'invoice', toCanonical: fromStripeInvoice, fromCanonical: (c) => toStripeInvoice(c as Invoice) as unknown as StripeRecord },
	CreditMemo: { resource: 'creditNote', toCanonical: fromStripeCreditNote, fromCanonical: (c) => toStripeCreditNote(c as CreditMemo) },
	UsageRecord: { resource: 'meterEvent', toCanonical: (r) => fromStripeMeterEvent(r), fromCanonical: (c) => toStripeMeterEvent(c as UsageRecord) },
	Payment: { resource: 'payment', toCanonical: fromStripePayment },
};
