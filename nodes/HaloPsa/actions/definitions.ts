import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { FieldSpec } from './fields';

/** One Halo entity as the node exposes it; the operation builders read it. */
export interface ResourceDefinition {
	resource: string;
	/** Lower-case singular for texts ("client"). */
	noun: string;
	/** Path under the resource server ("/Client"). */
	path: string;
	/** The array's name in a list response. */
	listKey: string;
	/** The field a record's display name is read from (list search, locators). */
	nameField: string;
	fields: FieldSpec[];
	/** Native filters of Get Many (query parameters of the list). */
	filters: INodeProperties[];
	/** Whether the list hides inactive records unless `includeinactive=true`. */
	hasInactive?: boolean;
	/** Canonical type this resource maps to (Output and Input options). */
	canonical?: string;
	/** Fixed values of every new record (e.g. the ticket type of a project). */
	createDefaults?: IDataObject;
}

const idFilter = (name: string, displayName: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	...(description ? { description } : {}),
});

const clientFilter = idFilter('client_id', 'Client ID');
const siteFilter = idFilter('site_id', 'Site ID');
const ticketFilter = idFilter('ticket_id', 'Ticket ID');
const agentFilter = idFilter('agent_id', 'Agent ID');
const statusFilter = idFilter('status_id', 'Status ID');

export const client: ResourceDefinition = {
	resource: 'client',
	noun: 'client',
	path: '/Client',
	listKey: 'clients',
	nameField: 'name',
	hasInactive: true,
	canonical: 'Customer',
	fields: [
		{ name: 'name', displayName: 'Name', kind: 'string', required: true },
		{ name: 'toplevel_id', displayName: 'Top Level ID', kind: 'number', description: 'The top level (client group) the client belongs to' },
		{ name: 'website', displayName: 'Website', kind: 'string' },
		{ name: 'phonenumber', displayName: 'Phone Number', kind: 'string' },
		{ name: 'accountsemailaddress', displayName: 'Accounts Email', kind: 'string' },
		{ name: 'notes', displayName: 'Notes', kind: 'text' },
		{ name: 'inactive', displayName: 'Inactive', kind: 'boolean', description: 'Whether the client is inactive' },
	],
	filters: [idFilter('toplevel_id', 'Top Level ID')],
};

export const site: ResourceDefinition = {
	resource: 'site',
	noun: 'site',
	path: '/Site',
	listKey: 'sites',
	nameField: 'name',
	hasInactive: true,
	fields: [
		{ name: 'name', displayName: 'Name', kind: 'string', required: true },
		{ name: 'client_id', displayName: 'Client ID', kind: 'number', required: true },
		{ name: 'phonenumber', displayName: 'Phone Number', kind: 'string' },
		{ name: 'inactive', displayName: 'Inactive', kind: 'boolean', description: 'Whether the site is inactive' },
	],
	filters: [clientFilter],
};

export const user: ResourceDefinition = {
	resource: 'user',
	noun: 'user',
	path: '/Users',
	listKey: 'users',
	nameField: 'name',
	hasInactive: true,
	fields: [
		{ name: 'name', displayName: 'Name', kind: 'string', required: true },
		{ name: 'site_id', displayName: 'Site ID', kind: 'number', required: true },
		{ name: 'firstname', displayName: 'First Name', kind: 'string' },
		{ name: 'surname', displayName: 'Surname', kind: 'string' },
		{ name: 'emailaddress', displayName: 'Email', kind: 'string' },
		{ name: 'phonenumber', displayName: 'Phone Number', kind: 'string' },
		{ name: 'inactive', displayName: 'Inactive', kind: 'boolean', description: 'Whether the user is inactive' },
	],
	filters: [clientFilter, siteFilter],
};

const ticketFields: FieldSpec[] = [
	{ name: 'summary', displayName: 'Summary', kind: 'string', required: true },
	{ name: 'client_id', displayName: 'Client ID', kind: 'number', required: true },
	{ name: 'details', displayName: 'Details', kind: 'text' },
	{ name: 'site_id', displayName: 'Site ID', kind: 'number' },
	{ name: 'user_id', displayName: 'User ID', kind: 'number' },
	{ name: 'status_id', displayName: 'Status ID', kind: 'number' },
	{ name: 'agent_id', displayName: 'Agent ID', kind: 'number' },
	{ name: 'deadlinedate', displayName: 'Deadline', kind: 'dateTime' },
	{ name: 'estimate', displayName: 'Estimate (Hours)', kind: 'number' },
];

export const ticket: ResourceDefinition = {
	resource: 'ticket',
	noun: 'ticket',
	path: '/Tickets',
	listKey: 'tickets',
	nameField: 'summary',
	fields: [
		...ticketFields,
		{ name: 'tickettype_id', displayName: 'Ticket Type ID', kind: 'number' },
		{ name: 'priority_id', displayName: 'Priority ID', kind: 'number' },
	],
	filters: [clientFilter, siteFilter, idFilter('user_id', 'User ID'), statusFilter, idFilter('tickettype_id', 'Ticket Type ID'), agentFilter],
};

export const project: ResourceDefinition = {
	resource: 'project',
	noun: 'project',
	path: '/Projects',
	listKey: 'tickets',
	nameField: 'summary',
	canonical: 'Project',
	fields: [
		...ticketFields,
		{ name: 'startdate', displayName: 'Start Date', kind: 'dateTime' },
		{ name: 'targetdate', displayName: 'Target Date', kind: 'dateTime' },
		{ name: 'budget', displayName: 'Budget', kind: 'number' },
	],
	filters: [clientFilter, statusFilter, agentFilter],
};

