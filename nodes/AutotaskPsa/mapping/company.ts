import type { Address, Customer } from '../../common/canonical';
import { bool, compact, identity, lookup, ref, refId, str } from './common';
import type { AtRecord } from './common';

/** Autotask company types (Companies.companyType picklist, system values). */
export const COMPANY_TYPES: Record<string, string> = {
	'1': 'Customer',
	'2': 'Lead',
	'3': 'Prospect',
	'4': 'Dead',
	'6': 'Cancellation',
	'7': 'Vendor',
	'8': 'Partner',
};

function statusFrom(company: AtRecord): Customer['status'] {
	if (company.isActive === false) return 'inactive';
	const type = lookup(COMPANY_TYPES, company.companyType);
	if (type === 'Lead' || type === 'Prospect') return 'prospect';
	if (type === 'Dead' || type === 'Cancellation') return 'inactive';
	return company.isActive === true ? 'active' : undefined;
}

function addressFrom(company: AtRecord): Address | undefined {
	const address = compact<Address>({
		type: 'billing',
		line1: str(company.address1),
		line2: str(company.address2),
		city: str(company.city),
		region: str(company.state),
		postalCode: str(company.postalCode),
	});
	return Object.keys(address).length > 1 ? address : undefined;
}

/** An Autotask company as a canonical Customer. */
export function fromAutotaskCompany(company: AtRecord): Customer {
	const address = addressFrom(company);
	return compact<Customer>({
		type: 'Customer',
		...identity(company),
		name: str(company.companyName) ?? '',
		code: str(company.companyNumber),
		status: statusFrom(company),
		phone: str(company.phone),
		website: str(company.webAddress),
		taxId: str(company.taxID),
		addresses: address ? [address] : undefined,
		parent: ref(company.parentCompanyID),
	});
}

/** The Autotask company fields a canonical Customer sets; a new company is a Customer (type 1). */
export function toAutotaskCompany(customer: Customer): AtRecord {
	const address = customer.addresses?.find((a) => a.type === 'billing') ?? customer.addresses?.[0];
	return compact({
		companyName: customer.name,
		companyNumber: customer.code,
		companyType: customer.status === 'prospect' ? 3 : 1,
		isActive: customer.status === undefined ? undefined : customer.status !== 'inactive',
		phone: customer.phone,
		webAddress: customer.website,
		taxID: customer.taxId,
		address1: address?.line1,
		address2: address?.line2,
		city: address?.city,
		state: address?.region,
		postalCode: address?.postalCode,
		parentCompanyID: refId(customer.parent),
	});
}

export { bool };
