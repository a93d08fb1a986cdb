import type { Address, Contact, Customer, Supplier } from '../../common/canonical';
import { compact, fromRef, identity, obj, str, toRef } from './common';
import type { CwRecord } from './common';

function countryFrom(value: unknown): string | undefined {
	const country = obj(value);
	return str(country?.identifier) ?? str(country?.name) ?? (typeof value === 'string' ? value : undefined);
}

/** A two-letter code is sent as the country's identifier, anything else as its name. */
function countryTo(country: string | undefined): CwRecord | undefined {
	if (!country) return undefined;
	return /^[A-Z]{2}$/.test(country) ? { identifier: country } : { name: country };
}

export function addressFromCompany(company: CwRecord): Address | undefined {
	const address = compact<Address>({
		type: 'billing',
		line1: str(company.addressLine1),
		line2: str(company.addressLine2),
		city: str(company.city),
		region: str(company.state),
		postalCode: str(company.zip),
		country: countryFrom(company.country),
	});
	return Object.keys(address).length > 1 ? address : undefined;
}

function statusFrom(company: CwRecord): Customer['status'] {
	if (company.deletedFlag === true) return 'inactive';
	if (company.leadFlag === true) return 'prospect';
	const status = obj(company.status);
	// Company statuses are configurable; only the built-in "Inactive" is recognised.
	if (status?.name === 'Inactive') return 'inactive';
	return status ? 'active' : undefined;
}

/** A ConnectWise company as a canonical Customer (or Supplier, for vendor companies). */
export function fromConnectWiseCompany(company: CwRecord, as: 'Customer' | 'Supplier' = 'Customer'): Customer | Supplier {
	const defaultContact = obj(company.defaultContact);
	const contact: Contact | undefined = defaultContact
		? compact<Contact>({ name: str(defaultContact.name), role: 'primary' })
		: undefined;
	const address = addressFromCompany(company);
	return compact({
		type: as,
		...identity(company),
		name: str(company.name) ?? '',
		code: str(company.identifier),
		status: statusFrom(company),
		phone: str(company.phoneNumber),
		website: str(company.website),
		taxId: str(company.taxIdentifier),
		currency: str(obj(company.currency)?.currencyCode),
		paymentTerms: str(obj(company.billingTerms)?.name),
		addresses: address ? [address] : undefined,
		contacts: contact && Object.keys(contact).length > 1 ? [contact] : undefined,
		parent: fromRef(company.parentCompany),
	}) as Customer | Supplier;
}

/** The ConnectWise company fields a canonical Customer or Supplier sets (for create or patch). */
export function toConnectWiseCompany(party: Customer | Supplier): CwRecord {
	const address = party.addresses?.find((a) => a.type === 'billing') ?? party.addresses?.[0];
	return compact({
		identifier: party.code,
		name: party.name,
		addressLine1: address?.line1,
		addressLine2: address?.line2,
		city: address?.city,
		state: address?.region,
		zip: address?.postalCode,
		country: countryTo(address?.country),
		phoneNumber: party.phone,
		website: party.website,
		taxIdentifier: party.taxId,
		parentCompany: toRef(party.parent),
	});
}
