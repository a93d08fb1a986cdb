import { chargebeeBillingMappings, fromMinor, toMinor } from '../../nodes/ChargebeeBilling/mapping';

describe('Chargebee canonical mapping', () => {
	it('converts minor units exactly, by currency exponent', () => {
		expect(fromMinor(1999, 'USD')).toBe('19.99');
		expect(fromMinor(5, 'USD')).toBe('0.05');
		expect(fromMinor(-120, 'EUR')).toBe('-1.2');
		expect(fromMinor(1500, 'JPY')).toBe('1500');
		expect(fromMinor(12345, 'KWD')).toBe('12.345');
		expect(fromMinor(900719925474099, 'USD')).toBe('9007199254740.99');
		expect(toMinor('19.99', 'USD')).toBe(1999);
		expect(toMinor('0.1', 'USD')).toBe(10);
		expect(() => toMinor('1.005', 'USD')).toThrow(/more decimals/);
	});

	it('maps a subscription to an Agreement and back', () => {
		const sub = {
			id: 'sub_1',
			customer_id: 'c1',
			status: 'in_trial',
			billing_period: 1,
			billing_period_unit: 'month',
			currency_code: 'USD',
			mrr: 11400,
			started_at: 1790000000,
			next_billing_at: 1792592000,
			subscription_items: [
				{ item_price_id: 'managed-it-USD-monthly', item_type: 'plan', quantity: 1, unit_price: 4900, amount: 4900 },
				{ item_price_id: 'endpoint-USD-monthly', item_type: 'addon', quantity: 10, unit_price: 650, amount: 6500 },
			],
		};
		const agreement = chargebeeBillingMappings.Agreement.toCanonical(sub);
		expect(agreement).toMatchObject({
			type: 'Agreement',
			externalIds: { chargebeeBilling: 'sub_1' },
			customer: { externalIds: { chargebeeBilling: 'c1' } },
			status: 'trialing',
			billingInterval: { unit: 'month', count: 1 },
			amount: '114',
			lines: [{ unitPrice: '49', quantity: '1' }, { unitPrice: '6.5', quantity: '10', amount: '65' }],
		});
		expect(chargebeeBillingMappings.Agreement.fromCanonical(agreement)).toEqual({
			id: 'sub_1',
			subscription_items: [
				{ item_price_id: 'managed-it-USD-monthly', quantity: 1, unit_price: 4900 },
				{ item_price_id: 'endpoint-USD-monthly', quantity: 10, unit_price: 650 },
			],
		});
	});

	it('maps customers, credit notes, usages and transactions both ways', () => {
		const customer = chargebeeBillingMappings.Customer.toCanonical({ id: 'c1', company: 'Harbor Dental', first_name: 'Ann', email: 'ann@example.com', net_term_days: 30, billing_address: { line1: '1 Main', city: 'Reno', zip: '89501', country: 'US' } });
		expect(customer).toMatchObject({ name: 'Harbor Dental', paymentTerms: 'Net 30', addresses: [{ type: 'billing', city: 'Reno' }] });
		expect(chargebeeBillingMappings.Customer.fromCanonical(customer)).toMatchObject({ id: 'c1', company: 'Harbor Dental', first_name: 'Ann', net_term_days: 30, billing_address: { city: 'Reno' } });
		const memo = chargebeeBillingMappings.CreditMemo.toCanonical({ id: 'CN-1', customer_id: 'c1', reference_invoice_id: '1001', status: 'refund_due', total: 650, currency_code: 'USD', line_items: [] });
		expect(memo).toMatchObject({ status: 'open', totals: { total: '6.5' }, invoice: { code: '1001' } });
		expect(chargebeeBillingMappings.CreditMemo.fromCanonical(memo)).toMatchObject({ reference_invoice_id: '1001', total: 650 });
		const usage = chargebeeBillingMappings.UsageRecord.toCanonical({ id: 'u1', subscription_id: 'sub_1', item_price_id: 'gb', quantity: '12.5', usage_date: 1790000000 });
		expect(usage).toMatchObject({ quantity: '12.5', timestamp: '2026-09-21T14:13:20Z', metric: 'gb' });
		expect(chargebeeBillingMappings.UsageRecord.fromCanonical(usage)).toEqual({ id: 'u1', subscription_id: 'sub_1', item_price_id: 'gb', quantity: '12.5', usage_date: 1790000000 });
		const payment = chargebeeBillingMappings.Payment.toCanonical({ id: 't1', customer_id: 'c1', type: 'payment', status: 'success', amount: 11400, currency_code: 'USD', linked_invoices: [{ invoice_id: '1001', applied_amount: 11400 }] });
		expect(payment).toMatchObject({ direction: 'incoming', status: 'succeeded', amount: '114', applications: [{ amount: '114' }] });
		expect(chargebeeBillingMappings.Payment.fromCanonical(payment)).toMatchObject({ transaction: { amount: 11400 } });
		expect(Object.keys(chargebeeBillingMappings).sort()).toEqual(['Agreement', 'CreditMemo', 'Customer', 'Invoice', 'Payment', 'UsageRecord']);
	});
});
