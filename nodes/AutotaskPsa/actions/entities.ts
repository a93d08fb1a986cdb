import type { IDataObject } from 'n8n-workflow';

import { autotaskMappings } from '../mapping';
import type { CanonicalMapping } from '../mapping';

export type CrudOperation = 'get' | 'getAll' | 'create' | 'update' | 'delete';

/** One Autotask entity as the node exposes it; the operation builders read it. */
export interface EntityDef {
	resource: string;
	displayName: string;
	/** Lower-case singular and plural used in texts. */
	noun: string;
	plural: string;
	/** The entity's collection under v1.0 (`Tickets`); get and query use it. */
	entity: string;
	/**
	 * For child collections: writes go to `{parent.entity}/{parentId}/{child}` and the record holds the
	 * parent's id in `parent.field`.
	 */
	parent?: { entity: string; child: string; field: string; displayName: string };
	operations: CrudOperation[];
	/** The field searched by the "From List" picker, and how a record is labelled there. */
	searchField: string;
	label: (record: IDataObject) => string;
	canonical?: CanonicalMapping;
}

const text = (...values: unknown[]) =>
	values
		.filter((v) => v !== undefined && v !== null && v !== '')
		.map(String)
		.join(' ')
		.trim();

const withId = (record: IDataObject, ...values: unknown[]) => text(...values) || `#${String(record.id)}`;

export const ENTITIES: EntityDef[] = [
	{
		resource: 'company',
		displayName: 'Company',
		noun: 'company',
		plural: 'companies',
		entity: 'Companies',
		operations: ['get', 'getAll', 'create', 'update'],
		searchField: 'companyName',
		label: (r) => withId(r, r.companyName),
		canonical: autotaskMappings.Customer,
	},
	{
		resource: 'contact',
		displayName: 'Contact',
		noun: 'contact',
		plural: 'contacts',
		entity: 'Contacts',
		parent: { entity: 'Companies', child: 'Contacts', field: 'companyID', displayName: 'Company ID' },
		operations: ['get', 'getAll', 'create', 'update', 'delete'],
		searchField: 'lastName',
		label: (r) => withId(r, r.firstName, r.lastName, r.emailAddress ? `<${String(r.emailAddress)}>` : ''),
	},
	{
		resource: 'ticket',
		displayName: 'Ticket',
		noun: 'ticket',
		plural: 'tickets',
		entity: 'Tickets',
		operations: ['get', 'getAll', 'create', 'update'],
		searchField: 'title',
		label: (r) => withId(r, r.ticketNumber, r.title),
	},
	{
		resource: 'ticketNote',
		displayName: 'Ticket Note',
		noun: 'ticket note',
		plural: 'ticket notes',
		entity: 'TicketNotes',
		parent: { entity: 'Tickets', child: 'Notes', field: 'ticketID', displayName: 'Ticket ID' },
		operations: ['get', 'getAll', 'create', 'update'],
		searchField: 'title',
		label: (r) => withId(r, r.title),
	},
	{
		resource: 'project',
		displayName: 'Project',
		noun: 'project',
		plural: 'projects',
		entity: 'Projects',
		operations: ['get', 'getAll', 'create', 'update'],
		searchField: 'projectName',
		label: (r) => withId(r, r.projectNumber, r.projectName),
		canonical: autotaskMappings.Project,
	},
	{
		resource: 'task',
		displayName: 'Task',
		noun: 'task',
		plural: 'tasks',
		entity: 'Tasks',
		parent: { entity: 'Projects', child: 'Tasks', field: 'projectID', displayName: 'Project ID' },
		operations: ['get', 'getAll', 'create', 'update', 'delete'],
		searchField: 'title',
		label: (r) => withId(r, r.taskNumber, r.title),
	},
	{
		resource: 'timeEntry',
		displayName: 'Time Entry',
		noun: 'time entry',
		plural: 'time entries',
		entity: 'TimeEntries',
		operations: ['get', 'getAll', 'create', 'update', 'delete'],
		searchField: 'summaryNotes',
		label: (r) => withId(r, r.dateWorked ? String(r.dateWorked).slice(0, 10) : '', r.hoursWorked !== undefined ? `${String(r.hoursWorked)} h` : ''),
		canonical: autotaskMappings.TimeEntry,
	},
	{
		resource: 'expenseReport',
		displayName: 'Expense Report',
		noun: 'expense report',
		plural: 'expense reports',
		entity: 'ExpenseReports',
		operations: ['get', 'getAll', 'create', 'update'],
		searchField: 'name',
		label: (r) => withId(r, r.name),
	},
	{
		resource: 'expenseItem',
		displayName: 'Expense Item',
		noun: 'expense item',
		plural: 'expense items',
		entity: 'ExpenseItems',
		parent: { entity: 'ExpenseReports', child: 'Items', field: 'expenseReportID', displayName: 'Expense Report ID' },
		operations: ['get', 'getAll', 'create', 'update', 'delete'],
		searchField: 'description',
		label: (r) => withId(r, r.description),
		canonical: autotaskMappings.Expense,
	},
	{
		resource: 'contract',
		displayName: 'Contract',
		noun: 'contract',
		plural: 'contracts',
		entity: 'Contracts',
		operations: ['get', 'getAll', 'create', 'update'],
		searchField: 'contractName',
		label: (r) => withId(r, r.contractNumber, r.contractName),
		canonical: autotaskMappings.Agreement,
	},
	{
		resource: 'contractService',
		displayName: 'Contract Service',
		noun: 'contract service',
		plural: 'contract services',
		entity: 'ContractServices',
		parent: { entity: 'Contracts', child: 'Services', field: 'contractID', displayName: 'Contract ID' },
		operations: ['get', 'getAll', 'create', 'update'],
		searchField: 'invoiceDescription',
		label: (r) => withId(r, r.invoiceDescription),
	},
	{
		resource: 'billingItem',
		displayName: 'Billing Item',
		noun: 'billing item',
		plural: 'billing items',
		entity: 'BillingItems',
		operations: ['get', 'getAll', 'update'],
		searchField: 'description',
		label: (r) => withId(r, r.itemDate ? String(r.itemDate).slice(0, 10) : '', r.description),
	},
	{
		resource: 'invoice',
		displayName: 'Invoice',
		noun: 'invoice',
		plural: 'invoices',
		entity: 'Invoices',
		operations: ['get', 'getAll', 'update'],
		searchField: 'invoiceNumber',
		label: (r) => withId(r, r.invoiceNumber),
		canonical: autotaskMappings.Invoice,
	},
	{
		resource: 'resource',
		displayName: 'Resource',
		noun: 'resource',
		plural: 'resources',
		entity: 'Resources',
		operations: ['get', 'getAll', 'update'],
		searchField: 'lastName',
		label: (r) => withId(r, r.firstName, r.lastName),
	},
	{
		resource: 'configurationItem',
		displayName: 'Configuration Item',
		noun: 'configuration item',
		plural: 'configuration items',
		entity: 'ConfigurationItems',
		operations: ['get', 'getAll', 'create', 'update', 'delete'],
		searchField: 'referenceTitle',
		label: (r) => withId(r, r.referenceTitle, r.serialNumber ? `(${String(r.serialNumber)})` : ''),
	},
];

export function entityByResource(resource: string): EntityDef | undefined {
	return ENTITIES.find((e) => e.resource === resource);
}

/** The definition of a resource that must exist (resource folders call it at load time). */
export function entityDef(resource: string): EntityDef {
	const def = entityByResource(resource);
	if (!def) throw new Error(`Unknown Autotask resource "${resource}"`);
	return def;
}
