import type { TimeEntry } from '../../common/canonical';
import { compact, decimal, fromIdName, haloDateTime, identity, isoDateTime, num, ownId, str, toId } from './common';
import type { HaloRecord } from './common';

/** A Halo action with time on it (`timetaken` hours) as a canonical TimeEntry on its ticket. */
export function fromHaloAction(action: HaloRecord): TimeEntry {
	const ticket = fromIdName(action.ticket_id);
	const chargeable = decimal(action.actionchargehours);
	return compact<TimeEntry>({
		type: 'TimeEntry',
		...identity(action),
		worker: fromIdName(action.agent_id, action.who),
		customer: fromIdName(action.client_id, action.client_name),
		workItem: ticket ? { ...ticket, kind: 'ticket' } : undefined,
		start: isoDateTime(action.actionarrivaldate ?? action.actiondatecreated),
		end: isoDateTime(action.actioncompletiondate),
		hours: decimal(action.timetaken),
		billable: action.nonbill === true ? false : chargeable === undefined ? undefined : chargeable !== '0',
		billableHours: chargeable,
		workType: str(action.outcome),
		notes: str(action.note),
	});
}

/** The Halo action fields a canonical TimeEntry sets; the ticket comes from its work item. */
export function toHaloAction(entry: TimeEntry): HaloRecord {
	const billable = entry.billable;
	return compact({
		id: ownId(entry),
		ticket_id: toId(entry.workItem) ?? toId(entry.project),
		agent_id: toId(entry.worker),
		outcome: entry.workType,
		note: entry.notes,
		timetaken: num(entry.hours),
		actionchargehours: billable === false ? 0 : num(entry.billableHours ?? (billable ? entry.hours : undefined)),
		nonbill: billable === undefined ? undefined : !billable,
		actionarrivaldate: haloDateTime(entry.start),
		actioncompletiondate: haloDateTime(entry.end),
	});
}
