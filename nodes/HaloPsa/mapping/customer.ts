import type { Address, Customer } from '../../common/canonical';
import { compact, fromIdName, identity, ownId, str, toId } from './common';
import type { HaloRecord } from './common';

/** A Halo client as a canonical Customer. */
export function fromHaloClient(client: HaloRecord): Customer {
	return compact<Customer>({
		type: 'Customer',
		...identity(client),
		name: str(client.name) ?? '',
		code: str(client.ref) ?? str(client.accountsid),
		status: client.inactive === true ? 'inactive' : 'active',
		email: str(client.accountsemailaddress) ?? str(client.email),
		phone: str(client.phonenumber),
		website: str(client.website),
		taxId: str(client.taxnumber),
		notes: str(client.notes),
		parent: fromIdName(client.toplevel_id, client.toplevel_name),
	});
}

/** The Halo client fields a canonical Customer sets; `id` when it already exists in Halo (upsert). */
export function toHaloClient(customer: Customer): HaloRecord {
	return compact({
		id: ownId(customer),
		name: customer.name,
		accountsemailaddress: customer.email,
		phonenumber: customer.phone,
		website: customer.website,
		taxnumber: customer.taxId,
		notes: customer.notes,
		inactive: customer.status === undefined ? undefined : customer.status === 'inactive',
		toplevel_id: toId(customer.parent),
	});
}

/** A Halo site's delivery address as a canonical Address. */
export function fromHaloSiteAddress(site: HaloRecord): Address | undefined {
	const address = (site.delivery_address ?? undefined) as HaloRecord | undefined;
	if (!address) return undefined;
	return compact<Address>({
		type: 'site',
		name: str(site.name),
		line1: str(address.line1),
		line2: str(address.line2),
		line3: str(address.line3),
		postalCode: str(address.postcode),
	});
}
