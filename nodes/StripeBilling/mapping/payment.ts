import type { Payment } from '../../common/canonical';
import { compact, date, idOf, obj, ref, str, SYSTEM, type StripeRecord } from './common';
import { fromMinorUnits } from './currency';

const INTENT_STATUS: Record<string, Payment['status']> = {
	succeeded: 'succeeded',
	processing: 'pending',
	requires_payment_method: 'pending',
	requires_confirmation: 'pending',
	requires_action: 'pending',
	requires_capture: 'pending',
	canceled: 'void',
};

/**
 * A charge, payment intent or invoice payment as a canonical incoming Payment. An invoice payment
 * applies its amount to its invoice; charges and intents carry the customer.
 */
export function fromStripePayment(record: StripeRecord): Payment {
	const object = str(record.object);
	const currency = str(record.currency) ?? 'usd';
	if (object === 'invoice_payment') {
		const payment = obj(record.payment);
		const amount = fromMinorUnits(record.amount_paid ?? record.amount_requested, currency) ?? '0';
		return compact<Payment>({
			type: 'Payment',
			externalIds: { [SYSTEM]: String(record.id) },
			source: { system: SYSTEM, id: String(record.id) },
			direction: 'incoming',
			party: {},
			date: date(obj(record.status_transitions)?.paid_at) ?? date(record.created),
			amount,
			currency: currency.toUpperCase(),
			reference: idOf(payment?.payment_intent) ?? idOf(payment?.charge),
			status: record.status === 'paid' ? 'succeeded' : record.status === 'canceled' ? 'void' : 'pending',
			applications: [{ document: ref(record.invoice) ?? {}, amount }],
		});
	}
	const charge = object === 'charge';
	const refunded = charge && record.refunded === true;
	const status = charge
		? refunded
			? 'refunded'
			: record.status === 'succeeded'
				? 'succeeded'
				: record.status === 'failed'
					? 'failed'
					: 'pending'
		: INTENT_STATUS[str(record.status) ?? ''];
	const amount = fromMinorUnits(charge ? (record.amount_captured ?? record.amount) : (record.amount_received ?? record.amount), currency) ?? '0';
	const invoice = idOf(record.invoice);
	return compact<Payment>({
		type: 'Payment',
		externalIds: { [SYSTEM]: String(record.id) },
		source: { system: SYSTEM, id: String(record.id) },
		direction: 'incoming',
		party: ref(record.customer) ?? {},
		date: date(record.created),
		amount,
		currency: currency.toUpperCase(),
		method: str(obj(record.payment_method_details)?.type) ?? (Array.isArray(record.payment_method_types) ? str(record.payment_method_types[0]) : undefined),
		reference: charge ? idOf(record.payment_intent) ?? String(record.id) : (idOf(record.latest_charge) ?? String(record.id)),
		status,
		applications: invoice ? [{ document: { externalIds: { [SYSTEM]: invoice } }, amount }] : undefined,
	});
}
