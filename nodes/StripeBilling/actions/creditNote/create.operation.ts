import type { IDataObject } from 'n8n-workflow';

import type { CreditMemo } from '../../../common/canonical';
import { toStripeCreditNote } from '../../mapping';
import { amountDescription, inputModeProperty, invoiceLocator, opt } from '../common.descriptions';
import { creditNote } from '../definitions';
import { additionalFieldsCollection, canonicalInput, clean, idParameter, minorUnits, writeOperation } from '../operations';

const fieldsOnly = { show: { inputMode: ['fields'] } };
const invoiceParam = { ...invoiceLocator(), displayOptions: fieldsOnly, description: 'A finalized (open or paid) invoice' };

const operation = writeOperation(
	creditNote,
	'create',
	[
		inputModeProperty('CreditMemo'),
		invoiceParam,
		{ displayName: 'Currency', name: 'currency', type: 'string', default: 'usd', displayOptions: fieldsOnly, description: 'The invoice’s currency, for converting the amounts' },
		{
			displayName: 'Lines',
			name: 'lines',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Line',
			displayOptions: fieldsOnly,
			options: [
				{
					name: 'line',
					displayName: 'Line',
					values: [
						{ displayName: 'Description', name: 'description', type: 'string', default: '' },
						{ displayName: 'Unit Amount', name: 'amount', type: 'string', default: '', description: amountDescription },
						{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { minValue: 1 } },
					],
				},
			],
		},
		{
			...additionalFieldsCollection([
				{ displayName: 'Memo', name: 'memo', type: 'string', default: '' },
				{
					displayName: 'Reason',
					name: 'reason',
					type: 'options',
					default: 'order_change',
					options: [opt('Duplicate', 'duplicate'), opt('Fraudulent', 'fraudulent'), opt('Order Change', 'order_change'), opt('Product Unsatisfactory', 'product_unsatisfactory')],
				},
			]),
			displayOptions: fieldsOnly,
		},
	],
	{
		body: (ctx, itemIndex) => {
			if (ctx.getNodeParameter('inputMode', itemIndex, 'fields') === 'canonical') {
				return toStripeCreditNote(canonicalInput<CreditMemo>(ctx, itemIndex, 'CreditMemo')) as IDataObject;
			}
			const currency = String(ctx.getNodeParameter('currency', itemIndex, 'usd')).trim().toLowerCase();
			const lines = ((ctx.getNodeParameter('lines', itemIndex, {}) as { line?: IDataObject[] }).line ?? []).map((line, n) => ({
				type: 'custom_line_item',
				description: String(line.description ?? '') || 'Credit',
				quantity: Number(line.quantity ?? 1) || 1,
				unit_amount: minorUnits(ctx, itemIndex, line.amount, currency, `Line ${n + 1} Unit Amount`),
			}));
			return clean({ invoice: idParameter(ctx, invoiceParam, itemIndex), lines, ...clean(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) });
		},
	},
);

export const description = operation.description;
export const execute = operation.execute;
