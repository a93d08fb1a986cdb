/** The Autotask entities the sandbox serves, their fields (entityInformation) and write rules. */

export interface PicklistValue {
	value: string;
	label: string;
	isActive: boolean;
	isSystem: boolean;
	sortOrder: number;
}

export interface FieldSpec {
	name: string;
	dataType: 'integer' | 'long' | 'string' | 'boolean' | 'decimal' | 'double' | 'datetime';
	isPickList?: boolean;
	picklistValues?: PicklistValue[];
	isReadOnly?: boolean;
	isRequired?: boolean;
	isReference?: boolean;
	referenceEntityType?: string;
}

export interface EntitySpec {
	/** REST collection name, e.g. `Tickets`. */
	name: string;
	/** Singular used in webhook payloads and webhook entity names, e.g. `Ticket`. */
	singular: string;
	/** Child collections are written through the parent: `/{parent}/{id}/{child}`. */
	parent?: { name: string; child: string; field: string };
	canCreate: boolean;
	canUpdate: boolean;
	canDelete: boolean;
	hasWebhooks?: boolean;
	fields: FieldSpec[];
}

const pick = (...pairs: Array<[number | string, string]>): PicklistValue[] =>
	pairs.map(([value, label], i) => ({ value: String(value), label, isActive: true, isSystem: true, sortOrder: i + 1 }));

const int = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, dataType: 'integer', ...extra });
const str = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, dataType: 'string', ...extra });
const bool = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, dataType: 'boolean', ...extra });
const dec = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, dataType: 'decimal', ...extra });
const date = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, dataType: 'datetime', ...extra });
const ref = (name: string, entity: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
	name,
	dataType: 'integer',
	isReference: true,
	referenceEntityType: entity,
	...extra,
});
const list = (name: string, values: PicklistValue[], extra: Partial<FieldSpec> = {}): FieldSpec => ({
	name,
	dataType: 'integer',
	isPickList: true,
	picklistValues: values,
	...extra,
});
const id = (): FieldSpec => ({ name: 'id', dataType: 'long', isReadOnly: true });
const ro = { isReadOnly: true };
const req = { isRequired: true };

export const TICKET_STATUS = pick([1, 'New'], [5, 'Complete'], [7, 'Waiting Customer'], [8, 'In Progress'], [10, 'Dispatched'], [12, 'Waiting Vendor']);
export const TICKET_PRIORITY = pick([1, 'High'], [2, 'Medium'], [3, 'Low'], [4, 'Critical']);
export const QUEUES = pick([29682833, 'Service Desk'], [29682834, 'Level II Support'], [29682835, 'Projects'], [29682836, 'Monitoring Alerts']);
export const COMPANY_TYPE = pick([1, 'Customer'], [2, 'Lead'], [3, 'Prospect'], [4, 'Dead'], [6, 'Cancellation'], [7, 'Vendor'], [8, 'Partner']);
export const PROJECT_STATUS = pick([0, 'Inactive'], [1, 'New'], [2, 'In Progress'], [4, 'Waiting'], [5, 'Complete']);
export const TASK_STATUS = pick([1, 'New'], [5, 'Complete'], [8, 'In Progress']);
export const EXPENSE_CATEGORY = pick([1, 'Mileage'], [2, 'Meals'], [3, 'Lodging'], [4, 'Travel'], [5, 'Supplies']);
export const CONTRACT_TYPE = pick([1, 'Time & Materials'], [3, 'Fixed Price'], [4, 'Block Hours'], [6, 'Retainer'], [7, 'Recurring Service'], [8, 'Per Ticket']);
export const CI_TYPE = pick([1, 'Workstation'], [2, 'Server'], [3, 'Network Device'], [4, 'Printer'], [5, 'Firewall']);
export const BILLING_ITEM_TYPE = pick([1, 'Labor'], [2, 'Expense'], [3, 'Product'], [4, 'Recurring Contract Service'], [6, 'Milestone']);

