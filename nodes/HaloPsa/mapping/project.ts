import type { Project } from '../../common/canonical';
import { compact, decimal, fromIdName, haloDate, identity, isoDate, num, ownId, str, toId } from './common';
import type { HaloRecord } from './common';

/** Halo status ids of the built-in "Closed" status; other statuses are configurable and read as open. */
const CLOSED_STATUS = 9;

/** A Halo project (a ticket of a project type) as a canonical Project. */
export function fromHaloProject(project: HaloRecord): Project {
	return compact<Project>({
		type: 'Project',
		...identity(project),
		name: str(project.summary) ?? '',
		customer: fromIdName(project.client_id, project.client_name),
		status: Number(project.status_id) === CLOSED_STATUS ? 'closed' : 'open',
		manager: fromIdName(project.agent_id, project.agent_name),
		startDate: isoDate(project.startdate),
		endDate: isoDate(project.targetdate ?? project.deadlinedate),
		budgetHours: decimal(project.estimate),
		budgetAmount: decimal(project.budget),
		actualHours: decimal(project.timetaken),
		description: str(project.details),
	});
}

export function toHaloProject(project: Project): HaloRecord {
	return compact({
		id: ownId(project),
		summary: project.name,
		details: project.description,
		client_id: toId(project.customer),
		agent_id: toId(project.manager),
		startdate: haloDate(project.startDate),
		targetdate: haloDate(project.endDate),
		estimate: num(project.budgetHours),
		budget: num(project.budgetAmount),
		status_id: project.status === 'closed' ? CLOSED_STATUS : undefined,
	});
}
