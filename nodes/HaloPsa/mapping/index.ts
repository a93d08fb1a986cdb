import type { IDataObject } from 'n8n-workflow';

import type { AnyCanonical, CanonicalType } from '../../common/canonical';
import { fromHaloContract, toHaloContract } from './agreement';
import { fromHaloClient, toHaloClient } from './customer';
import { fromHaloExpense, toHaloExpense } from './expense';
import { fromHaloInvoice, toHaloInvoice } from './invoice';
import { fromHaloProject, toHaloProject } from './project';
import { fromHaloAction, toHaloAction } from './timeEntry';

export { SYSTEM } from './common';
export * from './agreement';
export * from './customer';
export * from './expense';
export * from './invoice';
export * from './project';
export * from './timeEntry';

export interface HaloMapping {
	/** The node's resource for this canonical type. */
	resource: string;
	toCanonical(record: IDataObject): AnyCanonical;
	fromCanonical(canonical: AnyCanonical): IDataObject;
}

/** HaloPSA ↔ canonical model, for the Record Mapper and the node's Canonical input/output. */
export const haloPsaMappings: Partial<Record<CanonicalType, HaloMapping>> = {
	Customer: { resource: 'client', toCanonical: fromHaloClient, fromCanonical: (c) => toHaloClient(c as never) },
	Project: { resource: 'project', toCanonical: fromHaloProject, fromCanonical: (c) => toHaloProject(c as never) },
	TimeEntry: { resource: 'action', toCanonical: fromHaloAction, fromCanonical: (c) => toHaloAction(c as never) },
	Expense: { resource: 'expense', toCanonical: fromHaloExpense, fromCanonical: (c) => toHaloExpense(c as never) },
	Agreement: { resource: 'contract', toCanonical: (r) => fromHaloContract(r), fromCanonical: (c) => toHaloContract(c as never) },
	Invoice: { resource: 'invoice', toCanonical: fromHaloInvoice, fromCanonical: (c) => toHaloInvoice(c as never) },
};
