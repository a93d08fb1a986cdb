import { fromConnectWiseExpense } from '../../mapping';
import type { ResourceDefinition } from '../operations';
import { dropUnusedChargeToType } from '../chargeTo';
import { recordLocator } from '../common.descriptions';
import { billableOptions, chargeToTypeOptions } from '../options';

export const expense: ResourceDefinition = {
	resource: 'expense',
	noun: 'expense entry',
	path: '/expense/entries',
	id: recordLocator({ name: 'expenseId', displayName: 'Expense Entry', noun: 'expense entry' }),
	prepareCreate: dropUnusedChargeToType,
	canonical: { type: 'Expense', map: (record) => fromConnectWiseExpense(record) },
	fields: [
		{
			name: 'typeId',
			displayName: 'Expense Type Name or ID',
			path: 'type',
			kind: 'ref',
			required: true,
			loadOptionsMethod: 'getExpenseTypes',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{ name: 'amount', displayName: 'Amount', path: 'amount', kind: 'number', required: true },
		{ name: 'date', displayName: 'Date', path: 'date', kind: 'dateTime', required: true },
		{
			name: 'billableOption',
			displayName: 'Billable Option',
			path: 'billableOption',
			kind: 'options',
			required: true,
			options: billableOptions,
			default: 'Billable',
		},
		{
			name: 'chargeToType',
			displayName: 'Charge To Type',
			path: 'chargeToType',
			kind: 'options',
			primary: true,
			default: 'ServiceTicket',
			options: chargeToTypeOptions,
			description: 'What the expense is charged to; set a Charge To ID or a Company',
		},
		{ name: 'chargeToId', displayName: 'Charge To ID', path: 'chargeToId', kind: 'id', primary: true, placeholder: 'e.g. 1234' },
		{
			name: 'memberId',
			displayName: 'Member Name or ID',
			path: 'member',
			kind: 'ref',
			primary: true,
			loadOptionsMethod: 'getMembers',
			description:
				'Who had the expense; empty means the API member. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ name: 'companyId', displayName: 'Company ID', path: 'company', kind: 'ref' },
		{ name: 'notes', displayName: 'Notes', path: 'notes', kind: 'text' },
		{ name: 'paymentMethodId', displayName: 'Payment Method ID', path: 'paymentMethod', kind: 'ref' },
		{ name: 'classificationId', displayName: 'Classification ID', path: 'classification', kind: 'ref' },
		{ name: 'agreementId', displayName: 'Agreement ID', path: 'agreement', kind: 'ref' },
	],
};