export const ENTITY_SPECS: EntitySpec[] = [
	{
		name: 'Companies',
		singular: 'Company',
		canCreate: true,
		canUpdate: true,
		canDelete: false,
		hasWebhooks: true,
		fields: [
			id(),
			str('companyName', req),
			str('companyNumber'),
			list('companyType', COMPANY_TYPE, req),
			bool('isActive'),
			str('phone', req),
			str('webAddress'),
			str('address1'),
			str('address2'),
			str('city'),
			str('state'),
			str('postalCode'),
			int('countryID'),
			str('taxID'),
			ref('parentCompanyID', 'Company'),
			ref('ownerResourceID', 'Resource', req),
			date('createDate', ro),
			date('lastActivityDate', ro),
			date('lastTrackedModifiedDateTime', ro),
		],
	},
	{
		name: 'Contacts',
		singular: 'Contact',
		parent: { name: 'Companies', child: 'Contacts', field: 'companyID' },
		canCreate: true,
		canUpdate: true,
		canDelete: true,
		hasWebhooks: true,
		fields: [
			id(),
			ref('companyID', 'Company', req),
			str('firstName', req),
			str('lastName', req),
			str('emailAddress'),
			str('phone'),
			str('title'),
			int('isActive', req),
			bool('primaryContact'),
			date('createDate', ro),
			date('lastActivityDate', ro),
			date('lastModifiedDate', ro),
		],
	},
	{
		name: 'Tickets',
		singular: 'Ticket',
		canCreate: true,
		canUpdate: true,
		canDelete: false,
		hasWebhooks: true,
		fields: [
			id(),
			str('ticketNumber', ro),
			str('title', req),
			str('description'),
			ref('companyID', 'Company', req),
			ref('contactID', 'Contact'),
			list('status', TICKET_STATUS, req),
			list('priority', TICKET_PRIORITY, req),
			list('queueID', QUEUES),
			ref('assignedResourceID', 'Resource'),
			ref('contractID', 'Contract'),
			ref('configurationItemID', 'ConfigurationItem'),
			dec('estimatedHours'),
			date('dueDateTime'),
			date('createDate', ro),
			date('completedDate', ro),
			date('lastActivityDate', ro),
			date('lastTrackedModificationDateTime', ro),
		],
	},
	{
		name: 'TicketNotes',
		singular: 'TicketNote',
		parent: { name: 'Tickets', child: 'Notes', field: 'ticketID' },
		canCreate: true,
		canUpdate: true,
		canDelete: false,
		hasWebhooks: true,
		fields: [
			id(),
			ref('ticketID', 'Ticket', req),
			str('title', req),
			str('description', req),
			list('noteType', pick([1, 'Task Summary'], [2, 'Task Detail'], [3, 'Task Notes']), req),
			list('publish', pick([1, 'All Autotask Users'], [2, 'Internal Project Team']), req),
			ref('creatorResourceID', 'Resource', ro),
			date('createDateTime', ro),
			date('lastActivityDate', ro),
		],
	},
	{
		name: 'Projects',
		singular: 'Project',
		canCreate: true,
		canUpdate: true,
		canDelete: false,
		fields: [
			id(),
			str('projectName', req),
			str('projectNumber', ro),
			ref('companyID', 'Company', req),
			list('status', PROJECT_STATUS, req),
			list('projectType', pick([2, 'Proposal'], [4, 'Client'], [5, 'Internal'], [8, 'Baseline']), req),
			date('startDateTime', req),
			date('endDateTime', req),
			ref('projectLeadResourceID', 'Resource'),
			ref('contractID', 'Contract'),
			dec('estimatedTime'),
			dec('actualHours', ro),
			str('description'),
			str('purchaseOrderNumber'),
			date('createDateTime', ro),
			date('lastActivityDateTime', ro),
		],
	},
	{
		name: 'Tasks',
		singular: 'Task',
		parent: { name: 'Projects', child: 'Tasks', field: 'projectID' },
		canCreate: true,
		canUpdate: true,
		canDelete: true,
		fields: [
			id(),
			ref('projectID', 'Project', req),
			str('title', req),
			str('taskNumber', ro),
			str('description'),
			list('status', TASK_STATUS, req),
			list('taskType', pick([1, 'Fixed Work'], [2, 'Fixed Duration']), req),
			ref('assignedResourceID', 'Resource'),
			dec('estimatedHours'),
			date('startDateTime'),
			date('endDateTime'),
			date('lastActivityDateTime', ro),
		],
	},
	{
		name: 'TimeEntries',
		singular: 'TimeEntry',
		canCreate: true,
		canUpdate: true,
		canDelete: true,
		fields: [
			id(),
			ref('resourceID', 'Resource', req),
			ref('ticketID', 'Ticket'),
			ref('taskID', 'Task'),
			date('dateWorked', req),
			date('startDateTime'),
			date('endDateTime'),
			dec('hoursWorked'),
			dec('hoursToBill', ro),
			bool('isNonBillable'),
			str('summaryNotes'),
			str('internalNotes'),
			ref('contractID', 'Contract'),
			int('billingCodeID'),
			int('roleID', req),
			date('billingApprovalDateTime', ro),
			date('createDateTime', ro),
			date('lastModifiedDateTime', ro),
		],
	},
	{
		name: 'ExpenseReports',
		singular: 'ExpenseReport',
		canCreate: true,
		canUpdate: true,
		canDelete: false,
		fields: [
			id(),
			str('name', req),
			ref('submitterID', 'Resource', req),
			list('status', pick([1, 'In Progress'], [2, 'Awaiting Approval'], [3, 'Approved'], [4, 'Rejected'], [5, 'Paid']), ro),
			date('weekEnding', req),
			dec('expenseTotal', ro),
			date('submitDate', ro),
			ref('approverID', 'Resource', ro),
		],
	},
	{
		name: 'ExpenseItems',
		singular: 'ExpenseItem',
		parent: { name: 'ExpenseReports', child: 'Items', field: 'expenseReportID' },
		canCreate: true,
		canUpdate: true,
		canDelete: true,
		fields: [
			id(),
			ref('expenseReportID', 'ExpenseReport', req),
			str('description', req),
			date('expenseDate', req),
			list('expenseCategory', EXPENSE_CATEGORY, req),
			dec('expenseCurrencyExpenseAmount'),
			dec('receiptAmount'),
			bool('isBillableToCompany', req),
			bool('isReimbursable'),
			bool('haveReceipt', req),
			ref('companyID', 'Company', req),
			ref('projectID', 'Project'),
			ref('taskID', 'Task'),
			ref('ticketID', 'Ticket'),
			list('paymentType', pick([1, 'Cash'], [2, 'Company Credit Card'], [3, 'Personal Credit Card']), req),
		],
	},
	{
		name: 'Contracts',
		singular: 'Contract',
		canCreate: true,
		canUpdate: true,
		canDelete: false,
		fields: [
			id(),
			str('contractName', req),
			str('contractNumber'),
			ref('companyID', 'Company', req),
			ref('contactID', 'Contact'),
			list('status', pick([0, 'Inactive'], [1, 'Active']), req),
			list('contractType', CONTRACT_TYPE, req),
			list('contractCategory', pick([1, 'Managed Services'], [2, 'Break/Fix'], [3, 'Project']), req),
			date('startDate', req),
			date('endDate', req),
			dec('setupFee'),
			str('purchaseOrderNumber'),
			str('description'),
			bool('isDefaultContract'),
			int('timeReportingRequiresStartAndStopTimes', req),
		],
	},
	{
		name: 'ContractServices',
		singular: 'ContractService',
		parent: { name: 'Contracts', child: 'Services', field: 'contractID' },
		canCreate: true,
		canUpdate: true,
		canDelete: false,
		fields: [
			id(),
			ref('contractID', 'Contract', req),
			int('serviceID', req),
			dec('unitPrice', req),
			dec('unitCost'),
			dec('adjustedPrice'),
			str('invoiceDescription'),
			str('internalDescription'),
		],
	},
	{
		name: 'BillingItems',
		singular: 'BillingItem',
		canCreate: false,
		canUpdate: true,
		canDelete: false,
		fields: [
			id(),
			ref('companyID', 'Company', ro),
			ref('invoiceID', 'Invoice', ro),
			str('itemName', ro),
			str('description'),
			date('itemDate', ro),
			list('billingItemType', BILLING_ITEM_TYPE, ro),
			dec('quantity', ro),
			dec('rate', ro),
			dec('extendedPrice', ro),
			dec('ourCost', ro),
			dec('taxDollars', ro),
			dec('totalAmount', ro),
			ref('ticketID', 'Ticket', ro),
			ref('projectID', 'Project', ro),
			ref('contractID', 'Contract', ro),
			date('postedDate', ro),
			date('lastModifiedDateTime', ro),
		],
	},
	{
		name: 'Invoices',
		singular: 'Invoice',
		canCreate: false,
		canUpdate: true,
		canDelete: false,
		fields: [
			id(),
			str('invoiceNumber', ro),
			ref('companyID', 'Company', ro),
			date('invoiceDateTime', ro),
			date('dueDate', ro),
			dec('invoiceTotal', ro),
			dec('totalTaxValue', ro),
			date('paidDate'),
			bool('isVoided'),
			str('comments'),
			str('orderNumber'),
			list('paymentTerm', pick([1, 'Net 15'], [2, 'Net 30'], [3, 'Due on Receipt']), ro),
			date('createDateTime', ro),
		],
	},
	{
		name: 'Resources',
		singular: 'Resource',
		canCreate: false,
		canUpdate: true,
		canDelete: false,
		fields: [
			id(),
			str('firstName', ro),
			str('lastName', ro),
			str('email'),
			str('userName', ro),
			bool('isActive'),
			str('resourceType', ro),
			str('title'),
		],
	},
	{
		name: 'ConfigurationItems',
		singular: 'ConfigurationItem',
		canCreate: true,
		canUpdate: true,
		canDelete: true,
		hasWebhooks: true,
		fields: [
			id(),
			ref('companyID', 'Company', req),
			str('referenceTitle'),
			str('serialNumber'),
			list('configurationItemType', CI_TYPE),
			int('productID', req),
			ref('contactID', 'Contact'),
			bool('isActive', req),
			date('installDate'),
			date('warrantyExpirationDate'),
			date('createDate', ro),
			date('lastActivityDate', ro),
		],
	},
];

export function specByName(name: string): EntitySpec | undefined {
	const lower = name.toLowerCase();
	return ENTITY_SPECS.find((e) => e.name.toLowerCase() === lower);
}

/** `TicketWebhooks` → the Tickets spec. */
export function specByWebhookName(name: string): EntitySpec | undefined {
	const lower = name.toLowerCase();
	return ENTITY_SPECS.find((e) => e.hasWebhooks && `${e.singular}webhooks`.toLowerCase() === lower);
}

/** `TicketWebhookFields` → the Tickets spec. */
export function specByWebhookFieldsName(name: string): EntitySpec | undefined {
	const lower = name.toLowerCase();
	return ENTITY_SPECS.find((e) => e.hasWebhooks && `${e.singular}webhookfields`.toLowerCase() === lower);
}

/** Stable numeric ids for the fields a webhook can watch (the FieldID picklist). */
export function webhookFieldIds(spec: EntitySpec): PicklistValue[] {
	const base = (ENTITY_SPECS.indexOf(spec) + 1) * 100;
	return spec.fields.map((f, i) => ({ value: String(base + i + 1), label: f.name, isActive: true, isSystem: true, sortOrder: i + 1 }));
}
