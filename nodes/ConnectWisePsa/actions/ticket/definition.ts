import type { ResourceDefinition } from '../operations';
import { companyLocator, recordLocator } from '../common.descriptions';
import { lowMediumHigh } from '../options';

export const ticket: ResourceDefinition = {
	resource: 'ticket',
	noun: 'service ticket',
	path: '/service/tickets',
	id: recordLocator({ name: 'ticketId', displayName: 'Ticket', noun: 'service ticket' }),
	fields: [
		{ name: 'summary', displayName: 'Summary', path: 'summary', kind: 'string', required: true },
		{
			name: 'boardId',
			displayName: 'Board Name or ID',
			path: 'board',
			kind: 'ref',
			required: true,
			loadOptionsMethod: 'getBoards',
			description:
				'The service board. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
			name: 'statusId',
			displayName: 'Status Name or ID',
			path: 'status',
			kind: 'ref',
			primary: true,
			loadOptionsMethod: 'getBoardStatuses',
			loadOptionsDependsOn: ['boardId', 'updateFields.boardId'],
			description:
				'A status of the chosen board. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			name: 'priorityId',
			displayName: 'Priority Name or ID',
			path: 'priority',
			kind: 'ref',
			primary: true,
			loadOptionsMethod: 'getPriorities',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{ name: 'contactId', displayName: 'Contact ID', path: 'contact', kind: 'ref' },
		{
			name: 'ownerId',
			displayName: 'Owner Name or ID',
			path: 'owner',
			kind: 'ref',
			loadOptionsMethod: 'getMembers',
			description:
				'The member who owns the ticket. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ name: 'typeId', displayName: 'Type ID', path: 'type', kind: 'ref' },
		{ name: 'subTypeId', displayName: 'Subtype ID', path: 'subType', kind: 'ref' },
		{ name: 'teamId', displayName: 'Team ID', path: 'team', kind: 'ref' },
		{ name: 'siteId', displayName: 'Site ID', path: 'site', kind: 'ref' },
		{ name: 'agreementId', displayName: 'Agreement ID', path: 'agreement', kind: 'ref' },
		{
			name: 'initialDescription',
			displayName: 'Initial Description',
			path: 'initialDescription',
			kind: 'text',
			createOnly: true,
			description: 'The first note of the ticket (discussion)',
		},
		{
			name: 'initialInternalAnalysis',
			displayName: 'Initial Internal Analysis',
			path: 'initialInternalAnalysis',
			kind: 'text',
			createOnly: true,
		},
		{ name: 'requiredDate', displayName: 'Required Date', path: 'requiredDate', kind: 'dateTime' },
		{ name: 'budgetHours', displayName: 'Budget Hours', path: 'budgetHours', kind: 'number' },
		{ name: 'severity', displayName: 'Severity', path: 'severity', kind: 'options', options: lowMediumHigh, default: 'Medium' },
		{ name: 'impact', displayName: 'Impact', path: 'impact', kind: 'options', options: lowMediumHigh, default: 'Medium' },
		{
			name: 'externalXRef',
			displayName: 'External Reference',
			path: 'externalXRef',
			kind: 'string',
			description: 'The ticket’s ID in another system',
		},
		{ name: 'poNumber', displayName: 'PO Number', path: 'poNumber', kind: 'string' },
		{
			name: 'skipCallback',
			displayName: 'Skip Callback',
			path: 'skipCallback',
			kind: 'boolean',
			description: 'Whether ConnectWise should not send callbacks (webhooks) for this change',
		},
	],
};
