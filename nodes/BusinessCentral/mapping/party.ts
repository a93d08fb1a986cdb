import { compact } from '../../common/canonical';
import type { Customer, Supplier } from '../../common/canonical';
import { identity, readAddress, str, SYSTEM, writeAddress, type BcRecord } from './common';
import { decimal } from './common';

function partyFields(record: BcRecord) {
	return {
		...identity(record),
		name: str(record.displayName) ?? '',
		code: str(record.number),
		// " " is "not blocked"; any other value stops some or all transactions.
		status: str(record.blocked) === 'All' ? ('inactive' as const) : ('active' as const),
		email: str(record.email),
		phone: str(record.phoneNumber),
		website: str(record.website),
		taxId: str(record.taxRegistrationNumber),
		currency: str(record.currencyCode),
		addresses: [readAddress(record, '', 'billing')].filter((a) => a !== undefined),
	};
}

export function fromBusinessCentralCustomer(record: BcRecord): Customer {
	return compact({
		type: 'Customer' as const,
		...partyFields(record),
		extensions: {
			[SYSTEM]: compact({
				type: str(record.type),
				blocked: str(record.blocked),
				balanceDue: decimal(record.balanceDue),
				creditLimit: decimal(record.creditLimit),
				salespersonCode: str(record.salespersonCode),
			}),
		},
	});
}

export function fromBusinessCentralVendor(record: BcRecord): Supplier {
	return compact({
		type: 'Supplier' as const,
		...partyFields(record),
		extensions: { [SYSTEM]: compact({ blocked: str(record.blocked), balance: decimal(record.balance) }) },
	});
}

function toParty(party: Customer | Supplier): BcRecord {
	const address = party.addresses?.find((a) => a.type === 'billing') ?? party.addresses?.[0];
	return compact({
		number: party.code,
		displayName: party.name,
		email: party.email,
		phoneNumber: party.phone,
		website: party.website,
		taxRegistrationNumber: party.taxId,
		currencyCode: party.currency,
		...writeAddress(address, ''),
		blocked: party.status === 'inactive' ? 'All' : party.status === 'active' ? ' ' : undefined,
	});
}

export function toBusinessCentralCustomer(customer: Customer): BcRecord {
	return toParty(customer);
}

export function toBusinessCentralVendor(supplier: Supplier): BcRecord {
	return toParty(supplier);
}
