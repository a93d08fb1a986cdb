import { fromConnectWiseAgreement } from '../../mapping';
import type { ResourceDefinition } from '../operations';
import { agreementLocator, companyLocator } from '../common.descriptions';
import { billingFlagFields } from '../options';

export const agreement: ResourceDefinition = {
	resource: 'agreement',
	noun: 'agreement',
	path: '/finance/agreements',
	id: agreementLocator(),
	canonical: { type: 'Agreement', map: (record) => fromConnectWiseAgreement(record) },
	fields: [
		{ name: 'name', displayName: 'Name', path: 'name', kind: 'string', required: true },
		{
			name: 'typeId',
			displayName: 'Agreement Type Name or ID',
			path: 'type',
			kind: 'ref',
			required: true,
			loadOptionsMethod: 'getAgreementTypes',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			name: 'companyId',
			displayName: 'Company',
			path: 'company',
			kind: 'ref',
			required: true,
			asParameter: companyLocator(),
		},
		{
			name: 'contactId',
			displayName: 'Contact ID',
			path: 'contact',
			kind: 'ref',
			required: true,
			description: 'The agreement’s contact at the company',
		},
		{ name: 'startDate', displayName: 'Start Date', path: 'startDate', kind: 'dateTime', primary: true },
		{ name: 'endDate', displayName: 'End Date', path: 'endDate', kind: 'dateTime' },
		{
			name: 'noEndingDateFlag',
			displayName: 'No Ending Date',
			path: 'noEndingDateFlag',
			kind: 'boolean',
			description: 'Whether the agreement runs until cancelled',
		},
		{ name: 'billAmount', displayName: 'Bill Amount', path: 'billAmount', kind: 'number', description: 'Recurring amount per billing cycle' },
		{ name: 'billingCycleId', displayName: 'Billing Cycle ID', path: 'billingCycle', kind: 'ref' },
		{ name: 'customerPO', displayName: 'Customer PO', path: 'customerPO', kind: 'string' },
		{ name: 'internalNotes', displayName: 'Internal Notes', path: 'internalNotes', kind: 'text' },
		{ name: 'workOrder', displayName: 'Work Order', path: 'workOrder', kind: 'string' },
		{ name: 'siteId', displayName: 'Site ID', path: 'site', kind: 'ref' },
		{ name: 'parentAgreementId', displayName: 'Parent Agreement ID', path: 'parentAgreement', kind: 'ref' },
		{
			name: 'applicationUnits',
			displayName: 'Application Units',
			path: 'applicationUnits',
			kind: 'options',
			default: 'Amount',
			options: [
				{ name: 'Amount', value: 'Amount' },
				{ name: 'Hours', value: 'Hours' },
				{ name: 'Incidents', value: 'Incidents' },
			],
		},
		{ name: 'applicationLimit', displayName: 'Application Limit', path: 'applicationLimit', kind: 'number' },
		...billingFlagFields,
		{ name: 'taxable', displayName: 'Taxable', path: 'taxable', kind: 'boolean', description: 'Whether the agreement is taxable' },
		{
			name: 'cancelledFlag',
			displayName: 'Cancelled',
			path: 'cancelledFlag',
			kind: 'boolean',
			description: 'Whether the agreement is cancelled',
		},
		{ name: 'dateCancelled', displayName: 'Date Cancelled', path: 'dateCancelled', kind: 'dateTime' },
		{ name: 'reasonCancelled', displayName: 'Reason Cancelled', path: 'reasonCancelled', kind: 'string' },
	],
};
