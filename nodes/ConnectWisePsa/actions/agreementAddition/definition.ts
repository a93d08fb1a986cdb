import type { IExecuteFunctions } from 'n8n-workflow';

import type { ResourceDefinition } from '../operations';
import { recordIdParameter } from '../operations';
import { agreementLocator } from '../common.descriptions';
import { billCustomerOptions } from '../options';

const parentAgreement = agreementLocator('agreementId', 'Agreement');

export const agreementAddition: ResourceDefinition = {
	resource: 'agreementAddition',
	noun: 'agreement addition',
	path: (ctx: IExecuteFunctions, itemIndex: number) =>
		`/finance/agreements/${recordIdParameter(ctx, parentAgreement, itemIndex)}/additions`,
	parent: [parentAgreement],
	id: {
		displayName: 'Addition ID',
		name: 'additionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 12',
		description: 'ID of the addition within the agreement',
	},
	fields: [
		{
			name: 'catalogItemId',
			displayName: 'Product ID',
			path: 'product',
			kind: 'ref',
			required: true,
			description: 'ID of the catalog item (product) added to the agreement',
		},
		{
			name: 'billCustomer',
			displayName: 'Bill Customer',
			path: 'billCustomer',
			kind: 'options',
			required: true,
			options: billCustomerOptions,
			default: 'Billable',
		},
		{ name: 'quantity', displayName: 'Quantity', path: 'quantity', kind: 'number', primary: true, default: 1 },
		{ name: 'unitPrice', displayName: 'Unit Price', path: 'unitPrice', kind: 'number' },
		{ name: 'unitCost', displayName: 'Unit Cost', path: 'unitCost', kind: 'number' },
		{ name: 'lessIncluded', displayName: 'Less Included', path: 'lessIncluded', kind: 'number' },
		{ name: 'effectiveDate', displayName: 'Effective Date', path: 'effectiveDate', kind: 'dateTime' },
		{ name: 'cancelledDate', displayName: 'Cancelled Date', path: 'cancelledDate', kind: 'dateTime' },
		{ name: 'description', displayName: 'Description', path: 'description', kind: 'string' },
		{ name: 'invoiceDescription', displayName: 'Invoice Description', path: 'invoiceDescription', kind: 'string' },
		{ name: 'serialNumber', displayName: 'Serial Number', path: 'serialNumber', kind: 'string' },
		{ name: 'uom', displayName: 'Unit of Measure', path: 'uom', kind: 'string' },
		{
			name: 'taxableFlag',
			displayName: 'Taxable',
			path: 'taxableFlag',
			kind: 'boolean',
			description: 'Whether the addition is taxable',
		},
	],
};
