import type { INodeProperties } from 'n8n-workflow';

import { opt } from '../common.descriptions';

export const KINDS: Record<string, { path: string; prefix: string }> = {
	charge: { path: '/v1/charges', prefix: 'ch' },
	paymentIntent: { path: '/v1/payment_intents', prefix: 'pi' },
	invoicePayment: { path: '/v1/invoice_payments', prefix: 'inpay' },
};

export const kindProperty: INodeProperties = {
	displayName: 'Kind',
	name: 'paymentKind',
	type: 'options',
	default: 'paymentIntent',
	options: [
		opt('Charge', 'charge'),
		opt('Invoice Payment', 'invoicePayment', 'The payments applied to invoices (with the invoice they pay)'),
		opt('Payment Intent', 'paymentIntent'),
	],
};

export const paymentOutput: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{ displayName: 'Expand', name: 'expand', type: 'string', default: '', placeholder: 'e.g. customer' },
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'raw',
			options: [opt('Raw Stripe Object', 'raw'), opt('Canonical Payment', 'canonical')],
		},
	],
};
