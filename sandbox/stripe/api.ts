import { json } from '../core/http';
import { Router } from '../core/router';
import type { SandboxResponse } from '../core/types';
import type { RequestInfo, StripeEngine } from './engine';
import { invalidRequest, noSuch } from './errors';
import type { FormObject } from './form';
import { inRange, listResponse, searchResponse } from './lists';
import { Params } from './params';
import { clone, type Collection, type StripeObject } from './store';

export interface Call {
	/** Route parameters (`:id`). */
	route: Record<string, string>;
	/** Query parameters (GET/DELETE) or the form body (POST). */
	params: FormObject;
	request: RequestInfo;
	write: boolean;
}

export type StripeHandler = (call: Call) => SandboxResponse;

export interface ApiDeps {
	engine: StripeEngine;
	truncatePage: <T>(items: T[]) => T[];
	/** The endpoint secret is returned once, on creation. */
	createWebhookEndpoint: (p: Params) => StripeObject;
}

const ok = (body: unknown): SandboxResponse => json(200, body);

/** Searchable fields per resource (docs.stripe.com/search#supported-query-fields-for-each-resource). */
const SEARCH_FIELDS = {
	customers: ['created', 'email', 'metadata', 'name', 'phone'],
	invoices: ['created', 'currency', 'customer', 'metadata', 'number', 'receipt_number', 'status', 'subscription', 'total'],
	subscriptions: ['created', 'metadata', 'status', 'customer'],
	products: ['active', 'created', 'description', 'metadata', 'name', 'shippable', 'url'],
	prices: ['active', 'currency', 'lookup_key', 'metadata', 'product', 'type'],
	charges: ['amount', 'created', 'currency', 'customer', 'metadata', 'payment_method_details.card.last4', 'refunded', 'status'],
	payment_intents: ['amount', 'created', 'currency', 'customer', 'metadata', 'status'],
} as const;

