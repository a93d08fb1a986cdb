import type { Project } from '../../common/canonical';
import { atDateTime, compact, decimal, identity, isoDate, lookup, num, ref, refId, str } from './common';
import type { AtRecord } from './common';

/** Projects.status system values (0 Inactive, 1 New, 5 Complete); others are in-progress statuses. */
const STATUS_FROM: Record<string, Project['status']> = { '0': 'on_hold', '1': 'planned', '5': 'closed' };
const STATUS_TO: Partial<Record<NonNullable<Project['status']>, number>> = { on_hold: 0, planned: 1, closed: 5, cancelled: 0 };

export function fromAutotaskProject(project: AtRecord): Project {
	const status = project.status === undefined || project.status === null ? undefined : (lookup(STATUS_FROM, project.status) ?? 'open');
	return compact<Project>({
		type: 'Project',
		...identity(project),
		name: str(project.projectName) ?? '',
		code: str(project.projectNumber),
		customer: ref(project.companyID),
		status,
		manager: ref(project.projectLeadResourceID),
		startDate: isoDate(project.startDateTime),
		endDate: isoDate(project.endDateTime),
		actualHours: decimal(project.actualHours),
		budgetHours: decimal(project.estimatedTime),
		poNumber: str(project.purchaseOrderNumber),
		description: str(project.description),
	});
}

export function toAutotaskProject(project: Project): AtRecord {
	return compact({
		projectName: project.name,
		companyID: refId(project.customer),
		status: project.status === undefined ? undefined : (STATUS_TO[project.status] ?? 2),
		projectLeadResourceID: refId(project.manager),
		startDateTime: atDateTime(project.startDate),
		endDateTime: atDateTime(project.endDate),
		estimatedTime: num(project.budgetHours),
		purchaseOrderNumber: project.poNumber,
		description: project.description,
	});
}
