import { fromConnectWiseProject } from '../../mapping';
import type { ResourceDefinition } from '../operations';
import { companyLocator, recordLocator } from '../common.descriptions';
import { billingFlagFields } from '../options';

export const project: ResourceDefinition = {
	resource: 'project',
	noun: 'project',
	path: '/project/projects',
	id: recordLocator({ name: 'projectId', displayName: 'Project', noun: 'project' }),
	canonical: { type: 'Project', map: (record) => fromConnectWiseProject(record) },
	fields: [
		{ name: 'name', displayName: 'Name', path: 'name', kind: 'string', required: true },
		{
			name: 'boardId',
			displayName: 'Board Name or ID',
			path: 'board',
			kind: 'ref',
			required: true,
			loadOptionsMethod: 'getProjectBoards',
			description:
				'A project board. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
			name: 'billingMethod',
			displayName: 'Billing Method',
			path: 'billingMethod',
			kind: 'options',
			required: true,
			default: 'ActualRates',
			options: [
				{ name: 'Actual Rates', value: 'ActualRates' },
				{ name: 'Fixed Fee', value: 'FixedFee' },
				{ name: 'Not To Exceed', value: 'NotToExceed' },
				{ name: 'Override Rate', value: 'OverrideRate' },
			],
		},
		{ name: 'estimatedStart', displayName: 'Estimated Start', path: 'estimatedStart', kind: 'dateTime', required: true },
		{ name: 'estimatedEnd', displayName: 'Estimated End', path: 'estimatedEnd', kind: 'dateTime', required: true },
		{
			name: 'managerId',
			displayName: 'Manager Name or ID',
			path: 'manager',
			kind: 'ref',
			loadOptionsMethod: 'getMembers',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{ name: 'statusId', displayName: 'Status ID', path: 'status', kind: 'ref' },
		{ name: 'typeId', displayName: 'Type ID', path: 'type', kind: 'ref' },
		{ name: 'contactId', displayName: 'Contact ID', path: 'contact', kind: 'ref' },
		{ name: 'agreementId', displayName: 'Agreement ID', path: 'agreement', kind: 'ref' },
		{ name: 'description', displayName: 'Description', path: 'description', kind: 'text' },
		{ name: 'budgetHours', displayName: 'Budget Hours', path: 'budgetHours', kind: 'number' },
		{
			name: 'billingAmount',
			displayName: 'Billing Amount',
			path: 'billingAmount',
			kind: 'number',
			description: 'Fixed fee or not-to-exceed amount',
		},
		{ name: 'customerPO', displayName: 'Customer PO', path: 'customerPO', kind: 'string' },
		...billingFlagFields,
	],
};
