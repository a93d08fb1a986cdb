import type { Expense } from '../../common/canonical';
import {
	billableFrom,
	billableTo,
	compact,
	currencyFrom,
	cwDate,
	decimal,
	fromRef,
	identity,
	isoDate,
	lookup,
	num,
	obj,
	str,
	toRef,
} from './common';
import type { CwRecord } from './common';
import { APPROVAL_STATUSES, workItemFrom, workItemTo } from './timeEntry';

export function fromConnectWiseExpense(entry: CwRecord): Expense {
	const classification = str(obj(entry.classification)?.name);
	return compact<Expense>({
		type: 'Expense',
		...identity(entry),
		worker: fromRef(entry.member),
		customer: fromRef(entry.company),
		project: fromRef(entry.project),
		workItem: workItemFrom(entry),
		agreement: fromRef(entry.agreement),
		date: isoDate(entry.date),
		amount: decimal(entry.amount) ?? '0',
		currency: currencyFrom(entry.currency),
		category: fromRef(entry.type),
		billable: billableFrom(entry.billableOption),
		// The two built-in classifications; custom ones are not interpreted.
		reimbursable: classification === 'Reimbursable' ? true : classification === 'NonReimbursable' ? false : undefined,
		paymentMethod: str(obj(entry.paymentMethod)?.name),
		notes: str(entry.notes),
		status: lookup(APPROVAL_STATUSES, entry.status),
		invoice: fromRef(entry.invoice),
	});
}

export function toConnectWiseExpense(expense: Expense): CwRecord {
	return compact({
		...workItemTo(expense.workItem),
		company: toRef(expense.customer),
		member: toRef(expense.worker),
		agreement: toRef(expense.agreement),
		type: toRef(expense.category),
		date: cwDate(expense.date),
		amount: num(expense.amount),
		billableOption: billableTo(expense.billable),
		notes: expense.notes,
	});
}