export const action: ResourceDefinition = {
	resource: 'action',
	noun: 'action',
	path: '/Actions',
	listKey: 'actions',
	nameField: 'note',
	canonical: 'TimeEntry',
	fields: [
		{ name: 'ticket_id', displayName: 'Ticket ID', kind: 'number', required: true },
		{ name: 'note', displayName: 'Note', kind: 'text' },
		{ name: 'outcome', displayName: 'Outcome', kind: 'string', description: 'The action type, e.g. "Remote Support"' },
		{ name: 'timetaken', displayName: 'Time Taken (Hours)', kind: 'number' },
		{ name: 'actionchargehours', displayName: 'Chargeable Hours', kind: 'number' },
		{ name: 'nonbill', displayName: 'Non-Billable', kind: 'boolean', description: 'Whether the time is not billable' },
		{ name: 'agent_id', displayName: 'Agent ID', kind: 'number' },
		{ name: 'actionarrivaldate', displayName: 'Start', kind: 'dateTime' },
		{ name: 'actioncompletiondate', displayName: 'End', kind: 'dateTime' },
	],
	filters: [ticketFilter, agentFilter],
};

export const contract: ResourceDefinition = {
	resource: 'contract',
	noun: 'contract',
	path: '/ClientContract',
	listKey: 'contracts',
	nameField: 'ref',
	canonical: 'Agreement',
	fields: [
		{ name: 'client_id', displayName: 'Client ID', kind: 'number', required: true },
		{ name: 'ref', displayName: 'Reference', kind: 'string', required: true },
		{ name: 'site_id', displayName: 'Site ID', kind: 'number' },
		{ name: 'start_date', displayName: 'Start Date', kind: 'dateTime' },
		{ name: 'end_date', displayName: 'End Date', kind: 'dateTime' },
		{ name: 'billing_description', displayName: 'Billing Description', kind: 'string' },
		{ name: 'periodchargeamount', displayName: 'Period Charge Amount', kind: 'number' },
		{
			name: 'billingperiod',
			displayName: 'Billing Period',
			kind: 'options',
			options: [
				{ name: 'Monthly', value: 'monthly' },
				{ name: 'Quarterly', value: 'quarterly' },
				{ name: 'Weekly', value: 'weekly' },
				{ name: 'Yearly', value: 'yearly' },
			],
		},
	],
	filters: [clientFilter],
};

export const invoice: ResourceDefinition = {
	resource: 'invoice',
	noun: 'invoice',
	path: '/Invoice',
	listKey: 'invoices',
	nameField: 'invoicenumber',
	canonical: 'Invoice',
	fields: [
		{ name: 'client_id', displayName: 'Client ID', kind: 'number', required: true },
		{ name: 'site_id', displayName: 'Site ID', kind: 'number' },
		{ name: 'invoice_date', displayName: 'Invoice Date', kind: 'dateTime' },
		{ name: 'due_date', displayName: 'Due Date', kind: 'dateTime' },
		{ name: 'ticket_id', displayName: 'Ticket ID', kind: 'number' },
		{ name: 'notes', displayName: 'Notes', kind: 'text' },
	],
	filters: [clientFilter, siteFilter, ticketFilter],
};

export const item: ResourceDefinition = {
	resource: 'item',
	noun: 'item',
	path: '/Item',
	listKey: 'items',
	nameField: 'name',
	hasInactive: true,
	fields: [
		{ name: 'name', displayName: 'Name', kind: 'string', required: true },
		{ name: 'internal_reference', displayName: 'Internal Reference', kind: 'string' },
		{ name: 'description', displayName: 'Description', kind: 'text' },
		{ name: 'baseprice', displayName: 'Price', kind: 'number' },
		{ name: 'costprice', displayName: 'Cost', kind: 'number' },
		{ name: 'inactive', displayName: 'Inactive', kind: 'boolean', description: 'Whether the item is inactive' },
	],
	filters: [],
};

export const asset: ResourceDefinition = {
	resource: 'asset',
	noun: 'asset',
	path: '/Asset',
	listKey: 'assets',
	nameField: 'inventory_number',
	hasInactive: true,
	fields: [
		{ name: 'client_id', displayName: 'Client ID', kind: 'number', required: true },
		{ name: 'inventory_number', displayName: 'Asset Tag', kind: 'string' },
		{ name: 'key_field', displayName: 'Key Field', kind: 'string' },
		{ name: 'site_id', displayName: 'Site ID', kind: 'number' },
		{ name: 'assettype_id', displayName: 'Asset Type ID', kind: 'number' },
		{ name: 'inactive', displayName: 'Inactive', kind: 'boolean', description: 'Whether the asset is inactive' },
	],
	filters: [clientFilter, siteFilter, idFilter('assettype_id', 'Asset Type ID')],
};

export const expense: ResourceDefinition = {
	resource: 'expense',
	noun: 'expense',
	path: '/Expense',
	listKey: 'expenses',
	nameField: 'note',
	canonical: 'Expense',
	fields: [
		{ name: 'ticket_id', displayName: 'Ticket ID', kind: 'number', required: true },
		{ name: 'amount', displayName: 'Amount', kind: 'number', required: true },
		{ name: 'date', displayName: 'Date', kind: 'dateTime' },
		{ name: 'note', displayName: 'Note', kind: 'string' },
		{ name: 'billable', displayName: 'Billable', kind: 'boolean', description: 'Whether the expense is billed to the client' },
		{ name: 'agent_id', displayName: 'Agent ID', kind: 'number' },
	],
	filters: [ticketFilter, clientFilter, agentFilter],
};

export const definitions = { client, site, user, ticket, project, action, contract, invoice, item, asset, expense };
