import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Invoice } from '../../../common/canonical';
import { toStripeInvoice } from '../../mapping';
import { stripeApi } from '../../transport';
import {
	additionalParametersProperty,
	amountDescription,
	customerLocator,
	inputModeProperty,
	metadataProperty,
	opt,
	requestOptionsProperty,
} from '../common.descriptions';
import { invoice } from '../definitions';
import {
	additionalFieldsCollection,
	canonicalInput,
	clean,
	idempotencyKey,
	idParameter,
	minorUnits,
	stamp,
	writeBody,
} from '../operations';

/*
 * An invoice with its lines is several writes: the draft, one invoice item per line and, when asked,
 * the finalization. Each has its own Idempotency-Key derived from the item (line N, finalize), so
 * re-running the same input replays every step instead of creating a second invoice, and a run that
 * failed half-way completes the missing steps on the next try.
 */

const fieldsOnly = { show: { inputMode: ['fields'] } };
const customerParam = { ...customerLocator(), displayOptions: fieldsOnly };

interface Built {
	invoice: IDataObject;
	items: IDataObject[];
}

function fromFields(ctx: IExecuteFunctions, itemIndex: number): Built {
	const collection = ctx.getNodeParameter('collectionMethod', itemIndex, 'charge_automatically') as string;
	const additional = clean(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const currency = String(additional.currency ?? 'usd').trim().toLowerCase();
	const { dueDate, ...rest } = additional;
	const due = typeof dueDate === 'string' && dueDate ? Math.floor(Date.parse(dueDate) / 1000) : undefined;
	const lines = (ctx.getNodeParameter('lines', itemIndex, {}) as { line?: IDataObject[] }).line ?? [];
	const items = lines.map((line, n) => {
		const price = String(line.price ?? '').trim();
		const quantity = Number(line.quantity ?? 1) || 1;
		const description = String(line.description ?? '').trim() || undefined;
		if (price) return clean({ pricing: { price }, quantity, description });
		if (line.amount === undefined || String(line.amount).trim() === '') {
			throw new NodeOperationError(ctx.getNode(), `Line ${n + 1}: set a Unit Amount or a Price ID`, { itemIndex });
		}
		const unit = minorUnits(ctx, itemIndex, line.amount, currency, `Line ${n + 1} Unit Amount`, quantity !== 1);
		return clean(quantity === 1 ? { amount: unit, currency, description } : { unit_amount_decimal: unit, quantity, currency, description });
	});
	return {
		invoice: clean({
			customer: idParameter(ctx, customerParam, itemIndex),
			collection_method: collection,
			days_until_due: collection === 'send_invoice' && due === undefined ? (ctx.getNodeParameter('daysUntilDue', itemIndex, 30) as number) : undefined,
			due_date: collection === 'send_invoice' ? due : undefined,
			...rest,
			currency,
		}),
		items,
	};
}

export const description = stamp(invoice, 'create', [

		inputModeProperty('Invoice'),
		customerParam,
		{
			displayName: 'Collection Method',
			name: 'collectionMethod',
			type: 'options',
			default: 'send_invoice',
			displayOptions: fieldsOnly,
			options: [
				opt('Charge Automatically', 'charge_automatically', 'Charge the customer’s default payment method when finalized'),
				opt('Send Invoice', 'send_invoice', 'Email the invoice; the customer pays within the due days'),
			],
		},
		{ displayName: 'Days Until Due', name: 'daysUntilDue', type: 'number', default: 30, displayOptions: { show: { inputMode: ['fields'], collectionMethod: ['send_invoice'] } } },
		{
			displayName: 'Lines',
			name: 'lines',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Line',
			displayOptions: fieldsOnly,
			description: 'Added as invoice items on the new draft',
			options: [
				{
					name: 'line',
					displayName: 'Line',
					values: [
						{ displayName: 'Description', name: 'description', type: 'string', default: '' },
						{ displayName: 'Unit Amount', name: 'amount', type: 'string', default: '', placeholder: 'e.g. 125.50', description: amountDescription },
						{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { minValue: 1 } },
						{ displayName: 'Price ID', name: 'price', type: 'string', default: '', placeholder: 'price_…', description: 'A one-time price instead of an amount' },
					],
				},
			],
		},
		{
			...additionalFieldsCollection([
				{ displayName: 'Auto Advance', name: 'auto_advance', type: 'boolean', default: false, description: 'Whether Stripe finalizes and collects the invoice automatically after about an hour' },
				{ displayName: 'Currency', name: 'currency', type: 'string', default: 'usd' },
				{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Memo shown on the invoice' },
				{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', description: 'For Send Invoice, instead of Days Until Due' },
				{ displayName: 'Footer', name: 'footer', type: 'string', default: '' },
				{ displayName: 'Subscription ID', name: 'subscription', type: 'string', default: '', placeholder: 'sub_…' },
			]),
			displayOptions: fieldsOnly,
		},
		{ displayName: 'Finalize', name: 'finalize', type: 'boolean', default: false, description: 'Whether to finalize the invoice after adding the lines (it gets its number and can be sent or paid)' },
	metadataProperty,
	additionalParametersProperty,
	requestOptionsProperty,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const built =
		this.getNodeParameter('inputMode', itemIndex, 'fields') === 'canonical'
			? (toStripeInvoice(canonicalInput<Invoice>(this, itemIndex, 'Invoice')) as unknown as Built)
			: fromFields(this, itemIndex);
	const draft = await stripeApi<IDataObject>(this, {
		method: 'POST',
		path: invoice.path,
		body: writeBody(this, itemIndex, built.invoice),
		idempotencyKey: idempotencyKey(this, itemIndex, invoice, 'create'),
		itemIndex,
	});
	const id = String(draft.id);
	for (const [n, line] of built.items.entries()) {
		await stripeApi(this, {
			method: 'POST',
			path: '/v1/invoiceitems',
			body: { customer: draft.customer, invoice: id, ...(line.pricing ? {} : { currency: draft.currency }), ...line },
			idempotencyKey: idempotencyKey(this, itemIndex, invoice, 'create', `line:${n}`),
			itemIndex,
		});
	}
	if (this.getNodeParameter('finalize', itemIndex, false) as boolean) {
		return await stripeApi<IDataObject>(this, {
			method: 'POST',
			path: `${invoice.path}/${id}/finalize`,
			body: {},
			idempotencyKey: idempotencyKey(this, itemIndex, invoice, 'create', 'finalize'),
			itemIndex,
		});
	}
	// The draft as it is now, with its lines and totals.
	return await stripeApi<IDataObject>(this, { path: `${invoice.path}/${id}`, itemIndex });
}
