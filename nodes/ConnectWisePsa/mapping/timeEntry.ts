import type { ApprovalStatus, TimeEntry, WorkItemReference } from '../../common/canonical';
import {
	billableFrom,
	billableTo,
	compact,
	cwDate,
	decimal,
	fromRef,
	identity,
	isoDateTime,
	lookup,
	num,
	obj,
	refId,
	str,
	SYSTEM,
	toRef,
} from './common';
import type { CwRecord } from './common';

/** ConnectWise chargeToType ↔ canonical work item kind. */
const CHARGE_KINDS: Record<string, NonNullable<WorkItemReference['kind']>> = {
	ServiceTicket: 'ticket',
	ProjectTicket: 'project_ticket',
	ChargeCode: 'charge_code',
	Activity: 'activity',
};

const CHARGE_TYPES: Partial<Record<NonNullable<WorkItemReference['kind']>, string>> = {
	ticket: 'ServiceTicket',
	project_ticket: 'ProjectTicket',
	task: 'ProjectTicket',
	charge_code: 'ChargeCode',
	activity: 'Activity',
};

/** Time and expense approval statuses; values not listed are left out. */
export const APPROVAL_STATUSES: Record<string, ApprovalStatus> = {
	Open: 'draft',
	Rejected: 'rejected',
	PendingApproval: 'submitted',
	ErrorsCorrected: 'submitted',
	PendingProjectApproval: 'submitted',
	ApprovedByTierOne: 'submitted',
	RejectBySecondTier: 'rejected',
	ApprovedByTierTwo: 'approved',
	ReadyToBill: 'approved',
	Billed: 'invoiced',
	WrittenOff: 'approved',
	BilledAgreement: 'invoiced',
};

/** `chargeToType` / `chargeToId` as a canonical work item. */
export function workItemFrom(record: CwRecord): WorkItemReference | undefined {
	const type = str(record.chargeToType);
	const id = str(record.chargeToId);
	if (!type || !id) return undefined;
	return { kind: lookup(CHARGE_KINDS, type) ?? 'other', externalIds: { [SYSTEM]: id } };
}

/** A canonical work item as `chargeToType` / `chargeToId` (both or neither). */
export function workItemTo(workItem: WorkItemReference | undefined): CwRecord {
	const type = lookup(CHARGE_TYPES, workItem?.kind);
	const id = refId(workItem);
	return type && id !== undefined ? { chargeToType: type, chargeToId: id } : {};
}

export function fromConnectWiseTimeEntry(entry: CwRecord): TimeEntry {
	return compact<TimeEntry>({
		type: 'TimeEntry',
		...identity(entry),
		worker: fromRef(entry.member),
		customer: fromRef(entry.company),
		project: fromRef(entry.project),
		workItem: workItemFrom(entry),
		agreement: fromRef(entry.agreement),
		start: isoDateTime(entry.timeStart),
		end: isoDateTime(entry.timeEnd),
		hours: decimal(entry.actualHours),
		billable: billableFrom(entry.billableOption),
		billableHours: decimal(entry.hoursBilled),
		rate: decimal(entry.hourlyRate),
		workType: str(obj(entry.workType)?.name),
		role: str(obj(entry.workRole)?.name),
		notes: str(entry.notes),
		internalNotes: str(entry.internalNotes),
		status: lookup(APPROVAL_STATUSES, entry.status),
		invoice: fromRef(entry.invoice),
	});
}

/** The ConnectWise time entry fields a canonical TimeEntry sets (status and billing stay with ConnectWise). */
export function toConnectWiseTimeEntry(entry: TimeEntry): CwRecord {
	return compact({
		...workItemTo(entry.workItem),
		company: toRef(entry.customer),
		member: toRef(entry.worker),
		agreement: toRef(entry.agreement),
		timeStart: cwDate(entry.start),
		timeEnd: cwDate(entry.end),
		actualHours: num(entry.hours),
		billableOption: billableTo(entry.billable),
		hourlyRate: num(entry.rate),
		notes: entry.notes,
		internalNotes: entry.internalNotes,
	});
}
