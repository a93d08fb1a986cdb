import type { AnyCanonical, SystemMappings } from '../../common/canonical';
import { fromConnectWiseAgreement, toConnectWiseAgreement } from './agreement';
import { fromConnectWiseCompany, toConnectWiseCompany } from './company';
import { fromConnectWiseExpense, toConnectWiseExpense } from './expense';
import { fromConnectWiseInvoice, toConnectWiseInvoice } from './invoice';
import { fromConnectWiseProject, toConnectWiseProject } from './project';
import { fromConnectWiseTimeEntry, toConnectWiseTimeEntry } from './timeEntry';

export { SYSTEM } from './common';
export { fromConnectWiseCompany, toConnectWiseCompany } from './company';
export { fromConnectWiseProject, toConnectWiseProject } from './project';
export { fromConnectWiseTimeEntry, toConnectWiseTimeEntry } from './timeEntry';
export { fromConnectWiseExpense, toConnectWiseExpense } from './expense';
export {
	fromConnectWiseAgreement,
	toConnectWiseAgreement,
	fromConnectWiseAddition,
	toConnectWiseAddition,
} from './agreement';
export { fromConnectWiseInvoice, fromConnectWiseInvoiceProduct, toConnectWiseInvoice } from './invoice';

// The `to…` functions take one canonical type each; the registry is keyed by that type.
const to = <C>(fn: (canonical: C) => object) => (canonical: AnyCanonical) => fn(canonical as C) as Record<string, never>;

/** ConnectWise PSA ↔ canonical model, for the Record Mapper and templates that switch PSA by switching one node. */
export const connectWisePsaMappings: SystemMappings = {
	Customer: { resource: 'company', toCanonical: (r) => fromConnectWiseCompany(r), fromCanonical: to(toConnectWiseCompany) },
	Supplier: { resource: 'company', toCanonical: (r) => fromConnectWiseCompany(r, 'Supplier'), fromCanonical: to(toConnectWiseCompany) },
	Project: { resource: 'project', toCanonical: fromConnectWiseProject, fromCanonical: to(toConnectWiseProject) },
	TimeEntry: { resource: 'timeEntry', toCanonical: fromConnectWiseTimeEntry, fromCanonical: to(toConnectWiseTimeEntry) },
	Expense: { resource: 'expense', toCanonical: fromConnectWiseExpense, fromCanonical: to(toConnectWiseExpense) },
	Agreement: { resource: 'agreement', toCanonical: (r) => fromConnectWiseAgreement(r), fromCanonical: to(toConnectWiseAgreement) },
	Invoice: { resource: 'invoice', toCanonical: (r) => fromConnectWiseInvoice(r), fromCanonical: to(toConnectWiseInvoice) },
};
