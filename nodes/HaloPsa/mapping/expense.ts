import type { Expense } from '../../common/canonical';
import { compact, decimal, fromIdName, haloDate, identity, isoDate, num, ownId, str, toId } from './common';
import type { HaloRecord } from './common';

export function fromHaloExpense(expense: HaloRecord): Expense {
	const ticket = fromIdName(expense.ticket_id);
	return compact<Expense>({
		type: 'Expense',
		...identity(expense),
		worker: fromIdName(expense.agent_id, expense.agent_name),
		customer: fromIdName(expense.client_id, expense.client_name),
		workItem: ticket ? { ...ticket, kind: 'ticket' } : undefined,
		date: isoDate(expense.date),
		amount: decimal(expense.amount) ?? '0',
		billable: typeof expense.billable === 'boolean' ? expense.billable : undefined,
		notes: str(expense.note),
	});
}

export function toHaloExpense(expense: Expense): HaloRecord {
	return compact({
		id: ownId(expense),
		ticket_id: toId(expense.workItem) ?? toId(expense.project),
		agent_id: toId(expense.worker),
		client_id: toId(expense.customer),
		date: haloDate(expense.date),
		amount: num(expense.amount),
		billable: expense.billable,
		note: expense.notes,
	});
}
