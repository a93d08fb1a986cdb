import type { TimeEntry, WorkItemReference } from '../../common/canonical';
import { atDateTime, compact, decimal, identity, isoDateTime, num, ref, refId, str, SYSTEM } from './common';
import type { AtRecord } from './common';

/** `ticketID` / `taskID` as the canonical work item (a time entry is on one or the other). */
export function workItemFrom(record: AtRecord): WorkItemReference | undefined {
	if (str(record.ticketID)) return { kind: 'ticket', externalIds: { [SYSTEM]: String(record.ticketID) } };
	if (str(record.taskID)) return { kind: 'task', externalIds: { [SYSTEM]: String(record.taskID) } };
	return undefined;
}

export function workItemTo(workItem: WorkItemReference | undefined): AtRecord {
	const id = refId(workItem);
	if (id === undefined) return {};
	return workItem?.kind === 'task' || workItem?.kind === 'project_ticket' ? { taskID: id } : { ticketID: id };
}

function statusFrom(entry: AtRecord): TimeEntry['status'] {
	if (str(entry.billingApprovalDateTime)) return 'approved';
	return undefined;
}

export function fromAutotaskTimeEntry(entry: AtRecord): TimeEntry {
	const nonBillable = typeof entry.isNonBillable === 'boolean' ? entry.isNonBillable : undefined;
	return compact<TimeEntry>({
		type: 'TimeEntry',
		...identity(entry),
		worker: ref(entry.resourceID),
		workItem: workItemFrom(entry),
		agreement: ref(entry.contractID),
		start: isoDateTime(entry.startDateTime ?? entry.dateWorked),
		end: isoDateTime(entry.endDateTime),
		hours: decimal(entry.hoursWorked),
		billable: nonBillable === undefined ? undefined : !nonBillable,
		billableHours: decimal(entry.hoursToBill),
		role: str(entry.roleID),
		workType: str(entry.billingCodeID),
		notes: str(entry.summaryNotes),
		internalNotes: str(entry.internalNotes),
		status: statusFrom(entry),
	});
}

/** The Autotask time entry fields a canonical TimeEntry sets (approval stays with Autotask). */
export function toAutotaskTimeEntry(entry: TimeEntry): AtRecord {
	return compact({
		...workItemTo(entry.workItem),
		resourceID: refId(entry.worker),
		contractID: refId(entry.agreement),
		dateWorked: entry.start ? `${entry.start.slice(0, 10)}T00:00:00Z` : undefined,
		startDateTime: atDateTime(entry.start),
		endDateTime: atDateTime(entry.end),
		hoursWorked: num(entry.hours),
		isNonBillable: entry.billable === undefined ? undefined : !entry.billable,
		summaryNotes: entry.notes,
		internalNotes: entry.internalNotes,
	});
}
