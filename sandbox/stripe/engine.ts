import { SandboxHttpError } from '../core/http';
import { invalidRequest, missingParam, noSuch, stripeError } from './errors';
import { METER_IDENTIFIER_WINDOW_MS } from './constants';
import { Params } from './params';
import { clone, type Collection, type StripeObject, type StripeStore } from './store';

/** Who caused a change: the API request (id, idempotency key) or the Dashboard/automation (null). */
export interface RequestInfo {
	id: string | null;
	idempotency_key: string | null;
}

export type EventSink = (type: string, object: StripeObject, request: RequestInfo, previous?: Record<string, unknown>) => void;

const fail = (response: ReturnType<typeof invalidRequest>): never => {
	throw new SandboxHttpError(response);
};

const CURRENCY = /^[a-z]{3}$/;

function address(p: Params | undefined): Record<string, unknown> | null {
	if (!p) return null;
	p.only('city', 'country', 'line1', 'line2', 'postal_code', 'state');
	return {
		city: p.str('city') ?? null,
		country: p.str('country') ?? null,
		line1: p.str('line1') ?? null,
		line2: p.str('line2') ?? null,
		postal_code: p.str('postal_code') ?? null,
		state: p.str('state') ?? null,
	};
}

/**
 * The Billing objects and their rules: customers, products, prices, subscriptions, invoices and
 * their items, credit notes, meters and meter events, payments. Every change goes through here so
 * that the matching event is emitted.
 */
export class StripeEngine {
	constructor(
		readonly store: StripeStore,
		private readonly nowSeconds: () => number,
		private readonly emit: EventSink,
	) {}

	private base(prefix: string, object: string): StripeObject {
		return { id: this.store.newId(prefix), object, created: this.nowSeconds(), livemode: false };
	}

	require(collection: Collection, kind: string, id: string, param = 'id'): StripeObject {
		const found = this.store.get(collection, id);
		if (!found) fail(noSuch(kind, id, param));
		return found as StripeObject;
	}

	private currency(value: string | undefined, param = 'currency'): string {
		const c = (value ?? '').toLowerCase();
		if (!CURRENCY.test(c)) fail(invalidRequest(`Invalid currency: ${value ?? ''}`, param, 'parameter_invalid_string'));
		return c;
	}

	/* ---------------------------------------------------------------- customers */

