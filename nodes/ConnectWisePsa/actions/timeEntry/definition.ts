import { fromConnectWiseTimeEntry } from '../../mapping';
import type { ResourceDefinition } from '../operations';
import { dropUnusedChargeToType } from '../chargeTo';
import { recordLocator } from '../common.descriptions';
import { billableOptions, chargeToTypeOptions } from '../options';

const memberDescription =
	'Who worked; empty means the API member. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

export const timeEntry: ResourceDefinition = {
	resource: 'timeEntry',
	noun: 'time entry',
	path: '/time/entries',
	id: recordLocator({ name: 'timeEntryId', displayName: 'Time Entry', noun: 'time entry' }),
	prepareCreate: dropUnusedChargeToType,
	canonical: { type: 'TimeEntry', map: (record) => fromConnectWiseTimeEntry(record) },
	fields: [
		{
			name: 'chargeToType',
			displayName: 'Charge To Type',
			path: 'chargeToType',
			kind: 'options',
			primary: true,
			default: 'ServiceTicket',
			options: chargeToTypeOptions,
			description: 'What the time is charged to; without a Charge To ID the time goes to the company',
		},
		{
			name: 'chargeToId',
			displayName: 'Charge To ID',
			path: 'chargeToId',
			kind: 'id',
			primary: true,
			placeholder: 'e.g. 1234',
			description: 'ID of the ticket, charge code or activity',
		},
		{
			name: 'memberId',
			displayName: 'Member Name or ID',
			path: 'member',
			kind: 'ref',
			primary: true,
			loadOptionsMethod: 'getMembers',
			description: memberDescription,
		},
		{
			name: 'timeStart',
			displayName: 'Time Start',
			path: 'timeStart',
			kind: 'dateTime',
			required: true,
			description: 'Start of the work (a time without a zone is in the workflow’s time zone)',
		},
		{
			name: 'timeEnd',
			displayName: 'Time End',
			path: 'timeEnd',
			kind: 'dateTime',
			primary: true,
			description: 'End of the work (a time without a zone is in the workflow’s time zone)',
		},
		{ name: 'notes', displayName: 'Notes', path: 'notes', kind: 'text', primary: true },
		{ name: 'internalNotes', displayName: 'Internal Notes', path: 'internalNotes', kind: 'text' },
		{ name: 'companyId', displayName: 'Company ID', path: 'company', kind: 'ref' },
		{
			name: 'billableOption',
			displayName: 'Billable Option',
			path: 'billableOption',
			kind: 'options',
			options: billableOptions,
			default: 'Billable',
		},
		{ name: 'workTypeId', displayName: 'Work Type ID', path: 'workType', kind: 'ref' },
		{ name: 'workRoleId', displayName: 'Work Role ID', path: 'workRole', kind: 'ref' },
		{ name: 'agreementId', displayName: 'Agreement ID', path: 'agreement', kind: 'ref' },
		{ name: 'actualHours', displayName: 'Actual Hours', path: 'actualHours', kind: 'number' },
		{ name: 'hoursDeduct', displayName: 'Hours Deduct', path: 'hoursDeduct', kind: 'number' },
		{
			name: 'addToDetailDescriptionFlag',
			displayName: 'Add to Discussion',
			path: 'addToDetailDescriptionFlag',
			kind: 'boolean',
			description: 'Whether the notes are added to the ticket’s discussion',
		},
		{
			name: 'addToInternalAnalysisFlag',
			displayName: 'Add to Internal Analysis',
			path: 'addToInternalAnalysisFlag',
			kind: 'boolean',
			description: 'Whether the notes are added to the ticket’s internal analysis',
		},
		{
			name: 'addToResolutionFlag',
			displayName: 'Add to Resolution',
			path: 'addToResolutionFlag',
			kind: 'boolean',
			description: 'Whether the notes are added to the ticket’s resolution',
		},
		{
			name: 'emailContactFlag',
			displayName: 'Email Contact',
			path: 'emailContactFlag',
			kind: 'boolean',
			description: 'Whether to email the ticket contact',
		},
		{
			name: 'emailResourceFlag',
			displayName: 'Email Resources',
			path: 'emailResourceFlag',
			kind: 'boolean',
			description: 'Whether to email the ticket resources',
		},
	],
};
