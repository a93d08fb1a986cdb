import { Prng } from '../core/prng';

export type Rec = Record<string, unknown>;

export interface ChargebeeData {
	customers: Rec[];
	items: Rec[];
	item_prices: Rec[];
	subscriptions: Rec[];
	invoices: Rec[];
	credit_notes: Rec[];
	transactions: Rec[];
	payment_sources: Rec[];
	usages: Rec[];
	events: Rec[];
	webhook_endpoints: Rec[];
}

export interface ChargebeeSeedOptions {
	customers: number;
}

export const CHARGEBEE_SEED_DEFAULTS: ChargebeeSeedOptions = { customers: 30 };

/** Seeded history ends here (Unix seconds); writes at run time use the sandbox clock. */
export const SEED_EPOCH = Math.floor(Date.parse('2026-10-01T00:00:00Z') / 1000);

const COMPANIES = ['Harbor Dental Group', 'Peak Logistics', 'Bluebird Accounting', 'Summit Legal LLP', 'Cedar Clinics', 'Northwind Traders', 'Riverside Schools', 'Atlas Engineering'];
const FIRST = ['Ann', 'Ben', 'Carla', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana'];
const LAST = ['Ortiz', 'Nguyen', 'Schmidt', 'Patel', 'Kowalski', 'Okafor', 'Larsen', 'Ito'];

/** An MSP billing its clients: managed-service plans, a metered backup-storage add-on, invoices, payments. */
export function seedChargebee(seed: number, options: ChargebeeSeedOptions): ChargebeeData {
	const rng = Prng.from(seed, 'chargebee');
	const items: Rec[] = [
		{ id: 'managed-it', name: 'Managed IT', type: 'plan', status: 'active', item_family_id: 'msp-services', is_shippable: false, metered: false, enabled_for_checkout: true, updated_at: SEED_EPOCH - 90 * 86400, object: 'item' },
		{ id: 'endpoint-protection', name: 'Endpoint Protection', type: 'addon', status: 'active', item_family_id: 'msp-services', metered: false, updated_at: SEED_EPOCH - 90 * 86400, object: 'item' },
		{ id: 'backup-storage-gb', name: 'Backup Storage (GB)', type: 'addon', status: 'active', item_family_id: 'msp-services', metered: true, usage_calculation: 'sum_of_usages', updated_at: SEED_EPOCH - 90 * 86400, object: 'item' },
	];
	const item_prices: Rec[] = [
		{ id: 'managed-it-USD-monthly', item_id: 'managed-it', item_type: 'plan', name: 'Managed IT USD Monthly', pricing_model: 'per_unit', price: 4900, period: 1, period_unit: 'month', currency_code: 'USD', status: 'active', updated_at: SEED_EPOCH - 90 * 86400, object: 'item_price' },
		{ id: 'endpoint-protection-USD-monthly', item_id: 'endpoint-protection', item_type: 'addon', name: 'Endpoint Protection USD Monthly', pricing_model: 'per_unit', price: 650, period: 1, period_unit: 'month', currency_code: 'USD', status: 'active', updated_at: SEED_EPOCH - 90 * 86400, object: 'item_price' },
		{ id: 'backup-storage-gb-USD-monthly', item_id: 'backup-storage-gb', item_type: 'addon', name: 'Backup Storage USD Monthly', pricing_model: 'per_unit', price: 12, period: 1, period_unit: 'month', currency_code: 'USD', status: 'active', updated_at: SEED_EPOCH - 90 * 86400, object: 'item_price' },
	];
	const data: ChargebeeData = { customers: [], items, item_prices, subscriptions: [], invoices: [], credit_notes: [], transactions: [], payment_sources: [], usages: [], events: [], webhook_endpoints: [] };
	let invoiceNo = 1000;
	for (let i = 1; i <= options.customers; i++) {
		const created = SEED_EPOCH - rng.int(60, 700) * 86400;
		const first = rng.pick(FIRST);
		const last = rng.pick(LAST);
		const company = `${rng.pick(COMPANIES)}${i > COMPANIES.length ? ` ${i}` : ''}`;
		const id = `cust_${String(i).padStart(4, '0')}`;
		data.customers.push({
			id,
			first_name: first,
			last_name: last,
			email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`,
			company,
			phone: `+1 555 01${String(i).padStart(2, '0')}`,
			auto_collection: 'on',
			net_term_days: rng.pick([0, 15, 30]),
			allow_direct_debit: false,
			created_at: created,
			updated_at: created + rng.int(0, 50) * 86400,
			taxability: 'taxable',
			preferred_currency_code: 'USD',
			billing_address: { first_name: first, last_name: last, company, line1: `${rng.int(1, 999)} Main St`, city: 'Reno', state: 'Nevada', state_code: 'NV', zip: '89501', country: 'US', object: 'billing_address' },
			deleted: false,
			resource_version: created * 1000,
			object: 'customer',
			card_status: 'valid',
		});
		data.payment_sources.push({
			id: `pm_${String(i).padStart(4, '0')}`,
			customer_id: id,
			type: 'card',
			status: 'valid',
			gateway: 'chargebee',
			reference_id: `tok_${rng.hex(12)}`,
			card: { brand: rng.pick(['visa', 'mastercard', 'american_express']), last4: String(rng.int(1000, 9999)), expiry_month: rng.int(1, 12), expiry_year: 2028, funding_type: 'credit', masked_number: '************' },
			created_at: created,
			updated_at: created,
			deleted: false,
			object: 'payment_source',
		});
		const seats = rng.int(5, 60);
		const subId = `sub_${String(i).padStart(4, '0')}`;
		const status = rng.weighted<string>([['active', 8], ['in_trial', 1], ['cancelled', 1]]);
		const started = created + 86400;
		data.subscriptions.push({
			id: subId,
			customer_id: id,
			status,
			billing_period: 1,
			billing_period_unit: 'month',
			currency_code: 'USD',
			started_at: started,
			activated_at: started,
			current_term_start: SEED_EPOCH - 10 * 86400,
			current_term_end: SEED_EPOCH + 20 * 86400,
			next_billing_at: status === 'cancelled' ? undefined : SEED_EPOCH + 20 * 86400,
			cancelled_at: status === 'cancelled' ? SEED_EPOCH - 5 * 86400 : undefined,
			mrr: 4900 + seats * 650,
			subscription_items: [
				{ item_price_id: 'managed-it-USD-monthly', item_type: 'plan', quantity: 1, unit_price: 4900, amount: 4900, object: 'subscription_item' },
				{ item_price_id: 'endpoint-protection-USD-monthly', item_type: 'addon', quantity: seats, unit_price: 650, amount: 650 * seats, object: 'subscription_item' },
				{ item_price_id: 'backup-storage-gb-USD-monthly', item_type: 'addon', unit_price: 12, object: 'subscription_item' },
			],
			created_at: started,
			updated_at: started + rng.int(0, 30) * 86400,
			deleted: false,
			object: 'subscription',
		});
		for (let m = 0; m < 2; m++) {
			const date = SEED_EPOCH - (40 - m * 30) * 86400;
			const total = 4900 + seats * 650;
			const paid = rng.chance(0.8);
			const invId = String(++invoiceNo);
			data.invoices.push({
				id: invId,
				customer_id: id,
				subscription_id: subId,
				recurring: true,
				status: paid ? 'paid' : 'payment_due',
				date,
				due_date: date + 15 * 86400,
				net_term_days: 15,
				currency_code: 'USD',
				sub_total: total,
				tax: 0,
				total,
				amount_paid: paid ? total : 0,
				amount_due: paid ? 0 : total,
				paid_at: paid ? date + 86400 : undefined,
				line_items: [
					{ id: `li_${invId}_1`, date_from: date, date_to: date + 30 * 86400, unit_amount: 4900, quantity: 1, amount: 4900, tax_amount: 0, description: 'Managed IT', entity_type: 'plan_item_price', entity_id: 'managed-it-USD-monthly', object: 'line_item' },
					{ id: `li_${invId}_2`, date_from: date, date_to: date + 30 * 86400, unit_amount: 650, quantity: seats, amount: 650 * seats, tax_amount: 0, description: 'Endpoint Protection', entity_type: 'addon_item_price', entity_id: 'endpoint-protection-USD-monthly', object: 'line_item' },
				],
				billing_address: data.customers[data.customers.length - 1].billing_address,
				updated_at: date + 86400,
				deleted: false,
				object: 'invoice',
			});
			if (paid) {
				data.transactions.push({
					id: `txn_${invId}`,
					customer_id: id,
					subscription_id: subId,
					payment_source_id: `pm_${String(i).padStart(4, '0')}`,
					payment_method: 'card',
					gateway: 'chargebee',
					type: 'payment',
					date: date + 86400,
					amount: total,
					currency_code: 'USD',
					id_at_gateway: `ch_${rng.hex(16)}`,
					status: 'success',
					linked_invoices: [{ invoice_id: invId, applied_amount: total, applied_at: date + 86400, invoice_date: date, invoice_total: total, invoice_status: 'paid' }],
					updated_at: date + 86400,
					deleted: false,
					object: 'transaction',
				});
			}
		}
	}
	for (let c = 1; c <= Math.max(1, Math.floor(options.customers / 4)); c++) {
		const invoice = rng.pick(data.invoices);
		const amount = 650 * rng.int(1, 3);
		data.credit_notes.push({
			id: `CN-${String(c).padStart(3, '0')}`,
			customer_id: invoice.customer_id,
			subscription_id: invoice.subscription_id,
			reference_invoice_id: invoice.id,
			type: 'adjustment',
			reason_code: 'service_unsatisfactory',
			create_reason_code: 'Service Unsatisfactory',
			status: 'adjusted',
			date: (invoice.date as number) + 3 * 86400,
			currency_code: 'USD',
			total: amount,
			sub_total: amount,
			amount_allocated: amount,
			line_items: [{ id: `li_cn_${c}`, unit_amount: 650, quantity: amount / 650, amount, description: 'Endpoint Protection credit', entity_type: 'addon_item_price', entity_id: 'endpoint-protection-USD-monthly', object: 'line_item' }],
			updated_at: (invoice.date as number) + 3 * 86400,
			deleted: false,
			object: 'credit_note',
		});
	}
	return data;
}
