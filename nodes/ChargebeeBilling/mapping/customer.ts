import type { IDataObject } from 'n8n-workflow';

import { compact } from '../../common/canonical';
import type { Customer } from '../../common/canonical';
import { SYSTEM, addressFrom, addressTo, fromUnix, idsOf, str } from './common';

export function fromChargebeeCustomer(record: IDataObject): Customer {
	const billing = addressFrom(record.billing_address, 'billing');
	const name = str(record.company) ?? ([str(record.first_name), str(record.last_name)].filter(Boolean).join(' ') || String(record.email ?? record.id ?? ''));
	return compact({
		type: 'Customer' as const,
		externalIds: idsOf(record.id),
		source: str(record.id) ? compact({ system: SYSTEM, id: String(record.id), updatedAt: fromUnix(record.updated_at) }) : undefined,
		name,
		email: str(record.email),
		phone: str(record.phone),
		currency: str(record.preferred_currency_code),
		paymentTerms: typeof record.net_term_days === 'number' && record.net_term_days > 0 ? `Net ${record.net_term_days}` : undefined,
		status: record.deleted === true ? ('inactive' as const) : ('active' as const),
		taxId: str(record.vat_number),
		addresses: billing ? [billing] : undefined,
		contacts:
			record.first_name || record.last_name
				? [compact({ firstName: str(record.first_name), lastName: str(record.last_name), email: str(record.email), phone: str(record.phone), role: 'primary' })]
				: undefined,
	});
}

export function toChargebeeCustomer(customer: Customer): IDataObject {
	const contact = customer.contacts?.[0];
	const billing = customer.addresses?.find((a) => a.type === 'billing') ?? customer.addresses?.[0];
	const net = /(\d+)/.exec(customer.paymentTerms ?? '')?.[1];
	return compact({
		id: customer.externalIds?.[SYSTEM],
		company: customer.name,
		first_name: contact?.firstName,
		last_name: contact?.lastName,
		email: customer.email ?? contact?.email,
		phone: customer.phone ?? contact?.phone,
		preferred_currency_code: customer.currency,
		net_term_days: net !== undefined ? Number(net) : undefined,
		vat_number: customer.taxId,
		billing_address: addressTo(billing ? { ...billing } : undefined),
	}) as IDataObject;
}

