import * as apiUsage from './apiUsage/ApiUsage.resource';
import * as billingItem from './billingItem/BillingItem.resource';
import * as company from './company/Company.resource';
import * as configurationItem from './configurationItem/ConfigurationItem.resource';
import * as contact from './contact/Contact.resource';
import * as contract from './contract/Contract.resource';
import * as contractService from './contractService/ContractService.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as expenseItem from './expenseItem/ExpenseItem.resource';
import * as expenseReport from './expenseReport/ExpenseReport.resource';
import * as invoice from './invoice/Invoice.resource';
import * as project from './project/Project.resource';
import * as resource from './resource/Resource.resource';
import * as task from './task/Task.resource';
import * as ticket from './ticket/Ticket.resource';
import * as ticketNote from './ticketNote/TicketNote.resource';
import * as timeEntry from './timeEntry/TimeEntry.resource';

/** Every resource of the node: its operation selector, parameters and operation modules. */
export const resources = {
	apiUsage,
	billingItem,
	company,
	configurationItem,
	contact,
	contract,
	contractService,
	customApiCall,
	expenseItem,
	expenseReport,
	invoice,
	project,
	resource,
	task,
	ticket,
	ticketNote,
	timeEntry,
};

export type AutotaskResource = keyof typeof resources;

export const RESOURCE_OPTIONS: Array<{ name: string; value: AutotaskResource }> = [
	{ name: 'API Usage', value: 'apiUsage' },
	{ name: 'Billing Item', value: 'billingItem' },
	{ name: 'Company', value: 'company' },
	{ name: 'Configuration Item', value: 'configurationItem' },
	{ name: 'Contact', value: 'contact' },
	{ name: 'Contract', value: 'contract' },
	{ name: 'Contract Service', value: 'contractService' },
	{ name: 'Custom API Call', value: 'customApiCall' },
	{ name: 'Expense Item', value: 'expenseItem' },
	{ name: 'Expense Report', value: 'expenseReport' },
	{ name: 'Invoice', value: 'invoice' },
	{ name: 'Project', value: 'project' },
	{ name: 'Resource', value: 'resource' },
	{ name: 'Task', value: 'task' },
	{ name: 'Ticket', value: 'ticket' },
	{ name: 'Ticket Note', value: 'ticketNote' },
	{ name: 'Time Entry', value: 'timeEntry' },
];
