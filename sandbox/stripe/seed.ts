import { Prng } from '../core/prng';
import type { RequestInfo, StripeEngine } from './engine';
import type { FormObject } from './form';
import { Params } from './params';
import type { StripeObject } from './store';

/*
 * The seeded account: Northwind Managed Services, an MSP that bills its clients monthly per managed
 * device and seat, meters cloud backup and API gateway usage, and invoices one-off projects. Object
 * shapes follow Stripe's official example objects (stripe/openapi fixtures3.json, MIT licence).
 */

export interface StripeSeedOptions {
	customers: number;
	subscriptions: number;
	invoices: number;
	creditNotes: number;
	meterEvents: number;
}

export const STRIPE_SEED_DEFAULTS: StripeSeedOptions = {
	customers: 120,
	subscriptions: 70,
	invoices: 160,
	creditNotes: 8,
	meterEvents: 60,
};

/** Seeded data lives between these dates; anything written at run time is newer. */
export const SEED_START = Date.UTC(2025, 0, 6) / 1000;
export const SEED_END = Date.UTC(2025, 9, 31) / 1000;

const FIRST = ['Acme', 'Blue Ridge', 'Cascade', 'Delta', 'Evergreen', 'Fairview', 'Granite', 'Harbor', 'Ironwood', 'Juniper', 'Keystone', 'Lakeside', 'Meridian', 'Northgate', 'Oakridge', 'Pinnacle', 'Quarry', 'Redwood', 'Summit', 'Tidewater', 'Union', 'Valley', 'Westfield', 'Yellowstone'];
const SECOND = ['Dental', 'Logistics', 'Law Group', 'Accounting', 'Clinic', 'Manufacturing', 'Realty', 'Engineering', 'Foods', 'Architects', 'Insurance', 'Distribution', 'Veterinary', 'Credit Union', 'Construction', 'Hotels'];
const CITIES: Array<[string, string, string]> = [
	['Seattle', 'WA', '98101'],
	['Portland', 'OR', '97205'],
	['Denver', 'CO', '80202'],
	['Austin', 'TX', '78701'],
	['Chicago', 'IL', '60601'],
	['Atlanta', 'GA', '30303'],
	['Boston', 'MA', '02108'],
	['Phoenix', 'AZ', '85004'],
];

export interface SeedResult {
	customers: StripeObject[];
	meters: StripeObject[];
}

