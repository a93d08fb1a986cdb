import type { IDataObject } from 'n8n-workflow';

import type { Agreement, AnyCanonical, CanonicalType, Customer, Expense, Invoice, Project, TimeEntry } from '../../common/canonical';
import { fromAutotaskCompany, toAutotaskCompany } from './company';
import { fromAutotaskContract, toAutotaskContract } from './contract';
import { fromAutotaskExpenseItem, toAutotaskExpenseItem } from './expense';
import { fromAutotaskInvoice, toAutotaskInvoice } from './invoice';
import { fromAutotaskProject, toAutotaskProject } from './project';
import { fromAutotaskTimeEntry, toAutotaskTimeEntry } from './timeEntry';

export { SYSTEM } from './common';
export { COMPANY_TYPES, fromAutotaskCompany, toAutotaskCompany } from './company';
export { fromAutotaskContract, toAutotaskContract } from './contract';
export { fromAutotaskExpenseItem, toAutotaskExpenseItem } from './expense';
export { fromAutotaskInvoice, toAutotaskInvoice } from './invoice';
export { fromAutotaskProject, toAutotaskProject } from './project';
export { fromAutotaskTimeEntry, toAutotaskTimeEntry } from './timeEntry';

/** One canonical type as an Autotask resource of the node, both ways. */
export interface CanonicalMapping<C extends AnyCanonical = AnyCanonical> {
	type: CanonicalType;
	resource: string;
	toCanonical(record: IDataObject): C;
	fromCanonical(canonical: C): IDataObject;
}

function mapping<C extends AnyCanonical>(
	type: C['type'],
	resource: string,
	toCanonical: (record: IDataObject) => C,
	fromCanonical: (canonical: C) => IDataObject,
): CanonicalMapping {
	return { type, resource, toCanonical, fromCanonical: fromCanonical as (c: AnyCanonical) => IDataObject };
}

/** The canonical types Autotask PSA maps, the same ones the ConnectWise PSA node maps. */
export const autotaskMappings = {
	Customer: mapping<Customer>('Customer', 'company', fromAutotaskCompany, toAutotaskCompany),
	Project: mapping<Project>('Project', 'project', fromAutotaskProject, toAutotaskProject),
	TimeEntry: mapping<TimeEntry>('TimeEntry', 'timeEntry', fromAutotaskTimeEntry, toAutotaskTimeEntry),
	Expense: mapping<Expense>('Expense', 'expenseItem', fromAutotaskExpenseItem, toAutotaskExpenseItem),
	Agreement: mapping<Agreement>('Agreement', 'contract', fromAutotaskContract, toAutotaskContract),
	Invoice: mapping<Invoice>('Invoice', 'invoice', fromAutotaskInvoice, toAutotaskInvoice),
} satisfies Partial<Record<CanonicalType, CanonicalMapping>>;
