import type { IDataObject } from 'n8n-workflow';

import {
	fromChargebeeCreditNote,
	fromChargebeeInvoice,
	fromChargebeeTransaction,
	toChargebeeCreditNote,
	toChargebeeInvoice,
	toChargebeeTransaction,
} from './billing';
import { fromChargebeeCustomer, toChargebeeCustomer } from './customer';
import { fromChargebeeSubscription, toChargebeeSubscription } from './subscription';
import { fromChargebeeUsage, toChargebeeUsage } from './usage';

export { SYSTEM, fromMinor, toMinor } from './common';
export * from './billing';
export { fromChargebeeCustomer, toChargebeeCustomer } from './customer';
export { fromChargebeeSubscription, toChargebeeSubscription } from './subscription';
export { fromChargebeeUsage, toChargebeeUsage } from './usage';

export interface ChargebeeMapping {
	resource: string;
	toCanonical(record: IDataObject): object;
	fromCanonical(canonical: never): IDataObject;
}

/** Canonical type → how Chargebee records convert both ways (used by the Record Mapper). */
export const chargebeeBillingMappings = {
	Customer: { resource: 'customer', toCanonical: fromChargebeeCustomer, fromCanonical: toChargebeeCustomer },
	Agreement: { resource: 'subscription', toCanonical: fromChargebeeSubscription, fromCanonical: toChargebeeSubscription },
	Invoice: { resource: 'invoice', toCanonical: fromChargebeeInvoice, fromCanonical: toChargebeeInvoice },
	CreditMemo: { resource: 'creditNote', toCanonical: fromChargebeeCreditNote, fromCanonical: toChargebeeCreditNote },
	UsageRecord: { resource: 'usage', toCanonical: fromChargebeeUsage, fromCanonical: toChargebeeUsage },
	Payment: { resource: 'transaction', toCanonical: fromChargebeeTransaction, fromCanonical: toChargebeeTransaction },
} satisfies Record<string, ChargebeeMapping>;
