import type { Contact, Customer, Supplier } from '../../common/canonical';
import { addressFrom, addressTo, compact, ids, obj, ref, refId, source, str } from './common';
import type { IntacctRecord } from './common';

function statusFrom(value: unknown): Customer['status'] {
	const s = str(value)?.toLowerCase();
	if (s === 'active' || s === 't') return 'active';
	if (s === 'inactive' || s === 'f') return 'inactive';
	return undefined;
}

function contactFrom(contact: unknown): Contact[] | undefined {
	const c = obj(contact);
	if (!c) return undefined;
	const person = compact<Contact>({
		firstName: str(c.FIRSTNAME),
		lastName: str(c.LASTNAME),
		name: str(c.CONTACTNAME),
		email: str(c.EMAIL1),
		phone: str(c.PHONE1),
		role: 'primary',
	});
	return Object.keys(person).length > 1 ? [person] : undefined;
}

function partyFrom<T extends 'Customer' | 'Supplier'>(type: T, record: IntacctRecord, idField: string): T extends 'Customer' ? Customer : Supplier {
	const contact = obj(record.DISPLAYCONTACT);
	const address = addressFrom(contact, 'billing');
	return compact({
		type,
		externalIds: ids(record),
		source: source(record),
		name: str(record.NAME) ?? str(record[idField]) ?? '',
		code: str(record[idField]),
		status: statusFrom(record.STATUS),
		email: str(contact?.EMAIL1),
		phone: str(contact?.PHONE1),
		website: str(contact?.URL1),
		taxId: str(record.TAXID),
		currency: str(record.CURRENCY),
		paymentTerms: str(record.TERMNAME),
		addresses: address ? [address] : undefined,
		contacts: contactFrom(contact),
		parent: ref(record.PARENTID, record.PARENTNAME),
		notes: str(record.NOTES) ?? str(record.COMMENTS),
	}) as unknown as T extends 'Customer' ? Customer : Supplier;
}

function partyTo(party: Customer | Supplier, idField: string): IntacctRecord {
	const billing = party.addresses?.find((a) => a.type === 'billing') ?? party.addresses?.[0];
	const primary = party.contacts?.[0];
	return compact({
		[idField]: party.code,
		NAME: party.name,
		STATUS: party.status === undefined ? undefined : party.status === 'inactive' ? 'inactive' : 'active',
		TAXID: party.taxId,
		CURRENCY: party.currency,
		TERMNAME: party.paymentTerms,
		PARENTID: refId(party.parent),
		DISPLAYCONTACT: compact({
			PRINTAS: party.name,
			FIRSTNAME: primary?.firstName,
			LASTNAME: primary?.lastName,
			EMAIL1: party.email ?? primary?.email,
			PHONE1: party.phone ?? primary?.phone,
			URL1: party.website,
			MAILADDRESS: addressTo(billing),
		}),
	});
}

export const fromIntacctCustomer = (record: IntacctRecord): Customer => partyFrom('Customer', record, 'CUSTOMERID');
export const toIntacctCustomer = (customer: Customer): IntacctRecord => partyTo(customer, 'CUSTOMERID');
export const fromIntacctVendor = (record: IntacctRecord): Supplier => partyFrom('Supplier', record, 'VENDORID');
export const toIntacctVendor = (supplier: Supplier): IntacctRecord => partyTo(supplier, 'VENDORID');