	createCustomer(p: Params, req: RequestInfo): StripeObject {
		p.only('name', 'email', 'description', 'phone', 'metadata', 'address', 'preferred_locales', 'invoice_prefix', 'invoice_settings');
		const email = p.str('email');
		if (email !== undefined && email !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail(invalidRequest('Invalid email address: ' + email, 'email', 'email_invalid'));
		const customer: StripeObject = {
			...this.base('cus', 'customer'),
			address: address(p.obj('address')),
			balance: 0,
			currency: null,
			default_source: null,
			delinquent: false,
			description: p.str('description') ?? null,
			email: email || null,
			invoice_prefix: p.str('invoice_prefix') ?? this.store.newId('x').slice(2, 10).toUpperCase(),
			invoice_settings: { custom_fields: null, default_payment_method: p.obj('invoice_settings')?.str('default_payment_method') ?? null, footer: null, rendering_options: null },
			metadata: p.metadata() ?? {},
			name: p.str('name') ?? null,
			next_invoice_sequence: 1,
			phone: p.str('phone') ?? null,
			preferred_locales: p.strings('preferred_locales'),
			shipping: null,
			tax_exempt: 'none',
			test_clock: null,
		};
		this.store.put('customers', customer);
		this.emit('customer.created', customer, req);
		return customer;
	}

	updateCustomer(id: string, p: Params, req: RequestInfo): StripeObject {
		const customer = this.require('customers', 'customer', id);
		p.only('name', 'email', 'description', 'phone', 'metadata', 'address', 'preferred_locales', 'invoice_settings');
		const previous: Record<string, unknown> = {};
		const set = (key: string, value: unknown) => {
			if (value === undefined) return;
			previous[key] = customer[key];
			customer[key] = value === '' ? null : value;
		};
		set('name', p.str('name'));
		set('email', p.str('email'));
		set('description', p.str('description'));
		set('phone', p.str('phone'));
		set('address', p.has('address') ? address(p.obj('address')) : undefined);
		set('metadata', p.metadata(customer.metadata as Record<string, string>));
		const pm = p.obj('invoice_settings')?.str('default_payment_method');
		if (pm !== undefined) set('invoice_settings', { ...(customer.invoice_settings as object), default_payment_method: pm || null });
		this.emit('customer.updated', customer, req, previous);
		return customer;
	}

	deleteCustomer(id: string, req: RequestInfo): StripeObject {
		const customer = this.require('customers', 'customer', id);
		this.store.remove('customers', id);
		for (const sub of this.store.all('subscriptions').filter((s) => s.customer === id && s.status !== 'canceled')) {
			this.cancelSubscription(sub.id, req);
		}
		this.emit('customer.deleted', customer, req);
		return { id, object: 'customer', deleted: true };
	}

	/* ---------------------------------------------------------------- products and prices */

	createProduct(p: Params, req: RequestInfo): StripeObject {
		p.only('id', 'name', 'active', 'description', 'metadata', 'unit_label', 'url', 'tax_code', 'statement_descriptor', 'shippable');
		const id = p.str('id');
		if (id && this.store.get('products', id)) fail(stripeError(400, 'invalid_request_error', `Product already exists.`, { code: 'resource_already_exists', param: 'id' }));
		const product: StripeObject = {
			...this.base('prod', 'product'),
			...(id ? { id } : {}),
			active: p.bool('active') ?? true,
			default_price: null,
			description: p.str('description') ?? null,
			images: [],
			marketing_features: [],
			metadata: p.metadata() ?? {},
			name: p.requireStr('name'),
			package_dimensions: null,
			shippable: p.bool('shippable') ?? null,
			statement_descriptor: p.str('statement_descriptor') ?? null,
			tax_code: p.str('tax_code') ?? null,
			type: 'service',
			unit_label: p.str('unit_label') ?? null,
			updated: this.nowSeconds(),
			url: p.str('url') ?? null,
		};
		this.store.put('products', product);
		this.emit('product.created', product, req);
		return product;
	}

	updateProduct(id: string, p: Params, req: RequestInfo): StripeObject {
		const product = this.require('products', 'product', id);
		p.only('name', 'active', 'description', 'metadata', 'unit_label', 'url', 'default_price');
		const previous: Record<string, unknown> = {};
		for (const key of ['name', 'description', 'unit_label', 'url', 'default_price']) {
			const v = p.str(key);
			if (v !== undefined) {
				previous[key] = product[key];
				product[key] = v === '' ? null : v;
			}
		}
		const active = p.bool('active');
		if (active !== undefined) product.active = active;
		const metadata = p.metadata(product.metadata as Record<string, string>);
		if (metadata) product.metadata = metadata;
		product.updated = this.nowSeconds();
		this.emit('product.updated', product, req, previous);
		return product;
	}

	deleteProduct(id: string, req: RequestInfo): StripeObject {
		const product = this.require('products', 'product', id);
		if (this.store.all('prices').some((price) => price.product === id)) {
			fail(invalidRequest('This product cannot be deleted because it has one or more user-created prices.', 'id'));
		}
		this.store.remove('products', id);
		this.emit('product.deleted', product, req);
		return { id, object: 'product', deleted: true };
	}

	createPrice(p: Params, req: RequestInfo): StripeObject {
		p.only('currency', 'product', 'product_data', 'unit_amount', 'unit_amount_decimal', 'recurring', 'nickname', 'lookup_key', 'metadata', 'active', 'billing_scheme', 'tax_behavior');
		const currency = this.currency(p.requireStr('currency'));
		let productId = p.str('product');
		const productData = p.obj('product_data');
		if (!productId && !productData) fail(missingParam('product'));
		if (productId) this.require('products', 'product', productId, 'product');
		else productId = this.createProduct(productData as Params, req).id;
		const unitAmount = p.int('unit_amount');
		const unitAmountDecimal = p.decimal('unit_amount_decimal');
		if (unitAmount === undefined && unitAmountDecimal === undefined) fail(missingParam('unit_amount'));
		if (unitAmount !== undefined && unitAmount < 0) fail(invalidRequest('unit_amount must be a non-negative integer', 'unit_amount', 'parameter_invalid_integer'));
		const recurringParams = p.obj('recurring');
		let recurring: Record<string, unknown> | null = null;
		if (recurringParams) {
			recurringParams.only('interval', 'interval_count', 'usage_type', 'meter', 'trial_period_days');
			const usageType = recurringParams.oneOf('usage_type', ['licensed', 'metered'] as const) ?? 'licensed';
			const meter = recurringParams.str('meter') ?? null;
			if (usageType === 'metered' && !meter) fail(missingParam('recurring[meter]'));
			if (meter) this.require('billing_meters', 'billing meter', meter, 'recurring[meter]');
			recurring = {
				interval: recurringParams.oneOf('interval', ['day', 'week', 'month', 'year'] as const) ?? fail(missingParam('recurring[interval]')),
				interval_count: recurringParams.int('interval_count') ?? 1,
				meter,
				trial_period_days: recurringParams.int('trial_period_days') ?? null,
				usage_type: usageType,
			};
		}
		const lookupKey = p.str('lookup_key') ?? null;
		if (lookupKey && this.store.all('prices').some((pr) => pr.lookup_key === lookupKey && pr.active)) {
			fail(invalidRequest(`A price (\`${lookupKey}\`) already uses that lookup key.`, 'lookup_key'));
		}
		const price: StripeObject = {
			...this.base('price', 'price'),
			active: p.bool('active') ?? true,
			billing_scheme: 'per_unit',
			currency,
			custom_unit_amount: null,
			lookup_key: lookupKey,
			metadata: p.metadata() ?? {},
			nickname: p.str('nickname') ?? null,
			product: productId,
			recurring,
			tax_behavior: p.str('tax_behavior') ?? 'unspecified',
			tiers_mode: null,
			transform_quantity: null,
			type: recurring ? 'recurring' : 'one_time',
			unit_amount: unitAmount ?? (unitAmountDecimal && /^\d+$/.test(unitAmountDecimal) ? Number(unitAmountDecimal) : null),
			unit_amount_decimal: unitAmountDecimal ?? String(unitAmount),
		};
		this.store.put('prices', price);
		this.emit('price.created', price, req);
		return price;
	}

	updatePrice(id: string, p: Params, req: RequestInfo): StripeObject {
		const price = this.require('prices', 'price', id);
		p.only('active', 'nickname', 'lookup_key', 'metadata', 'tax_behavior');
		const active = p.bool('active');
		if (active !== undefined) price.active = active;
		const nickname = p.str('nickname');
		if (nickname !== undefined) price.nickname = nickname || null;
		const lookup = p.str('lookup_key');
		if (lookup !== undefined) price.lookup_key = lookup || null;
		const metadata = p.metadata(price.metadata as Record<string, string>);
		if (metadata) price.metadata = metadata;
		this.emit('price.updated', price, req);
		return price;
	}

	/* ---------------------------------------------------------------- subscriptions */

	private subscriptionItem(subscriptionId: string, p: Params): StripeObject {
		p.only('price', 'quantity', 'metadata');
		const priceId = p.requireStr('price');
		const price = this.require('prices', 'price', priceId, 'items[][price]');
		if (!price.recurring) fail(invalidRequest(`The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`, 'items[0][price]'));
		const metered = (price.recurring as Record<string, unknown>).usage_type === 'metered';
		const quantity = p.int('quantity');
		if (metered && quantity !== undefined) fail(invalidRequest('Quantity should not be specified where usage_type is `metered`. Remove quantity from `items[0]`.', 'items[0][quantity]'));
		const now = this.nowSeconds();
		return {
			id: this.store.newId('si'),
			object: 'subscription_item',
			created: now,
			current_period_end: now + 30 * 86400,
			current_period_start: now,
			discounts: [],
			metadata: p.metadata() ?? {},
			price: clone(price),
			quantity: metered ? undefined : (quantity ?? 1),
			subscription: subscriptionId,
			tax_rates: [],
		} as StripeObject;
	}

	createSubscription(p: Params, req: RequestInfo): StripeObject {
		p.only('customer', 'items', 'metadata', 'collection_method', 'days_until_due', 'trial_period_days', 'cancel_at_period_end', 'description', 'default_payment_method', 'payment_behavior');
		const customerId = p.requireStr('customer');
		this.require('customers', 'customer', customerId, 'customer');
		const items = p.list('items');
		if (items.length === 0) fail(missingParam('items'));
		const collection = p.oneOf('collection_method', ['charge_automatically', 'send_invoice'] as const) ?? 'charge_automatically';
		const daysUntilDue = p.int('days_until_due') ?? null;
		if (collection === 'send_invoice' && daysUntilDue === null) fail(missingParam('days_until_due'));
		const id = this.store.newId('sub');
		const built = items.map((item) => this.subscriptionItem(id, item));
		const currencies = new Set(built.map((i) => (i.price as StripeObject).currency));
		if (currencies.size > 1) fail(invalidRequest('All prices on a subscription must have the same `currency`.', 'items'));
		const trialDays = p.int('trial_period_days');
		const now = this.nowSeconds();
		const subscription: StripeObject = {
			id,
			object: 'subscription',
			created: now,
			livemode: false,
			billing_cycle_anchor: now,
			cancel_at: null,
			cancel_at_period_end: p.bool('cancel_at_period_end') ?? false,
			canceled_at: null,
			cancellation_details: { comment: null, feedback: null, reason: null },
			collection_method: collection,
			currency: [...currencies][0],
			customer: customerId,
			days_until_due: daysUntilDue,
			default_payment_method: p.str('default_payment_method') ?? null,
			description: p.str('description') ?? null,
			discounts: [],
			ended_at: null,
			items: { object: 'list', data: built, has_more: false, total_count: built.length, url: `/v1/subscription_items?subscription=${id}` },
			latest_invoice: null,
			metadata: p.metadata() ?? {},
			start_date: now,
			status: trialDays ? 'trialing' : 'active',
			trial_end: trialDays ? now + trialDays * 86400 : null,
			trial_start: trialDays ? now : null,
		};
		this.store.put('subscriptions', subscription);
		this.emit('customer.subscription.created', subscription, req);
		return subscription;
	}

	updateSubscription(id: string, p: Params, req: RequestInfo): StripeObject {
		const sub = this.require('subscriptions', 'subscription', id);
		p.only('metadata', 'cancel_at_period_end', 'description', 'days_until_due', 'collection_method', 'items', 'default_payment_method');
		if (sub.status === 'canceled') fail(invalidRequest('A canceled subscription can only update its cancellation_details and metadata.', 'id'));
		const previous: Record<string, unknown> = {};
		const cap = p.bool('cancel_at_period_end');
		if (cap !== undefined) {
			previous.cancel_at_period_end = sub.cancel_at_period_end;
			sub.cancel_at_period_end = cap;
		}
		const description = p.str('description');
		if (description !== undefined) sub.description = description || null;
		const metadata = p.metadata(sub.metadata as Record<string, string>);
		if (metadata) sub.metadata = metadata;
		const items = p.list('items');
		if (items.length) {
			const list = sub.items as { data: StripeObject[]; total_count: number };
			for (const item of items) {
				const existingId = item.str('id');
				if (existingId) {
					const existing = list.data.find((i) => i.id === existingId) ?? fail(noSuch('subscription_item', existingId, 'items[][id]'));
					item.only('id', 'quantity', 'deleted', 'metadata', 'price');
					if (item.bool('deleted')) list.data = list.data.filter((i) => i.id !== existingId);
					const q = item.int('quantity');
					if (q !== undefined) (existing as StripeObject).quantity = q;
				} else {
					list.data.push(this.subscriptionItem(id, item));
				}
			}
			list.total_count = list.data.length;
		}
		this.emit('customer.subscription.updated', sub, req, previous);
		return sub;
	}

	cancelSubscription(id: string, req: RequestInfo): StripeObject {
		const sub = this.require('subscriptions', 'subscription', id);
		if (sub.status === 'canceled') fail(invalidRequest(`No such subscription: '${id}'`, 'id', 'resource_missing'));
		const now = this.nowSeconds();
		sub.status = 'canceled';
		sub.canceled_at = now;
		sub.ended_at = now;
		sub.cancellation_details = { comment: null, feedback: null, reason: 'cancellation_requested' };
		this.emit('customer.subscription.deleted', sub, req);
		return sub;
	}

	/* ---------------------------------------------------------------- invoices */

	createInvoice(p: Params, req: RequestInfo): StripeObject {
		p.only('customer', 'auto_advance', 'collection_method', 'days_until_due', 'due_date', 'description', 'metadata', 'currency', 'subscription', 'pending_invoice_items_behavior', 'footer');
		const customerId = p.requireStr('customer');
		const customer = this.require('customers', 'customer', customerId, 'customer');
		const collection = p.oneOf('collection_method', ['charge_automatically', 'send_invoice'] as const) ?? 'charge_automatically';
		const daysUntilDue = p.int('days_until_due');
		const dueDate = p.int('due_date');
		if (collection === 'send_invoice' && daysUntilDue === undefined && dueDate === undefined) {
			fail(invalidRequest('Invoices with `collection_method=send_invoice` must have either a `due_date` or `days_until_due`.', 'days_until_due'));
		}
		if (collection === 'charge_automatically' && (daysUntilDue !== undefined || dueDate !== undefined)) {
			fail(invalidRequest('Invoices with `collection_method=charge_automatically` cannot have a `due_date` or `days_until_due`.', 'days_until_due'));
		}
		const subscription = p.str('subscription');
		if (subscription) this.require('subscriptions', 'subscription', subscription, 'subscription');
		const now = this.nowSeconds();
		const id = this.store.newId('in');
		const invoice: StripeObject = {
			id,
			object: 'invoice',
			created: now,
			livemode: false,
			account_country: 'US',
			account_name: 'Northwind Managed Services',
			amount_due: 0,
			amount_paid: 0,
			amount_remaining: 0,
			attempt_count: 0,
			attempted: false,
			auto_advance: p.bool('auto_advance') ?? false,
			billing_reason: subscription ? 'subscription' : 'manual',
			collection_method: collection,
			currency: this.currency(p.str('currency') ?? (customer.currency as string | null) ?? 'usd'),
			customer: customerId,
			customer_email: customer.email ?? null,
			customer_name: customer.name ?? null,
			default_payment_method: null,
			description: p.str('description') ?? null,
			due_date: dueDate ?? (daysUntilDue !== undefined ? now + daysUntilDue * 86400 : null),
			effective_at: null,
			footer: p.str('footer') ?? null,
			hosted_invoice_url: null,
			invoice_pdf: null,
			lines: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/invoices/${id}/lines` },
			metadata: p.metadata() ?? {},
			number: null,
			parent: subscription ? { type: 'subscription_details', subscription_details: { metadata: null, subscription } } : null,
			period_end: now,
			period_start: now,
			post_payment_credit_notes_amount: 0,
			pre_payment_credit_notes_amount: 0,
			status: 'draft',
			status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
			subtotal: 0,
			total: 0,
		};
		this.store.put('invoices', invoice);
		if (p.oneOf('pending_invoice_items_behavior', ['include', 'exclude'] as const) === 'include') {
			for (const item of this.store.all('invoiceitems').filter((i) => i.customer === customerId && i.invoice === null)) {
				item.invoice = id;
			}
			this.recalculate(invoice);
		}
		this.emit('invoice.created', invoice, req);
		return invoice;
	}

	/** Lines and totals of a draft from its invoice items. */
	recalculate(invoice: StripeObject): void {
		const items = this.store.all('invoiceitems').filter((i) => i.invoice === invoice.id);
		const lines = items.map((item) => ({
			id: `il_${item.id.slice(3)}`,
			object: 'line_item',
			amount: item.amount,
			currency: item.currency,
			description: item.description,
			discountable: true,
			discounts: [],
			invoice: invoice.id,
			livemode: false,
			metadata: item.metadata,
			parent: { type: 'invoice_item_details', invoice_item_details: { invoice_item: item.id, proration: false, subscription: null } },
			period: item.period,
			pricing: item.pricing,
			quantity: item.quantity,
		}));
		const total = items.reduce((sum, i) => sum + Number(i.amount), 0);
		const list = invoice.lines as Record<string, unknown>;
		list.data = lines;
		list.total_count = lines.length;
		invoice.subtotal = total;
		invoice.total = total;
		invoice.amount_due = Math.max(0, total - Number(invoice.pre_payment_credit_notes_amount ?? 0));
		invoice.amount_remaining = Math.max(0, Number(invoice.amount_due) - Number(invoice.amount_paid));
	}

	private requireDraft(invoice: StripeObject): void {
		if (invoice.status !== 'draft') {
			fail(invalidRequest(`You can only modify draft invoices. This invoice (${invoice.id}) is ${String(invoice.status)}.`, 'invoice', 'invoice_not_editable'));
		}
	}

	updateInvoice(id: string, p: Params, req: RequestInfo): StripeObject {
		const invoice = this.require('invoices', 'invoice', id);
		p.only('description', 'metadata', 'footer', 'auto_advance', 'days_until_due', 'due_date');
		const metadata = p.metadata(invoice.metadata as Record<string, string>);
		if (metadata) invoice.metadata = metadata;
		if (p.has('description') || p.has('footer') || p.has('days_until_due') || p.has('due_date')) this.requireDraft(invoice);
		const description = p.str('description');
		if (description !== undefined) invoice.description = description || null;
		const footer = p.str('footer');
		if (footer !== undefined) invoice.footer = footer || null;
		const autoAdvance = p.bool('auto_advance');
		if (autoAdvance !== undefined) invoice.auto_advance = autoAdvance;
		this.emit('invoice.updated', invoice, req);
		return invoice;
	}

	deleteInvoice(id: string, req: RequestInfo): StripeObject {
		const invoice = this.require('invoices', 'invoice', id);
		if (invoice.status !== 'draft') fail(invalidRequest('You can only delete draft invoices.', 'invoice', 'invoice_not_editable'));
		for (const item of this.store.all('invoiceitems').filter((i) => i.invoice === id)) this.store.remove('invoiceitems', item.id);
		this.store.remove('invoices', id);
		this.emit('invoice.deleted', invoice, req);
		return { id, object: 'invoice', deleted: true };
	}

	finalizeInvoice(id: string, p: Params, req: RequestInfo): StripeObject {
		p.only('auto_advance');
		const invoice = this.require('invoices', 'invoice', id);
		if (invoice.status !== 'draft') fail(invalidRequest('This invoice is already finalized, you can\'t re-finalize a non-draft invoice.', 'invoice', 'invoice_not_editable'));
		const customer = this.store.get('customers', String(invoice.customer));
		const now = this.nowSeconds();
		const sequence = Number(customer?.next_invoice_sequence ?? 1);
		if (customer) customer.next_invoice_sequence = sequence + 1;
		invoice.number = `${String(customer?.invoice_prefix ?? 'INV')}-${String(sequence).padStart(4, '0')}`;
		invoice.status = 'open';
		invoice.effective_at = now;
		invoice.hosted_invoice_url = `https://invoice.stripe.com/i/acct_sandbox/test_${id}`;
		invoice.invoice_pdf = `https://pay.stripe.com/invoice/acct_sandbox/test_${id}/pdf`;
		(invoice.status_transitions as Record<string, unknown>).finalized_at = now;
		this.emit('invoice.finalized', invoice, req);
		// Stripe marks an invoice with nothing to pay as paid when it is finalized.
		if (Number(invoice.amount_due) === 0) this.markPaid(invoice, req, undefined);
		return invoice;
	}

	sendInvoice(id: string, req: RequestInfo): StripeObject {
		const invoice = this.require('invoices', 'invoice', id);
		if (invoice.collection_method !== 'send_invoice') {
			fail(invalidRequest('You can only manually send an invoice if its collection method is \'send_invoice\'.', 'invoice'));
		}
		if (invoice.status === 'draft') this.finalizeInvoice(id, paramsOf({}), req);
		if (invoice.status !== 'open' && invoice.status !== 'paid') fail(invalidRequest(`You can't send an invoice that is ${String(invoice.status)}.`, 'invoice'));
		this.emit('invoice.sent', invoice, req);
		return invoice;
	}

	payInvoice(id: string, p: Params, req: RequestInfo): StripeObject {
		p.only('paid_out_of_band', 'payment_method', 'source', 'off_session', 'forgive');
		const invoice = this.require('invoices', 'invoice', id);
		if (invoice.status === 'paid') fail(invalidRequest('Invoice is already paid', 'invoice', 'invoice_payment_intent_requires_action'));
		if (invoice.status === 'void' || invoice.status === 'uncollectible') fail(invalidRequest(`You can't pay an invoice that is ${String(invoice.status)}.`, 'invoice'));
		// Paying a draft finalizes it first.
		if (invoice.status === 'draft') this.finalizeInvoice(id, paramsOf({}), req);
		if (invoice.status === 'paid') return invoice;
		if (p.bool('paid_out_of_band')) {
			this.markPaid(invoice, req, undefined);
			return invoice;
		}
		const customer = this.store.get('customers', String(invoice.customer));
		const paymentMethod = p.str('payment_method') ?? ((customer?.invoice_settings as Record<string, unknown> | undefined)?.default_payment_method as string | null) ?? undefined;
		invoice.attempted = true;
		invoice.attempt_count = Number(invoice.attempt_count) + 1;
		if (!paymentMethod) {
			fail(invalidRequest('This customer has no attached payment source or default payment method. Please consider adding a default payment method.', 'customer'));
		}
		if (paymentMethod === 'pm_card_chargeDeclined') {
			this.emit('invoice.payment_failed', invoice, req);
			fail(stripeError(402, 'card_error', 'Your card was declined.', { code: 'card_declined', declineCode: 'generic_decline', param: 'payment_method' }));
		}
		this.markPaid(invoice, req, paymentMethod);
		return invoice;
	}

	/** Marks an open invoice paid, with a payment intent, charge and invoice payment unless paid out of band. */
	markPaid(invoice: StripeObject, req: RequestInfo, paymentMethod: string | undefined): void {
		const now = this.nowSeconds();
		const amount = Number(invoice.amount_due);
		invoice.status = 'paid';
		invoice.amount_paid = amount;
		invoice.amount_remaining = 0;
		(invoice.status_transitions as Record<string, unknown>).paid_at = now;
		if (paymentMethod && amount > 0) {
			const intent: StripeObject = {
				...this.base('pi', 'payment_intent'),
				amount,
				amount_received: amount,
				currency: invoice.currency,
				customer: invoice.customer,
				description: `Payment for Invoice ${String(invoice.number)}`,
				latest_charge: null,
				metadata: {},
				payment_method: paymentMethod,
				payment_method_types: ['card'],
				status: 'succeeded',
			};
			const charge: StripeObject = {
				...this.base('ch', 'charge'),
				amount,
				amount_captured: amount,
				amount_refunded: 0,
				captured: true,
				currency: invoice.currency,
				customer: invoice.customer,
				description: intent.description,
				metadata: {},
				paid: true,
				payment_intent: intent.id,
				payment_method: paymentMethod,
				refunded: false,
				status: 'succeeded',
			};
			intent.latest_charge = charge.id;
			const payment: StripeObject = {
				...this.base('inpay', 'invoice_payment'),
				amount_paid: amount,
				amount_requested: amount,
				currency: invoice.currency,
				invoice: invoice.id,
				is_default: true,
				payment: { type: 'payment_intent', payment_intent: intent.id },
				status: 'paid',
				status_transitions: { canceled_at: null, paid_at: now },
			};
			this.store.put('payment_intents', intent);
			this.store.put('charges', charge);
			this.store.put('invoice_payments', payment);
			this.emit('payment_intent.succeeded', intent, req);
			this.emit('charge.succeeded', charge, req);
		}
		this.emit('invoice.paid', invoice, req);
		this.emit('invoice.payment_succeeded', invoice, req);
	}

	voidInvoice(id: string, req: RequestInfo): StripeObject {
		const invoice = this.require('invoices', 'invoice', id);
		if (invoice.status !== 'open') fail(invalidRequest(`You can only void open invoices. This invoice is ${String(invoice.status)}.`, 'invoice'));
		invoice.status = 'void';
		(invoice.status_transitions as Record<string, unknown>).voided_at = this.nowSeconds();
		this.emit('invoice.voided', invoice, req);
		return invoice;
	}

	/* ---------------------------------------------------------------- invoice items */

	createInvoiceItem(p: Params, req: RequestInfo): StripeObject {
		p.only('customer', 'invoice', 'amount', 'currency', 'description', 'quantity', 'unit_amount_decimal', 'pricing', 'metadata', 'period', 'subscription', 'discountable');
		const customerId = p.requireStr('customer');
		const customer = this.require('customers', 'customer', customerId, 'customer');
		const invoiceId = p.str('invoice');
		const invoice = invoiceId ? this.require('invoices', 'invoice', invoiceId, 'invoice') : undefined;
		if (invoice) {
			this.requireDraft(invoice);
			if (invoice.customer !== customerId) fail(invalidRequest('The invoice and invoice item must belong to the same customer.', 'invoice'));
		}
		const pricing = p.obj('pricing');
		const priceId = pricing?.only('price').str('price');
		const price = priceId ? this.require('prices', 'price', priceId, 'pricing[price]') : undefined;
		if (price && price.type !== 'one_time') fail(invalidRequest('The price specified is a recurring price. Use a one-time price for invoice items.', 'pricing[price]'));
		const quantity = p.int('quantity') ?? 1;
		const amount = p.int('amount');
		const unitDecimal = p.decimal('unit_amount_decimal');
		if (!price && amount === undefined && unitDecimal === undefined) fail(missingParam('amount'));
		if (amount !== undefined && (price || unitDecimal !== undefined)) fail(invalidRequest('You may only specify one of these parameters: amount, pricing[price], unit_amount_decimal.', 'amount'));
		const currency = price ? String(price.currency) : this.currency(p.str('currency') ?? (invoice?.currency as string | undefined) ?? (customer.currency as string | null) ?? undefined);
		if (invoice && invoice.currency !== currency) fail(invalidRequest(`The currency of the invoice item (${currency}) must match the invoice's (${String(invoice.currency)}).`, 'currency'));
		const unit = price ? String(price.unit_amount_decimal) : (unitDecimal ?? (amount !== undefined ? String(amount / quantity) : '0'));
		const total = amount ?? Math.round(Number(unit) * quantity);
		const now = this.nowSeconds();
		const period = p.obj('period');
		const item: StripeObject = {
			...this.base('ii', 'invoiceitem'),
			amount: total,
			currency,
			customer: customerId,
			date: now,
			description: p.str('description') ?? (price ? String(price.nickname ?? '') || null : null),
			discountable: p.bool('discountable') ?? true,
			discounts: [],
			invoice: invoiceId ?? null,
			metadata: p.metadata() ?? {},
			parent: null,
			period: { end: period?.int('end') ?? now, start: period?.int('start') ?? now },
			pricing: { type: 'price_details', price_details: price ? { price: price.id, product: price.product } : null, unit_amount_decimal: unit },
			proration: false,
			quantity,
			tax_rates: [],
			test_clock: null,
		};
		this.store.put('invoiceitems', item);
		if (invoice) this.recalculate(invoice);
		this.emit('invoiceitem.created', item, req);
		return item;
	}

	deleteInvoiceItem(id: string, req: RequestInfo): StripeObject {
		const item = this.require('invoiceitems', 'invoiceitem', id);
		const invoice = item.invoice ? this.store.get('invoices', String(item.invoice)) : undefined;
		if (invoice) this.requireDraft(invoice);
		this.store.remove('invoiceitems', id);
		if (invoice) this.recalculate(invoice);
		this.emit('invoiceitem.deleted', item, req);
		return { id, object: 'invoiceitem', deleted: true };
	}

	/* ---------------------------------------------------------------- credit notes */

	createCreditNote(p: Params, req: RequestInfo): StripeObject {
		p.only('invoice', 'lines', 'reason', 'memo', 'metadata', 'credit_amount', 'refund_amount', 'out_of_band_amount');
		const invoiceId = p.requireStr('invoice');
		const invoice = this.require('invoices', 'invoice', invoiceId, 'invoice');
		if (invoice.status !== 'open' && invoice.status !== 'paid') {
			fail(invalidRequest('Credit notes can only be issued for finalized (open or paid) invoices.', 'invoice'));
		}
		const lines = p.list('lines').map((line, i) => {
			line.only('type', 'unit_amount', 'unit_amount_decimal', 'quantity', 'description', 'invoice_line_item', 'amount');
			const type = line.oneOf('type', ['custom_line_item', 'invoice_line_item'] as const) ?? fail(missingParam(`lines[${i}][type]`));
			const quantity = line.int('quantity') ?? 1;
			let amount: number;
			let description = line.str('description') ?? null;
			if (type === 'invoice_line_item') {
				const lineId = line.requireStr('invoice_line_item');
				const source = ((invoice.lines as { data: StripeObject[] }).data ?? []).find((l) => l.id === lineId) ?? fail(noSuch('invoice line item', lineId, `lines[${i}][invoice_line_item]`));
				amount = line.int('amount') ?? Number(source.amount);
				description ??= (source.description as string | null) ?? null;
			} else {
				const unit = line.int('unit_amount') ?? fail(missingParam(`lines[${i}][unit_amount]`));
				if (!description) fail(missingParam(`lines[${i}][description]`));
				amount = unit * quantity;
			}
			return { id: this.store.newId('cnli'), object: 'credit_note_line_item', amount, description, quantity, type, livemode: false };
		});
		if (lines.length === 0) fail(missingParam('lines'));
		const amount = lines.reduce((sum, l) => sum + l.amount, 0);
		const credited = this.store.all('credit_notes').filter((c) => c.invoice === invoiceId && c.status !== 'void').reduce((sum, c) => sum + Number(c.amount), 0);
		if (amount <= 0 || amount + credited > Number(invoice.total)) {
			fail(invalidRequest(`The credit note amount (${amount}) cannot exceed the invoice's remaining creditable amount (${Number(invoice.total) - credited}).`, 'lines'));
		}
		const customer = this.store.get('customers', String(invoice.customer));
		const count = this.store.all('credit_notes').filter((c) => c.invoice === invoiceId).length;
		const preOrPost = invoice.status === 'paid' ? 'post_payment' : 'pre_payment';
		const note: StripeObject = {
			...this.base('cn', 'credit_note'),
			amount,
			currency: invoice.currency,
			customer: invoice.customer,
			discount_amount: 0,
			effective_at: this.nowSeconds(),
			invoice: invoiceId,
			lines: { object: 'list', data: lines, has_more: false, url: '' },
			memo: p.str('memo') ?? null,
			metadata: p.metadata() ?? {},
			number: `${String(invoice.number ?? customer?.invoice_prefix ?? 'CN')}-CN-${String(count + 1).padStart(2, '0')}`,
			out_of_band_amount: p.int('out_of_band_amount') ?? null,
			reason: p.oneOf('reason', ['duplicate', 'fraudulent', 'order_change', 'product_unsatisfactory'] as const) ?? null,
			refunds: [],
			status: 'issued',
			subtotal: amount,
			total: amount,
			type: preOrPost,
			voided_at: null,
		};
		(note.lines as Record<string, unknown>).url = `/v1/credit_notes/${note.id}/lines`;
		this.store.put('credit_notes', note);
		if (preOrPost === 'pre_payment') {
			invoice.pre_payment_credit_notes_amount = Number(invoice.pre_payment_credit_notes_amount) + amount;
			invoice.amount_due = Math.max(0, Number(invoice.total) - Number(invoice.pre_payment_credit_notes_amount));
			invoice.amount_remaining = Math.max(0, Number(invoice.amount_due) - Number(invoice.amount_paid));
		} else {
			invoice.post_payment_credit_notes_amount = Number(invoice.post_payment_credit_notes_amount) + amount;
		}
		this.emit('credit_note.created', note, req);
		return note;
	}

	voidCreditNote(id: string, req: RequestInfo): StripeObject {
		const note = this.require('credit_notes', 'credit note', id);
		if (note.status === 'void') fail(invalidRequest('This credit note is already void.', 'id'));
		note.status = 'void';
		note.voided_at = this.nowSeconds();
		this.emit('credit_note.voided', note, req);
		return note;
	}

	/* ---------------------------------------------------------------- meters */

	createMeter(p: Params, req: RequestInfo): StripeObject {
		p.only('display_name', 'event_name', 'default_aggregation', 'customer_mapping', 'value_settings', 'event_time_window');
		const eventName = p.requireStr('event_name');
		if (this.store.all('billing_meters').some((m) => m.event_name === eventName && m.status === 'active')) {
			fail(invalidRequest(`An active meter with event_name \`${eventName}\` already exists.`, 'event_name'));
		}
		const formula = p.obj('default_aggregation')?.oneOf('formula', ['sum', 'count', 'last'] as const) ?? fail(missingParam('default_aggregation[formula]'));
		const meter: StripeObject = {
			...this.base('mtr', 'billing.meter'),
			customer_mapping: { event_payload_key: p.obj('customer_mapping')?.str('event_payload_key') ?? 'stripe_customer_id', type: 'by_id' },
			default_aggregation: { formula },
			display_name: p.requireStr('display_name'),
			event_name: eventName,
			event_time_window: p.str('event_time_window') ?? null,
			status: 'active',
			status_transitions: { deactivated_at: null },
			updated: this.nowSeconds(),
			value_settings: { event_payload_key: p.obj('value_settings')?.str('event_payload_key') ?? 'value' },
		};
		this.store.put('billing_meters', meter);
		this.emit('billing.meter.created', meter, req);
		return meter;
	}

	/**
	 * A usage event. The payload is validated against the meter of `event_name` (customer key and a
	 * numeric value); an `identifier` seen in the last 24 hours is refused, as Stripe does.
	 */
	createMeterEvent(p: Params): StripeObject {
		p.only('event_name', 'payload', 'identifier', 'timestamp');
		const eventName = p.requireStr('event_name');
		const meter = this.store.all('billing_meters').find((m) => m.event_name === eventName && m.status === 'active');
		if (!meter) fail(invalidRequest(`No active meter was found for event_name \`${eventName}\`.`, 'event_name'));
		const payload = p.obj('payload') ?? fail(missingParam('payload'));
		const customerKey = String((meter!.customer_mapping as Record<string, unknown>).event_payload_key);
		const valueKey = String((meter!.value_settings as Record<string, unknown>).event_payload_key);
		const customerId = payload.str(customerKey);
		if (!customerId) fail(missingParam(`payload[${customerKey}]`));
		this.require('customers', 'customer', customerId!, `payload[${customerKey}]`);
		const value = payload.str(valueKey);
		if (value === undefined || value === '') fail(missingParam(`payload[${valueKey}]`));
		if (!/^-?\d+(\.\d+)?$/.test(value!)) fail(invalidRequest(`payload[${valueKey}] must be a number.`, `payload[${valueKey}]`));
		const now = this.nowSeconds();
		const timestamp = p.int('timestamp') ?? now;
		if (timestamp < now - 35 * 86400 || timestamp > now + 300) {
			fail(invalidRequest('Timestamp must be within the past 35 calendar days or up to 5 minutes in the future.', 'timestamp'));
		}
		const identifier = p.str('identifier') ?? this.store.newId('mev').slice(4);
		if (identifier.length > 100) fail(invalidRequest('identifier can be at most 100 characters.', 'identifier'));
		const windowStart = now - METER_IDENTIFIER_WINDOW_MS / 1000;
		if (this.store.all('meter_events').some((e) => e.identifier === identifier && Number(e.created) >= windowStart)) {
			fail(stripeError(400, 'invalid_request_error', `An event already exists with identifier ${identifier}.`, { param: 'identifier', headers: { 'Stripe-Should-Retry': 'false' } }));
		}
		const event: StripeObject = {
			id: `mev_${identifier}`,
			object: 'billing.meter_event',
			created: now,
			event_name: eventName,
			identifier,
			livemode: false,
			payload: clone(payload.values),
			timestamp,
		};
		this.store.put('meter_events', event);
		return event;
	}

	/** `GET /v1/billing/meters/{id}/event_summaries`: the aggregate of one customer's events in [start, end). */
	meterSummary(meterId: string, customer: string, start: number, end: number): StripeObject {
		const meter = this.require('billing_meters', 'billing meter', meterId);
		const customerKey = String((meter.customer_mapping as Record<string, unknown>).event_payload_key);
		const valueKey = String((meter.value_settings as Record<string, unknown>).event_payload_key);
		const events = this.store
			.all('meter_events')
			.filter((e) => e.event_name === meter.event_name && (e.payload as Record<string, string>)[customerKey] === customer)
			.filter((e) => Number(e.timestamp) >= start && Number(e.timestamp) < end)
			.sort((a, b) => Number(a.timestamp) - Number(b.timestamp));
		const values = events.map((e) => Number((e.payload as Record<string, string>)[valueKey]));
		const formula = (meter.default_aggregation as Record<string, string>).formula;
		const aggregated = formula === 'count' ? values.length : formula === 'last' ? (values.at(-1) ?? 0) : values.reduce((a, b) => a + b, 0);
		return {
			id: `mtrusg_${meterId}_${customer}_${start}`,
			object: 'billing.meter_event_summary',
			aggregated_value: aggregated,
			end_time: end,
			livemode: false,
			meter: meterId,
			start_time: start,
		};
	}
}

function paramsOf(values: Record<string, never>): Params {
	return new Params(values);
}
