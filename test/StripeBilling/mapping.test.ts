import type { Customer, Invoice, UsageRecord } from '../../nodes/common/canonical';
import {
	currencyExponent,
	fromMinorUnits,
	fromStripeCreditNote,
	fromStripeCustomer,
	fromStripeInvoice,
	fromStripeMeterEvent,
	fromStripePayment,
	fromStripeSubscription,
	stripeMappings,
	toMinorUnits,
	toStripeCustomer,
	toStripeInvoice,
	toStripeMeterEvent,
} from '../../nodes/StripeBilling/mapping';

describe('minor units', () => {
	it.each([
		['usd', 2, 1099, '10.99'],
		['jpy', 0, 1099, '1099'],
		['kwd', 3, 1099, '1.099'],
		['bhd', 3, 5, '0.005'],
		['eur', 2, -250, '-2.5'],
		['isk', 2, 100, '1'],
		['ugx', 0, 5000, '5000'],
	])('%s has exponent %i: %i ↔ %s', (currency, exponent, minor, major) => {
		expect(currencyExponent(currency)).toBe(exponent);
		expect(fromMinorUnits(minor, currency)).toBe(major);
		expect(toMinorUnits(major, currency)).toBe(String(minor));
	});

	it('is exact where binary floating point is not, and refuses extra precision', () => {
		expect(toMinorUnits('0.29', 'usd')).toBe('29');
		expect(toMinorUnits('1234567890123.45', 'usd')).toBe('123456789012345');
		expect(fromMinorUnits('123456789012345678', 'usd')).toBe('1234567890123456.78');
		expect(() => toMinorUnits('10.999', 'usd')).toThrow(/more decimals than the currency's 2/);
		expect(() => toMinorUnits('1.5', 'jpy')).toThrow(/0/);
		expect(toMinorUnits('0.0005', 'usd', true)).toBe('0.05');
	});
});

describe('records', () => {
	const invoice = {
		id: 'in_1',
		object: 'invoice',
		number: 'ACME-0007',
		currency: 'kwd',
		customer: 'cus_1',
		customer_name: 'Acme Co',
		status: 'open',
		created: 1735689600,
		effective_at: 1735776000,
		due_date: 1738368000,
		subtotal: 125505,
		total: 125505,
		amount_paid: 5,
		amount_remaining: 125500,
		parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_9' } },
		lines: { data: [{ id: 'il_1', amount: 125505, description: 'Survey', quantity: 1, pricing: { price_details: { price: 'price_k' }, unit_amount_decimal: '125505' } }] },
	};

	it('maps an invoice with exact amounts, partial payment and its subscription', () => {
		expect(fromStripeInvoice(invoice)).toEqual({
			type: 'Invoice',
			externalIds: { stripe: 'in_1' },
			source: { system: 'stripe', id: 'in_1' },
			number: 'ACME-0007',
			customer: { externalIds: { stripe: 'cus_1' }, name: 'Acme Co' },
			date: '2025-01-02',
			dueDate: '2025-02-01',
			status: 'partially_paid',
			currency: 'KWD',
			lines: [{ externalIds: { stripe: 'il_1' }, item: { externalIds: { stripe: 'price_k' } }, description: 'Survey', quantity: '1', unitPrice: '125.505', amount: '125.505' }],
			totals: { subtotal: '125.505', total: '125.505', amountPaid: '0.005', balance: '125.5' },
			agreement: { externalIds: { stripe: 'sub_9' } },
		});
	});

	it('builds invoice and item parameters from a canonical invoice', () => {
		const canonical: Invoice = {
			type: 'Invoice',
			externalIds: { erp: 'INV-1' },
			customer: { externalIds: { stripe: 'cus_1' } },
			currency: 'JPY',
			dueDate: '2025-03-01',
			poNumber: 'PO-77',
			lines: [
				{ description: 'Visit', amount: '50000' },
				{ description: 'Catalog', item: { externalIds: { stripe: 'price_1' } }, quantity: '2' },
				{ description: 'Hours', unitPrice: '1500', quantity: '3' },
			],
		};
		expect(toStripeInvoice(canonical)).toEqual({
			invoice: { customer: 'cus_1', currency: 'jpy', collection_method: 'send_invoice', due_date: 1740787200, metadata: { po_number: 'PO-77' } },
			items: [
				{ amount: '50000', currency: 'jpy', description: 'Visit' },
				{ pricing: { price: 'price_1' }, quantity: '2', description: 'Catalog' },
				{ unit_amount_decimal: '1500', quantity: '3', currency: 'jpy', description: 'Hours' },
			],
		});
	});

	it('maps a customer both ways, keeping the ERP number in metadata', () => {
		const stripe = { id: 'cus_1', object: 'customer', name: 'Acme Co', email: 'ap@acme.example', currency: 'eur', created: 1735689600, address: { line1: '1 Main St', city: 'Seattle', state: 'WA', postal_code: '98101', country: 'US' }, metadata: { erp_customer_id: 'C-1' } };
		const canonical = fromStripeCustomer(stripe);
		expect(canonical).toMatchObject({ type: 'Customer', name: 'Acme Co', code: 'C-1', currency: 'EUR', addresses: [{ type: 'billing', region: 'WA', postalCode: '98101' }] });
		const back = toStripeCustomer(canonical as Customer);
		expect(back).toMatchObject({ name: 'Acme Co', email: 'ap@acme.example', address: { line1: '1 Main St', state: 'WA', postal_code: '98101', country: 'US' }, metadata: { erp_customer_id: 'C-1' } });
	});

	it('maps a subscription to an agreement with interval, metered lines and amount', () => {
		const agreement = fromStripeSubscription({
			id: 'sub_1',
			object: 'subscription',
			customer: 'cus_1',
			status: 'past_due',
			currency: 'usd',
			start_date: 1735689600,
			items: {
				data: [
					{ id: 'si_1', quantity: 12, current_period_end: 1738368000, price: { id: 'price_e', unit_amount: 4500, unit_amount_decimal: '4500', recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed' } } },
					{ id: 'si_2', price: { id: 'price_m', unit_amount_decimal: '0.05', recurring: { interval: 'month', interval_count: 1, usage_type: 'metered' } } },
				],
			},
		});
		expect(agreement).toMatchObject({ type: 'Agreement', status: 'active', billingInterval: { unit: 'month', count: 1 }, amount: '540', nextBillingDate: '2025-02-01', currency: 'USD' });
		expect(agreement.lines?.[1]).toMatchObject({ unitOfMeasure: 'metered', unitPrice: '0.0005' });
	});

	it('maps usage both ways and refuses a record without a Stripe customer', () => {
		const usage: UsageRecord = { type: 'UsageRecord', externalIds: {}, customer: { externalIds: { stripe: 'cus_1' } }, metric: 'api_requests', quantity: '25', timestamp: '2026-01-01T00:00:00Z', idempotencyKey: 'row-1' };
		const params = toStripeMeterEvent(usage);
		expect(params).toEqual({ event_name: 'api_requests', payload: { stripe_customer_id: 'cus_1', value: '25' }, identifier: 'row-1', timestamp: 1767225600 });
		expect(fromStripeMeterEvent({ ...params, object: 'billing.meter_event', created: 1767225600 })).toMatchObject({ metric: 'api_requests', quantity: '25', customer: { externalIds: { stripe: 'cus_1' } }, timestamp: '2026-01-01T00:00:00Z' });
		expect(() => toStripeMeterEvent({ ...usage, customer: {} })).toThrow(/no Stripe customer/);
	});

	it('maps charges, payment intents and invoice payments to payments', () => {
		expect(fromStripePayment({ id: 'ch_1', object: 'charge', amount: 1000, amount_captured: 1000, currency: 'jpy', status: 'succeeded', refunded: true, customer: 'cus_1', payment_intent: 'pi_1', created: 1735689600 })).toMatchObject({ amount: '1000', currency: 'JPY', status: 'refunded', reference: 'pi_1', party: { externalIds: { stripe: 'cus_1' } } });
		expect(fromStripePayment({ id: 'pi_1', object: 'payment_intent', amount: 2550, amount_received: 2550, currency: 'usd', status: 'succeeded', latest_charge: 'ch_9' })).toMatchObject({ amount: '25.5', status: 'succeeded', reference: 'ch_9' });
		expect(fromStripePayment({ id: 'inpay_1', object: 'invoice_payment', amount_paid: 5000, currency: 'usd', status: 'paid', invoice: 'in_1', payment: { type: 'payment_intent', payment_intent: 'pi_2' }, status_transitions: { paid_at: 1735689600 } })).toMatchObject({ amount: '50', applications: [{ document: { externalIds: { stripe: 'in_1' } }, amount: '50' }], date: '2025-01-01' });
	});

	it('maps credit notes and exposes a registry of every mapped type', () => {
		expect(fromStripeCreditNote({ id: 'cn_1', object: 'credit_note', amount: 500, total: 500, subtotal: 500, currency: 'usd', customer: 'cus_1', invoice: 'in_1', status: 'issued', reason: 'duplicate', lines: { data: [{ id: 'cnli_1', amount: 500, description: 'Credit', quantity: 1 }] } })).toMatchObject({ type: 'CreditMemo', status: 'open', totals: { total: '5' }, invoice: { externalIds: { stripe: 'in_1' } } });
		expect(Object.keys(stripeMappings).sort()).toEqual(['Agreement', 'CreditMemo', 'Customer', 'Invoice', 'Payment', 'UsageRecord']);
		expect(stripeMappings.Customer?.resource).toBe('customer');
	});
});
