import type { Customer } from '../../common/canonical';
import { compact, dateTime, fromAddress, metadataOf, obj, str, SYSTEM, toAddress, type StripeRecord } from './common';

/** A Stripe customer as a canonical Customer; the ERP number travels in metadata.erp_customer_id when set. */
export function fromStripeCustomer(customer: StripeRecord): Customer {
	const metadata = metadataOf(customer);
	return compact<Customer>({
		type: 'Customer',
		externalIds: { [SYSTEM]: String(customer.id) },
		source: { system: SYSTEM, id: String(customer.id), updatedAt: dateTime(customer.created) },
		name: str(customer.name) ?? str(customer.email) ?? String(customer.id),
		code: metadata?.erp_customer_id,
		status: customer.deleted === true ? 'inactive' : 'active',
		email: str(customer.email),
		phone: str(customer.phone),
		currency: str(customer.currency)?.toUpperCase(),
		addresses: [fromAddress(customer.address, 'billing'), fromAddress(obj(customer.shipping)?.address, 'shipping')].filter(
			(a) => a !== undefined,
		),
		notes: str(customer.description),
		customFields: metadata,
		extensions: { [SYSTEM]: compact({ delinquent: customer.delinquent, balance: customer.balance, invoicePrefix: customer.invoice_prefix }) },
	});
}

/** Create/update parameters of a customer from a canonical Customer. */
export function toStripeCustomer(customer: Customer): StripeRecord {
	const billing = customer.addresses?.find((a) => a.type === 'billing') ?? customer.addresses?.[0];
	const shipping = customer.addresses?.find((a) => a.type === 'shipping');
	const metadata: Record<string, string> = {};
	for (const [key, value] of Object.entries(customer.customFields ?? {})) {
		if (value !== undefined && value !== null && typeof value !== 'object') metadata[key] = String(value);
	}
	if (customer.code) metadata.erp_customer_id = customer.code;
	for (const [system, id] of Object.entries(customer.externalIds ?? {})) if (system !== SYSTEM) metadata[`${system}_id`.slice(0, 40)] = id;
	return compact({
		name: customer.name,
		email: customer.email,
		phone: customer.phone,
		description: customer.notes,
		address: toAddress(billing),
		shipping: shipping ? compact({ name: shipping.name ?? customer.name, address: toAddress(shipping) }) : undefined,
		metadata: Object.keys(metadata).length ? metadata : undefined,
	});
}
