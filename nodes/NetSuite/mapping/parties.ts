import type { Customer, Supplier } from '../../common/canonical';
import { compact, externalIdFor, fromRef, identity, obj, str, toRef } from './common';
import type { NsRecord } from './common';

function party(record: NsRecord, type: 'Customer' | 'Supplier'): Customer | Supplier {
	return compact({
		type,
		...identity(record),
		name: str(record.companyName) ?? [str(record.firstName), str(record.lastName)].filter(Boolean).join(' ') ?? str(record.entityId) ?? '',
		code: str(record.entityId),
		status: record.isInactive === true ? 'inactive' : 'active',
		email: str(record.email),
		phone: str(record.phone),
		website: str(record.url),
		taxId: str(record.vatRegNumber),
		currency: str(obj(record.currency)?.refName),
		paymentTerms: str(obj(record.terms)?.refName),
		notes: str(record.comments),
		parent: fromRef(record.parent),
	}) as Customer | Supplier;
}

function partyBody(record: Customer | Supplier): NsRecord {
	return compact({
		companyName: record.name,
		entityId: record.code,
		isInactive: record.status === undefined ? undefined : record.status === 'inactive',
		email: record.email,
		phone: record.phone,
		url: record.website,
		vatRegNumber: record.taxId,
		comments: record.notes,
		parent: toRef(record.parent),
		externalId: externalIdFor(record),
	});
}

export const fromNetSuiteCustomer = (record: NsRecord): Customer => party(record, 'Customer') as Customer;
export const toNetSuiteCustomer = (record: Customer): NsRecord => partyBody(record);
export const fromNetSuiteVendor = (record: NsRecord): Supplier => party(record, 'Supplier') as Supplier;
export const toNetSuiteVendor = (record: Supplier): NsRecord => partyBody(record);