export function buildApiRouter(deps: ApiDeps): Router<StripeHandler> {
	const { engine } = deps;
	const store = engine.store;
	const router = new Router<StripeHandler>();
	const p = (call: Call) => new Params(call.params);
	const get = (collection: Collection, kind: string) => (call: Call) => ok(engine.require(collection, kind, call.route.id));

	/** A list with the endpoint's filters; a filter given with an unknown value just matches nothing. */
	const list =
		(collection: Collection, kind: string, filter: (record: StripeObject, q: Params) => boolean, allowed: string[]) =>
		(call: Call) => {
			const q = p(call).only('limit', 'starting_after', 'ending_before', ...allowed);
			const records = store.all(collection).filter((r) => filter(r, q));
			return listResponse(records, call.params, `/v1/${collection === 'billing_meters' ? 'billing/meters' : collection}`, deps.truncatePage, kind);
		};
	const search = (collection: keyof typeof SEARCH_FIELDS) => (call: Call) => {
		p(call).only('query', 'limit', 'page');
		return searchResponse(store.all(collection), call.params, `/v1/${collection}/search`, SEARCH_FIELDS[collection]);
	};
	const eq = (q: Params, key: string, value: unknown) => q.str(key) === undefined || q.str(key) === String(value);
	const created = (r: StripeObject, q: Params) => inRange(r.created, q.has('created') ? (typeof q.raw('created') === 'string' ? q.str('created') : q.obj('created')) : undefined);

	router.add('GET', '/v1/balance', () =>
		ok({ object: 'balance', available: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }], livemode: false, pending: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }] }),
	);

	// customers
	router.add('GET', '/v1/customers', list('customers', 'customer', (r, q) => eq(q, 'email', r.email) && created(r, q), ['email', 'created', 'test_clock']));
	router.add('GET', '/v1/customers/search', search('customers'));
	router.add('POST', '/v1/customers', (call) => ok(engine.createCustomer(p(call), call.request)));
	router.add('GET', '/v1/customers/:id', (call) => {
		const found = store.get('customers', call.route.id);
		return found ? ok(found) : noSuch('customer', call.route.id);
	});
	router.add('POST', '/v1/customers/:id', (call) => ok(engine.updateCustomer(call.route.id, p(call), call.request)));
	router.add('DELETE', '/v1/customers/:id', (call) => ok(engine.deleteCustomer(call.route.id, call.request)));

	// products
	router.add('GET', '/v1/products', list('products', 'product', (r, q) => (q.bool('active') === undefined || r.active === q.bool('active')) && (q.strings('ids').length === 0 || q.strings('ids').includes(r.id)) && created(r, q), ['active', 'ids', 'created', 'shippable', 'url']));
	router.add('GET', '/v1/products/search', search('products'));
	router.add('POST', '/v1/products', (call) => ok(engine.createProduct(p(call), call.request)));
	router.add('GET', '/v1/products/:id', get('products', 'product'));
	router.add('POST', '/v1/products/:id', (call) => ok(engine.updateProduct(call.route.id, p(call), call.request)));
	router.add('DELETE', '/v1/products/:id', (call) => ok(engine.deleteProduct(call.route.id, call.request)));

	// prices
	router.add(
		'GET',
		'/v1/prices',
		list(
			'prices',
			'price',
			(r, q) =>
				(q.bool('active') === undefined || r.active === q.bool('active')) &&
				eq(q, 'currency', r.currency) &&
				eq(q, 'product', r.product) &&
				eq(q, 'type', r.type) &&
				(q.strings('lookup_keys').length === 0 || q.strings('lookup_keys').includes(String(r.lookup_key))) &&
				(q.obj('recurring') === undefined ||
					(r.recurring !== null &&
						eq(q.obj('recurring')!, 'interval', (r.recurring as Record<string, unknown>).interval) &&
						eq(q.obj('recurring')!, 'usage_type', (r.recurring as Record<string, unknown>).usage_type) &&
						eq(q.obj('recurring')!, 'meter', (r.recurring as Record<string, unknown>).meter))) &&
				created(r, q),
			['active', 'currency', 'product', 'type', 'lookup_keys', 'recurring', 'created'],
		),
	);
	router.add('GET', '/v1/prices/search', search('prices'));
	router.add('POST', '/v1/prices', (call) => ok(engine.createPrice(p(call), call.request)));
	router.add('GET', '/v1/prices/:id', get('prices', 'price'));
	router.add('POST', '/v1/prices/:id', (call) => ok(engine.updatePrice(call.route.id, p(call), call.request)));

	// subscriptions: canceled ones only with status=canceled or status=all
	router.add(
		'GET',
		'/v1/subscriptions',
		list(
			'subscriptions',
			'subscription',
			(r, q) => {
				const status = q.str('status');
				const statusOk = status === 'all' ? true : status ? r.status === status : r.status !== 'canceled';
				const price = q.str('price');
				const priceOk = !price || (r.items as { data: StripeObject[] }).data.some((i) => (i.price as StripeObject).id === price);
				return statusOk && priceOk && eq(q, 'customer', r.customer) && eq(q, 'collection_method', r.collection_method) && created(r, q);
			},
			['customer', 'price', 'status', 'collection_method', 'created', 'test_clock', 'current_period_end', 'current_period_start'],
		),
	);
	router.add('GET', '/v1/subscriptions/search', search('subscriptions'));
	router.add('POST', '/v1/subscriptions', (call) => ok(engine.createSubscription(p(call), call.request)));
	router.add('GET', '/v1/subscriptions/:id', get('subscriptions', 'subscription'));
	router.add('POST', '/v1/subscriptions/:id', (call) => ok(engine.updateSubscription(call.route.id, p(call), call.request)));
	router.add('DELETE', '/v1/subscriptions/:id', (call) => ok(engine.cancelSubscription(call.route.id, call.request)));

	// invoices
	router.add(
		'GET',
		'/v1/invoices',
		list(
			'invoices',
			'invoice',
			(r, q) => {
				const sub = q.str('subscription');
				const subOk = !sub || (r.parent as { subscription_details?: { subscription?: string } } | null)?.subscription_details?.subscription === sub;
				return subOk && eq(q, 'customer', r.customer) && eq(q, 'status', r.status) && eq(q, 'collection_method', r.collection_method) && created(r, q);
			},
			['customer', 'status', 'subscription', 'collection_method', 'created', 'due_date'],
		),
	);
	router.add('GET', '/v1/invoices/search', search('invoices'));
	router.add('POST', '/v1/invoices', (call) => ok(engine.createInvoice(p(call), call.request)));
	router.add('GET', '/v1/invoices/:id', get('invoices', 'invoice'));
	router.add('GET', '/v1/invoices/:id/lines', (call) => {
		const invoice = engine.require('invoices', 'invoice', call.route.id);
		return listResponse([...(invoice.lines as { data: StripeObject[] }).data].reverse(), call.params, `/v1/invoices/${invoice.id}/lines`, (x) => x, 'line item');
	});
	router.add('POST', '/v1/invoices/:id', (call) => ok(engine.updateInvoice(call.route.id, p(call), call.request)));
	router.add('DELETE', '/v1/invoices/:id', (call) => ok(engine.deleteInvoice(call.route.id, call.request)));
	router.add('POST', '/v1/invoices/:id/finalize', (call) => ok(engine.finalizeInvoice(call.route.id, p(call), call.request)));
	router.add('POST', '/v1/invoices/:id/send', (call) => ok(engine.sendInvoice(call.route.id, call.request)));
	router.add('POST', '/v1/invoices/:id/pay', (call) => ok(engine.payInvoice(call.route.id, p(call), call.request)));
	router.add('POST', '/v1/invoices/:id/void', (call) => ok(engine.voidInvoice(call.route.id, call.request)));

	// invoice items
	router.add(
		'GET',
		'/v1/invoiceitems',
		list(
			'invoiceitems',
			'invoiceitem',
			(r, q) => eq(q, 'customer', r.customer) && eq(q, 'invoice', r.invoice) && (q.bool('pending') === undefined || (r.invoice === null) === q.bool('pending')) && created(r, q),
			['customer', 'invoice', 'pending', 'created'],
		),
	);
	router.add('POST', '/v1/invoiceitems', (call) => ok(engine.createInvoiceItem(p(call), call.request)));
	router.add('GET', '/v1/invoiceitems/:id', get('invoiceitems', 'invoiceitem'));
	router.add('DELETE', '/v1/invoiceitems/:id', (call) => ok(engine.deleteInvoiceItem(call.route.id, call.request)));

	// credit notes
	router.add('GET', '/v1/credit_notes', list('credit_notes', 'credit note', (r, q) => eq(q, 'customer', r.customer) && eq(q, 'invoice', r.invoice) && created(r, q), ['customer', 'invoice', 'created']));
	router.add('POST', '/v1/credit_notes', (call) => ok(engine.createCreditNote(p(call), call.request)));
	router.add('GET', '/v1/credit_notes/:id', get('credit_notes', 'credit note'));
	router.add('POST', '/v1/credit_notes/:id/void', (call) => ok(engine.voidCreditNote(call.route.id, call.request)));

	// billing meters and meter events
	router.add('GET', '/v1/billing/meters', list('billing_meters', 'billing meter', (r, q) => eq(q, 'status', r.status), ['status']));
	router.add('POST', '/v1/billing/meters', (call) => ok(engine.createMeter(p(call), call.request)));
	router.add('GET', '/v1/billing/meters/:id', get('billing_meters', 'billing meter'));
	router.add('GET', '/v1/billing/meters/:id/event_summaries', (call) => {
		const q = p(call).only('customer', 'start_time', 'end_time', 'value_grouping_window', 'limit', 'starting_after', 'ending_before');
		const summary = engine.meterSummary(call.route.id, q.requireStr('customer'), q.requireInt('start_time'), q.requireInt('end_time'));
		return ok({ object: 'list', data: [summary], has_more: false, url: `/v1/billing/meters/${call.route.id}/event_summaries` });
	});
	router.add('POST', '/v1/billing/meter_events', (call) => ok(engine.createMeterEvent(p(call))));

	// payments
	router.add('GET', '/v1/payment_intents', list('payment_intents', 'payment_intent', (r, q) => eq(q, 'customer', r.customer) && created(r, q), ['customer', 'created']));
	router.add('GET', '/v1/payment_intents/search', search('payment_intents'));
	router.add('GET', '/v1/payment_intents/:id', get('payment_intents', 'payment_intent'));
	router.add('GET', '/v1/charges', list('charges', 'charge', (r, q) => eq(q, 'customer', r.customer) && eq(q, 'payment_intent', r.payment_intent) && created(r, q), ['customer', 'payment_intent', 'created']));
	router.add('GET', '/v1/charges/search', search('charges'));
	router.add('GET', '/v1/charges/:id', get('charges', 'charge'));
	router.add('GET', '/v1/invoice_payments', list('invoice_payments', 'invoice_payment', (r, q) => eq(q, 'invoice', r.invoice), ['invoice', 'payment', 'status']));
	router.add('GET', '/v1/invoice_payments/:id', get('invoice_payments', 'invoice_payment'));

	// webhook endpoints and events
	router.add('GET', '/v1/webhook_endpoints', list('webhook_endpoints', 'webhook endpoint', () => true, []));
	router.add('POST', '/v1/webhook_endpoints', (call) => ok(deps.createWebhookEndpoint(p(call))));
	router.add('GET', '/v1/webhook_endpoints/:id', (call) => ok(withoutSecret(engine.require('webhook_endpoints', 'webhook endpoint', call.route.id))));
	router.add('POST', '/v1/webhook_endpoints/:id', (call) => {
		const endpoint = engine.require('webhook_endpoints', 'webhook endpoint', call.route.id);
		const q = p(call).only('url', 'enabled_events', 'description', 'metadata', 'disabled');
		const url = q.str('url');
		if (url !== undefined) endpoint.url = url;
		const events = q.strings('enabled_events');
		if (events.length) endpoint.enabled_events = events;
		const disabled = q.bool('disabled');
		if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
		const metadata = q.metadata(endpoint.metadata as Record<string, string>);
		if (metadata) endpoint.metadata = metadata;
		return ok(withoutSecret(endpoint));
	});
	router.add('DELETE', '/v1/webhook_endpoints/:id', (call) => {
		engine.require('webhook_endpoints', 'webhook endpoint', call.route.id);
		store.remove('webhook_endpoints', call.route.id);
		return ok({ id: call.route.id, object: 'webhook_endpoint', deleted: true });
	});
	router.add('GET', '/v1/events', list('events', 'event', (r, q) => eq(q, 'type', r.type) && (q.strings('types').length === 0 || q.strings('types').includes(String(r.type))) && created(r, q), ['type', 'types', 'created', 'delivery_success']));
	router.add('GET', '/v1/events/:id', get('events', 'event'));

	// Legacy usage records were removed in 2025-03-31.basil; meter events replace them.
	router.add('POST', '/v1/subscription_items/:id/usage_records', () =>
		invalidRequest('Usage records are not available in this API version. Record usage with billing meter events (POST /v1/billing/meter_events).', undefined),
	);
	return router;
}

export function withoutSecret(endpoint: StripeObject): StripeObject {
	const copy = clone(endpoint);
	delete copy.secret;
	return copy;
}