/** Fills the store through the engine (so every object follows the same rules), with a seeded clock. */
export function seedStripe(engine: StripeEngine, setClock: (seconds: number) => void, seed: number, options: StripeSeedOptions): SeedResult {
	const none: RequestInfo = { id: null, idempotency_key: null };
	const call = (values: FormObject) => new Params(values);
	const rng = Prng.from(seed, 'stripe:seed');
	const span = SEED_END - SEED_START;
	let tick = 0;
	const total = 20 + options.customers + options.subscriptions + options.invoices * 3 + options.creditNotes;
	const advance = () => setClock(SEED_START + Math.floor((span * ++tick) / total));

	advance();
	const meters = [
		engine.createMeter(call({ display_name: 'API Gateway Requests', event_name: 'api_requests', default_aggregation: { formula: 'sum' } }), none),
		engine.createMeter(call({ display_name: 'Cloud Backup Storage (GB)', event_name: 'backup_storage_gb', default_aggregation: { formula: 'last' } }), none),
	];
	const product = (name: string, description: string, unitLabel?: string) => {
		advance();
		return engine.createProduct(call({ name, description, ...(unitLabel ? { unit_label: unitLabel } : {}) }), none);
	};
	const price = (productId: string, values: FormObject) => engine.createPrice(call({ product: productId, ...values }), none);

	const endpoint = product('Managed Endpoint', 'Monitoring, patching and help desk per workstation', 'device');
	const server = product('Managed Server', 'Monitoring, patching and backup verification per server', 'server');
	const m365 = product('Microsoft 365 Business Premium', 'Licence resale, per seat', 'seat');
	const backup = product('Cloud Backup', 'Off-site backup, billed on the stored volume', 'GB');
	const api = product('API Gateway', 'Integration gateway requests', 'request');
	const onboarding = product('Onboarding Project', 'Fixed-fee onboarding of a new client site');
	const afterHours = product('After-hours Support', 'Emergency support outside business hours, per hour', 'hour');
	const tokyo = product('Tokyo Office Support Visit', 'On-site visit at the Tokyo office');
	const kuwait = product('Kuwait Site Survey', 'Network site survey in Kuwait City');

	const recurring = [
		price(endpoint.id, { currency: 'usd', unit_amount: '4500', recurring: { interval: 'month' }, lookup_key: 'managed_endpoint_monthly', nickname: 'Managed Endpoint (monthly)' }),
		price(server.id, { currency: 'usd', unit_amount: '15000', recurring: { interval: 'month' }, lookup_key: 'managed_server_monthly', nickname: 'Managed Server (monthly)' }),
		price(m365.id, { currency: 'usd', unit_amount: '2200', recurring: { interval: 'month' }, lookup_key: 'm365_premium_monthly', nickname: 'Microsoft 365 Business Premium (monthly)' }),
	];
	price(endpoint.id, { currency: 'eur', unit_amount: '4200', recurring: { interval: 'month' }, lookup_key: 'managed_endpoint_monthly_eur', nickname: 'Managed Endpoint (monthly, EUR)' });
	const metered = [
		price(backup.id, { currency: 'usd', unit_amount_decimal: '12', recurring: { interval: 'month', usage_type: 'metered', meter: meters[1].id }, lookup_key: 'backup_gb_monthly', nickname: 'Cloud Backup per GB' }),
		price(api.id, { currency: 'usd', unit_amount_decimal: '0.05', recurring: { interval: 'month', usage_type: 'metered', meter: meters[0].id }, lookup_key: 'api_requests_monthly', nickname: 'API Gateway per request' }),
	];
	const oneTime = [
		price(onboarding.id, { currency: 'usd', unit_amount: '250000', lookup_key: 'onboarding_fixed', nickname: 'Onboarding (fixed fee)' }),
		price(afterHours.id, { currency: 'usd', unit_amount: '18500', lookup_key: 'after_hours_hour', nickname: 'After-hours support hour' }),
	];
	price(tokyo.id, { currency: 'jpy', unit_amount: '50000', lookup_key: 'tokyo_visit_jpy', nickname: 'Tokyo visit (JPY)' });
	price(kuwait.id, { currency: 'kwd', unit_amount: '125500', lookup_key: 'kuwait_survey_kwd', nickname: 'Kuwait survey (KWD)' });

	const customers: StripeObject[] = [];
	for (let i = 0; i < options.customers; i++) {
		advance();
		const name = `${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}${i >= FIRST.length * SECOND.length ? ` ${i}` : ''}`;
		const [city, state, zip] = rng.pick(CITIES);
		const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
		const pm = i === 3 ? 'pm_card_chargeDeclined' : rng.chance(0.85) ? 'pm_card_visa' : '';
		customers.push(
			engine.createCustomer(
				call({
					name,
					email: `billing@${slug}.example`,
					phone: `+1 555 01${String(i).padStart(2, '0').slice(-2)}`,
					address: { line1: `${rng.int(10, 9800)} ${rng.pick(['Main', 'Market', 'Pine', 'Cedar', 'Elm'])} St`, city, state, postal_code: zip, country: 'US' },
					metadata: { erp_customer_id: `C-${10000 + i}`, psa_company: slug.slice(0, 20) },
					...(pm ? { invoice_settings: { default_payment_method: pm } } : {}),
				}),
				none,
			),
		);
	}

	for (let i = 0; i < Math.min(options.subscriptions, customers.length); i++) {
		advance();
		const customer = customers[i];
		const items: FormObject[] = [{ price: recurring[0].id, quantity: String(rng.int(5, 60)) }];
		if (rng.chance(0.4)) items.push({ price: recurring[1].id, quantity: String(rng.int(1, 6)) });
		if (rng.chance(0.7)) items.push({ price: recurring[2].id, quantity: String(rng.int(5, 80)) });
		if (rng.chance(0.5)) items.push({ price: metered[0].id });
		if (rng.chance(0.25)) items.push({ price: metered[1].id });
		const sub = engine.createSubscription(
			call({ customer: customer.id, items, metadata: { agreement: `AGR-${2000 + i}` }, ...(rng.chance(0.1) ? { trial_period_days: '30' } : {}) }),
			none,
		);
		if (rng.chance(0.08)) engine.cancelSubscription(sub.id, none);
	}

	const invoices: StripeObject[] = [];
	for (let i = 0; i < options.invoices; i++) {
		advance();
		const customer = customers[rng.int(0, customers.length - 1)];
		const sendInvoice = rng.chance(0.4);
		const invoice = engine.createInvoice(
			call({ customer: customer.id, collection_method: sendInvoice ? 'send_invoice' : 'charge_automatically', ...(sendInvoice ? { days_until_due: '30' } : {}), description: rng.pick(['Project work', 'Monthly services', 'Hardware and labour', 'After-hours support']) }),
			none,
		);
		const lines = rng.int(1, 3);
		for (let l = 0; l < lines; l++) {
			advance();
			if (rng.chance(0.4)) engine.createInvoiceItem(call({ customer: customer.id, invoice: invoice.id, pricing: { price: rng.pick(oneTime).id }, quantity: String(rng.int(1, 4)) }), none);
			else engine.createInvoiceItem(call({ customer: customer.id, invoice: invoice.id, amount: String(rng.int(50, 4000) * 100 + rng.pick([0, 0, 50, 99])), currency: 'usd', description: rng.pick(['Firewall replacement', 'Switch configuration', 'Laptop deployment', 'Wi-Fi survey', 'Server migration']) }), none);
		}
		const state = rng.weighted([['paid', 70], ['open', 15], ['void', 5], ['draft', 10]] as const);
		if (state !== 'draft') {
			advance();
			engine.finalizeInvoice(invoice.id, call({}), none);
			if (state === 'paid') engine.markPaid(invoice, none, rng.chance(0.8) ? 'pm_card_visa' : undefined);
			if (state === 'void') engine.voidInvoice(invoice.id, none);
		}
		invoices.push(invoice);
	}

	const paid = invoices.filter((inv) => inv.status === 'paid');
	for (let i = 0; i < Math.min(options.creditNotes, paid.length); i++) {
		advance();
		const invoice = paid[i * 3 % paid.length];
		const amount = Math.max(100, Math.floor(Number(invoice.total) / 10 / 100) * 100);
		if (invoice.total && Number(invoice.total) >= amount) {
			engine.createCreditNote(call({ invoice: invoice.id, reason: 'product_unsatisfactory', lines: [{ type: 'custom_line_item', unit_amount: String(amount), quantity: '1', description: 'Service credit: missed SLA' }] }), none);
		}
	}

	const subscribed = customers.slice(0, Math.min(options.subscriptions, customers.length));
	for (let i = 0; i < options.meterEvents && subscribed.length > 0; i++) {
		const customer = subscribed[rng.int(0, subscribed.length - 1)];
		const meter = rng.pick(meters);
		engine.store.put('meter_events', {
			id: `mev_seed-${i}`,
			object: 'billing.meter_event',
			created: SEED_END - (options.meterEvents - i) * 3600,
			event_name: meter.event_name,
			identifier: `seed-${i}`,
			livemode: false,
			payload: { stripe_customer_id: customer.id, value: String(meter.event_name === 'api_requests' ? rng.int(100, 50000) : rng.int(20, 900)) },
			timestamp: SEED_END - (options.meterEvents - i) * 3600,
		});
	}
	return { customers, meters };
}
