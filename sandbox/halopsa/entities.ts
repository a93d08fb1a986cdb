import { HALO_PROJECT_TICKET_TYPE } from './constants';

export type HaloRecord = Record<string, unknown> & { id: number | string };

/** One Halo API entity: its path under /api, the array key of its list response and its rules. */
export interface EntityDef {
	/** Path segment under /api, matched without case as ASP.NET routes are. */
	path: string;
	collection: string;
	/** The array's name in a list response (`{ record_count, clients: [...] }`). */
	listKey: string;
	/** Scope area: `read:<area>` / `edit:<area>`. */
	scope: string;
	/** Fields a new record must have (a POST without `id`). */
	required: string[];
	/** Fields `search=` looks into (contains, case-insensitive). */
	search: string[];
	/** Query parameters that filter on a field of the same name (numbers compared as numbers). */
	filters: string[];
	/** Records with `inactive: true` are hidden unless `includeinactive=true`. */
	hasInactive?: boolean;
	/** Values every new record starts with. */
	defaults?: Record<string, unknown>;
	/** Collection whose id sequence this one shares (projects are tickets in Halo). */
	idSequence?: string;
	/** Event name prefix of the outbound webhooks its changes raise. */
	event?: string;
	readOnly?: boolean;
	/** Lookup lists are bare arrays rather than `{ record_count, <key>: [] }`. */
	bareList?: boolean;
}

export const ENTITIES: EntityDef[] = [
	{ path: 'Client', collection: 'clients', listKey: 'clients', scope: 'customers', required: ['name'], search: ['name'], filters: ['toplevel_id'], hasInactive: true, defaults: { inactive: false, toplevel_id: 1 }, event: 'client' },
	{ path: 'Site', collection: 'sites', listKey: 'sites', scope: 'customers', required: ['name', 'client_id'], search: ['name'], filters: ['client_id'], hasInactive: true, defaults: { inactive: false } },
	{ path: 'Users', collection: 'users', listKey: 'users', scope: 'customers', required: ['name', 'site_id'], search: ['name', 'emailaddress'], filters: ['client_id', 'site_id'], hasInactive: true, defaults: { inactive: false } },
	{ path: 'Tickets', collection: 'tickets', listKey: 'tickets', scope: 'tickets', required: ['summary', 'client_id'], search: ['summary', 'details'], filters: ['client_id', 'site_id', 'user_id', 'status_id', 'tickettype_id', 'agent_id', 'priority_id'], defaults: { status_id: 1, tickettype_id: 1, priority_id: 3 }, event: 'ticket' },
	{ path: 'Projects', collection: 'projects', listKey: 'tickets', scope: 'projects', required: ['summary', 'client_id'], search: ['summary', 'details'], filters: ['client_id', 'status_id', 'agent_id'], defaults: { status_id: 1, tickettype_id: HALO_PROJECT_TICKET_TYPE }, idSequence: 'tickets', event: 'project' },
	{ path: 'Actions', collection: 'actions', listKey: 'actions', scope: 'tickets', required: ['ticket_id'], search: ['note'], filters: ['ticket_id', 'agent_id'], defaults: { timetaken: 0, nonbill: false }, event: 'action' },
	{ path: 'ClientContract', collection: 'contracts', listKey: 'contracts', scope: 'contracts', required: ['client_id', 'ref'], search: ['ref'], filters: ['client_id'], defaults: { active: true } },
	{ path: 'Invoice', collection: 'invoices', listKey: 'invoices', scope: 'invoices', required: ['client_id'], search: ['invoicenumber'], filters: ['client_id', 'site_id', 'ticket_id'], defaults: { posted: false, lines: [] } },
	{ path: 'Item', collection: 'items', listKey: 'items', scope: 'items', required: ['name'], search: ['name', 'internal_reference'], filters: [], hasInactive: true, defaults: { inactive: false } },
	{ path: 'Asset', collection: 'assets', listKey: 'assets', scope: 'assets', required: ['client_id'], search: ['inventory_number', 'key_field'], filters: ['client_id', 'site_id', 'assettype_id'], hasInactive: true, defaults: { inactive: false } },
	{ path: 'Expense', collection: 'expenses', listKey: 'expenses', scope: 'tickets', required: ['ticket_id', 'amount'], search: ['note'], filters: ['ticket_id', 'agent_id', 'client_id'], defaults: { billable: true } },
	{ path: 'Status', collection: 'statuses', listKey: 'statuses', scope: 'tickets', required: [], search: ['name'], filters: [], readOnly: true, bareList: true },
	{ path: 'TicketType', collection: 'tickettypes', listKey: 'tickettypes', scope: 'tickets', required: [], search: ['name'], filters: [], readOnly: true, bareList: true },
	{ path: 'Agent', collection: 'agents', listKey: 'agents', scope: 'tickets', required: [], search: ['name'], filters: [], readOnly: true, bareList: true },
];

export function entityByPath(path: string): EntityDef | undefined {
	return ENTITIES.find((e) => e.path.toLowerCase() === path.toLowerCase());
}

export function entityByCollection(collection: string): EntityDef | undefined {
	return ENTITIES.find((e) => e.collection === collection);
}
