import type { Expense } from '../../common/canonical';
import { atDateTime, compact, decimal, identity, isoDate, num, ref, refId, str } from './common';
import type { AtRecord } from './common';
import { workItemFrom, workItemTo } from './timeEntry';

/** An Autotask expense item (a line of an expense report) as a canonical Expense. */
export function fromAutotaskExpenseItem(item: AtRecord): Expense {
	return compact<Expense>({
		type: 'Expense',
		...identity(item),
		customer: ref(item.companyID),
		project: ref(item.projectID),
		workItem: workItemFrom(item),
		date: isoDate(item.expenseDate),
		amount: decimal(item.expenseCurrencyExpenseAmount ?? item.receiptAmount) ?? '0',
		category: ref(item.expenseCategory),
		billable: typeof item.isBillableToCompany === 'boolean' ? item.isBillableToCompany : undefined,
		reimbursable: typeof item.isReimbursable === 'boolean' ? item.isReimbursable : undefined,
		paymentMethod: str(item.paymentType),
		notes: str(item.description),
		extensions: str(item.expenseReportID) ? { autotaskPsa: { expenseReportID: Number(item.expenseReportID) } } : undefined,
	});
}

export function toAutotaskExpenseItem(expense: Expense): AtRecord {
	const report = expense.extensions?.autotaskPsa?.expenseReportID;
	return compact({
		...workItemTo(expense.workItem),
		expenseReportID: typeof report === 'number' ? report : undefined,
		companyID: refId(expense.customer),
		projectID: refId(expense.project),
		expenseDate: atDateTime(expense.date),
		expenseCurrencyExpenseAmount: num(expense.amount),
		expenseCategory: refId(expense.category),
		isBillableToCompany: expense.billable,
		isReimbursable: expense.reimbursable,
		description: expense.notes,
	});
}
