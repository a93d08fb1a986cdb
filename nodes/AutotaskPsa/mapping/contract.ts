import type { Agreement } from '../../common/canonical';
import { atDateTime, compact, decimal, identity, isoDate, num, ref, refId, str } from './common';
import type { AtRecord } from './common';

/** An Autotask contract as a canonical Agreement (status 1 Active, 0 Inactive). */
export function fromAutotaskContract(contract: AtRecord): Agreement {
	const endDate = isoDate(contract.endDate);
	const status: Agreement['status'] =
		contract.status === 1 || contract.status === '1'
			? 'active'
			: contract.status === 0 || contract.status === '0'
				? endDate && endDate < new Date().toISOString().slice(0, 10)
					? 'expired'
					: 'inactive'
				: undefined;
	return compact<Agreement>({
		type: 'Agreement',
		...identity(contract),
		name: str(contract.contractName),
		customer: ref(contract.companyID) ?? {},
		status,
		startDate: isoDate(contract.startDate),
		endDate,
		amount: decimal(contract.setupFee),
		poNumber: str(contract.purchaseOrderNumber),
		notes: str(contract.description),
		plan: ref(contract.contractType),
		contact: str(contract.contactID) ? { externalIds: { autotaskPsa: String(contract.contactID) } } : undefined,
	});
}

export function toAutotaskContract(agreement: Agreement): AtRecord {
	return compact({
		contractName: agreement.name,
		companyID: refId(agreement.customer),
		status: agreement.status === undefined ? undefined : agreement.status === 'active' ? 1 : 0,
		startDate: atDateTime(agreement.startDate),
		endDate: atDateTime(agreement.endDate),
		setupFee: num(agreement.amount),
		purchaseOrderNumber: agreement.poNumber,
		description: agreement.notes,
		contractType: refId(agreement.plan),
	});
}
