import type { CwRecord, CwStore } from './store';

/**
 * A kind of reference object (`{ id, name|identifier, _info: { x_href } }`). Writes may name the
 * target by any of its `keys`; hrefs are stored relative to the API root and made absolute on output.
 */
export interface RefKind {
	collection: string;
	keys: string[];
	label(target: CwRecord): Record<string, unknown>;
	hrefKey: string;
	href(target: CwRecord): string;
	/** Restricts candidates, e.g. a ticket status must belong to the ticket's board. */
	scope?(target: CwRecord, owner: Record<string, unknown>): boolean;
}

const fullName = (r: CwRecord): string => `${String(r.firstName ?? '')} ${String(r.lastName ?? '')}`.trim();

export const REF_KINDS: Record<string, RefKind> = {
	company: {
		collection: 'companies',
		keys: ['id', 'identifier', 'name'],
		label: (r) => ({ identifier: r.identifier, name: r.name }),
		hrefKey: 'company_href',
		href: (r) => `/company/companies/${r.id}`,
	},
	contact: {
		collection: 'contacts',
		keys: ['id', 'name'],
		label: (r) => ({ name: fullName(r) }),
		hrefKey: 'contact_href',
		href: (r) => `/company/contacts/${r.id}`,
	},
	board: {
		collection: 'boards',
		keys: ['id', 'name'],
		label: (r) => ({ name: r.name }),
		hrefKey: 'board_href',
		href: (r) => `/service/boards/${r.id}`,
	},
	ticketStatus: {
		collection: 'statuses',
		keys: ['id', 'name'],
		label: (r) => ({ name: r.name, Sort: r.sortOrder }),
		hrefKey: 'status_href',
		href: (r) => `/service/boards/${(r.board as { id: number }).id}/statuses/${r.id}`,
		scope: (target, owner) => {
			const board = owner.board as { id?: number } | null | undefined;
			return board?.id !== undefined && (target.board as { id: number }).id === board.id;
		},
	},
	priority: {
		collection: 'priorities',
		keys: ['id', 'name'],
		label: (r) => ({ name: r.name, sort: r.sortOrder, level: r.level }),
		hrefKey: 'priority_href',
		href: (r) => `/service/priorities/${r.id}`,
	},
	member: {
		collection: 'members',
		keys: ['id', 'identifier', 'name'],
		label: (r) => ({ identifier: r.identifier, name: fullName(r) }),
		hrefKey: 'member_href',
		href: (r) => `/system/members/${r.id}`,
	},
	project: {
		collection: 'projects',
		keys: ['id', 'name'],
		label: (r) => ({ name: r.name }),
		hrefKey: 'project_href',
		href: (r) => `/project/projects/${r.id}`,
	},
	agreement: {
		collection: 'agreements',
		keys: ['id', 'name'],
		label: (r) => ({ name: r.name }),
		hrefKey: 'agreement_href',
		href: (r) => `/finance/agreements/${r.id}`,
	},
	agreementType: {
		collection: 'agreementTypes',
		keys: ['id', 'name'],
		label: (r) => ({ name: r.name }),
		hrefKey: 'type_href',
		href: (r) => `/finance/agreements/types/${r.id}`,
	},
	ticket: {
		collection: 'tickets',
		keys: ['id'],
		label: (r) => ({ summary: r.summary }),
		hrefKey: 'ticket_href',
		href: (r) => `/service/tickets/${r.id}`,
	},
	catalogItem: {
		collection: 'catalog',
		keys: ['id', 'identifier'],
		label: (r) => ({ identifier: r.identifier }),
		hrefKey: 'catalog_href',
		href: (r) => `/procurement/catalog/${r.id}`,
	},
	workType: {
		collection: 'workTypes',
		keys: ['id', 'name'],
		label: (r) => ({ name: r.name }),
		hrefKey: 'workType_href',
		href: (r) => `/time/workTypes/${r.id}`,
	},
	expenseType: {
		collection: 'expenseTypes',
		keys: ['id', 'name'],
		label: (r) => ({ name: r.name }),
		hrefKey: 'type_href',
		href: (r) => `/expense/types/${r.id}`,
	},
};

/** The reference object a record is shown as inside other records. */
export function toRef(kind: RefKind, target: CwRecord): Record<string, unknown> {
	return { id: target.id, ...kind.label(target), _info: { [kind.hrefKey]: kind.href(target) } };
}

export type RefResolution = { ok: true; ref: Record<string, unknown> | null } | { ok: false; message: string };

/** Resolves a written reference (`{id}`, `{identifier}`, `{name}`, or null) to the stored reference object. */
export function resolveRef(
	store: CwStore,
	kind: RefKind,
	value: unknown,
	owner: Record<string, unknown>,
	field: string,
): RefResolution {
	if (value === null) return { ok: true, ref: null };
	if (typeof value !== 'object' || Array.isArray(value)) {
		return { ok: false, message: `${field} must be a reference object such as {"id": 1}` };
	}
	const given = value as Record<string, unknown>;
	const key = kind.keys.find((k) => given[k] !== undefined && given[k] !== null);
	if (!key) return { ok: false, message: `${field} needs one of: ${kind.keys.join(', ')}` };
	const wanted = given[key];
	const candidates = store.all(kind.collection).filter((c) => !kind.scope || kind.scope(c, owner));
	const match = candidates.find((c) => {
		if (key === 'id') return c.id === Number(wanted);
		const have = key === 'name' && c.name === undefined ? kind.label(c).name : c[key];
		return typeof have === 'string' && typeof wanted === 'string' && have.toLowerCase() === wanted.toLowerCase();
	});
	if (!match) return { ok: false, message: `${field} with ${key} ${JSON.stringify(wanted)} was not found` };
	return { ok: true, ref: toRef(kind, match) };
}
