import type { Project } from '../../common/canonical';
import { compact, currencyFrom, cwDate, decimal, fromRef, identity, isoDate, lookup, num, str, toRef } from './common';
import type { CwRecord } from './common';

const BILLING_METHODS: Record<string, NonNullable<Project['billingMethod']>> = {
	ActualRates: 'time_and_materials',
	FixedFee: 'fixed_fee',
	NotToExceed: 'not_to_exceed',
	OverrideRate: 'other',
};

const TO_BILLING_METHOD: Partial<Record<NonNullable<Project['billingMethod']>, string>> = {
	time_and_materials: 'ActualRates',
	fixed_fee: 'FixedFee',
	not_to_exceed: 'NotToExceed',
};

export function fromConnectWiseProject(project: CwRecord): Project {
	const closed = project.closedFlag === true;
	return compact<Project>({
		type: 'Project',
		...identity(project),
		name: str(project.name) ?? '',
		customer: fromRef(project.company),
		// Project statuses are configurable; only the closed flag has a fixed meaning.
		status: project.closedFlag === undefined ? undefined : closed ? 'closed' : 'open',
		manager: fromRef(project.manager),
		startDate: isoDate(project.estimatedStart),
		endDate: isoDate(project.estimatedEnd),
		actualStartDate: isoDate(project.actualStart),
		actualEndDate: isoDate(project.actualEnd),
		billingMethod: lookup(BILLING_METHODS, project.billingMethod),
		budgetHours: decimal(project.budgetHours),
		budgetAmount: decimal(project.billingAmount),
		actualHours: decimal(project.actualHours),
		currency: currencyFrom(project.currency),
		poNumber: str(project.customerPO),
		description: str(project.description),
	});
}

/** The ConnectWise project fields a canonical Project sets. The board is not part of the model. */
export function toConnectWiseProject(project: Project): CwRecord {
	return compact({
		name: project.name,
		company: toRef(project.customer),
		manager: toRef(project.manager),
		estimatedStart: cwDate(project.startDate),
		estimatedEnd: cwDate(project.endDate),
		billingMethod: lookup(TO_BILLING_METHOD, project.billingMethod),
		budgetHours: num(project.budgetHours),
		billingAmount: num(project.budgetAmount),
		customerPO: project.poNumber,
		description: project.description,
	});
}
