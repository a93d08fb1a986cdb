import { Prng } from '../core/prng';
import { CW_API_MEMBER_IDENTIFIER } from './constants';
import * as N from './names';
import { REF_KINDS, toRef } from './refs';
import { RESOURCES, round2 } from './resources';
import type { CwRecord, CwStore } from './store';

export interface CwSeedOptions {
	/** Client companies (the MSP itself and a few vendors come on top). */
	companies: number;
	/** Average contacts per client company. */
	contactsPerCompany: number;
	tickets: number;
	projects: number;
	timeEntries: number;
	expenseEntries: number;
	agreements: number;
	invoices: number;
	products: number;
	/** Technicians (the API member comes on top). */
	members: number;
}

export const CW_SEED_DEFAULTS: CwSeedOptions = {
	companies: 60,
	contactsPerCompany: 3,
	tickets: 2600,
	projects: 40,
	timeEntries: 1500,
	expenseEntries: 250,
	agreements: 80,
	invoices: 300,
	products: 250,
	members: 16,
};

/** Seeded data lives between these dates, so anything written at run time is newer. */
const START = Date.UTC(2024, 0, 1);
const END = Date.UTC(2025, 5, 30, 23, 59, 59);
const DAY = 86_400_000;
const HOUR = 3_600_000;

export const isoSeconds = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

type Row = Record<string, unknown>;

function info(entered: number, updated: number, enteredBy: string, updatedBy: string): Row {
	return { lastUpdated: isoSeconds(updated), updatedBy, dateEntered: isoSeconds(entered), enteredBy };
}

/** Ascending ids with occasional gaps, as deleted records leave on a real server. */
function ids(start: number, rng: Prng): () => number {
	let next = start;
	return () => {
		const id = next;
		next += 1 + (rng.chance(0.08) ? rng.int(1, 4) : 0);
		return id;
	};
}

const clampEnd = (ms: number): number => Math.min(ms, END);

export interface SeedResult {
	signingKey: string;
}

/** Fills the store from the seed. Each collection draws from its own stream, so changing one count leaves the others alone. */
export function seedConnectWise(store: CwStore, seed: number, o: CwSeedOptions): SeedResult {
	store.clear();
	for (const def of RESOURCES) store.ensure(def.collection);
	const stream = (name: string) => Prng.from(seed, `connectwise:${name}`);
	const ref = (kind: string, r: CwRecord) => toRef(REF_KINDS[kind], r);

	// Members: the API member the sandbox keys belong to, then technicians.
	let rng = stream('members');
	store.put('members', {
		id: 1,
		identifier: CW_API_MEMBER_IDENTIFIER,
		firstName: 'Sandbox',
		lastName: 'API',
		officeEmail: null,
		title: 'API Member',
		inactiveFlag: false,
		licenseClass: 'A',
		timeZone: { id: 1, name: 'US Eastern' },
		defaultLocation: { id: 1, name: 'Main Office' },
		defaultDepartment: { id: 1, name: 'Services' },
		hireDate: isoSeconds(START),
		adminFlag: false,
		_info: info(START, START, 'admin', 'admin'),
	});
	const usedIds = new Set<string>([CW_API_MEMBER_IDENTIFIER.toLowerCase()]);
	for (let i = 0; i < o.members; i++) {
		const first = rng.pick(N.FIRST_NAMES);
		const last = rng.pick(N.LAST_NAMES);
		let identifier = `${first[0]}${last}`.toLowerCase();
		for (let n = 2; usedIds.has(identifier); n++) identifier = `${first[0]}${last}${n}`.toLowerCase();
		usedIds.add(identifier);
		const hired = START - rng.int(30, 2000) * DAY;
		store.put('members', {
			id: 100 + i,
			identifier,
			firstName: first,
			lastName: last,
			officeEmail: `${identifier}@sandboxmsp.com`,
			title: rng.pick(N.TECH_TITLES),
			inactiveFlag: rng.chance(0.05),
			licenseClass: 'F',
			timeZone: { id: 1, name: 'US Eastern' },
			defaultLocation: { id: 1, name: 'Main Office' },
			defaultDepartment: { id: 1, name: 'Services' },
			hireDate: isoSeconds(hired),
			adminFlag: i === 0,
			_info: info(hired, hired + rng.int(0, 400) * DAY, 'admin', 'admin'),
		});
	}
	const techs = store.all('members').filter((m) => m.id !== 1);
	const techIds = techs.map((m) => String(m.identifier));

	// Setup tables.
	const boardNames = ['Service Desk', 'Managed Services Alerts', 'Network Operations', 'Escalations', 'Projects'];
	let statusId = 1;
	boardNames.forEach((name, i) => {
		const board = store.put('boards', {
			id: i + 1,
			name,
			location: { id: 1, name: 'Main Office' },
			department: { id: 1, name: 'Services' },
			inactiveFlag: false,
			projectFlag: name === 'Projects',
			signOffTemplate: null,
			_info: info(START - 400 * DAY, START - 200 * DAY, 'admin', 'admin'),
		});
		const statuses: Array<[string, boolean]> =
			name === 'Projects'
				? [['New', false], ['Open', false], ['In Progress', false], ['Completed', true]]
				: [['New', false], ['In Progress', false], ['Waiting on Customer', false], ['Scheduled', false], ['Resolved', true], ['Closed', true]];
		statuses.forEach(([statusName, closed], sort) => {
			store.put('statuses', {
				id: statusId++,
				name: statusName,
				board: ref('board', board),
				sortOrder: sort,
				displayOnBoard: !closed,
				inactive: false,
				closedStatus: closed,
				defaultFlag: sort === 0,
				timeEntryNotAllowed: false,
				escalationStatus: 'NotResponded',
				_info: info(START - 400 * DAY, START - 200 * DAY, 'admin', 'admin'),
			});
		});
	});
	const priorities: Array<[string, string, string]> = [
		['Priority 1 - Emergency Response', 'Critical', 'red'],
		['Priority 2 - Quick Response', 'High', 'orange'],
		['Priority 3 - Normal Response', 'Medium', 'yellow'],
		['Priority 4 - Schedule Maintenance', 'Low', 'green'],
		['Do Not Respond', 'NotApplicable', 'gray'],
	];
	priorities.forEach(([name, level, color], i) =>
		store.put('priorities', {
			id: i + 1,
			name,
			color,
			sortOrder: i + 1,
			defaultFlag: i === 2,
			level,
			_info: info(START - 400 * DAY, START - 400 * DAY, 'admin', 'admin'),
		}),
	);
	const setup = (collection: string, names: string[], extra: (i: number) => Row) =>
		names.forEach((name, i) =>
			store.put(collection, { id: i + 1, name, ...extra(i), _info: info(START - 400 * DAY, START - 400 * DAY, 'admin', 'admin') }),
		);
	setup('workTypes', N.WORK_TYPES, (i) => ({ billTime: i === 4 ? 'NoCharge' : 'Billable', rateType: 'Multiplier', rate: i === 3 ? 1.5 : 1, defaultFlag: i === 0, inactiveFlag: false }));
	setup('expenseTypes', N.EXPENSE_TYPES, () => ({ amountCaption: 'Amount', reimbursementRate: null, billExpenses: 'Billable', inactiveFlag: false }));
	setup('agreementTypes', N.AGREEMENT_TYPES, (i) => ({ prefixSuffixOption: 'Prefix', defaultFlag: i === 0, inactiveFlag: false }));

	// Companies: the MSP itself, its distributors, then clients.
	rng = stream('companies');
	const company = (id: number, identifier: string, name: string, type: string, extra: Row = {}): CwRecord => {
		const [city, state, zip] = rng.pick(N.PLACES);
		const entered = START - rng.int(30, 1500) * DAY;
		return store.put('companies', {
			id,
			identifier,
			name,
			status: { id: 1, name: 'Active' },
			types: [{ id: type === 'Owner' ? 4 : type === 'Vendor' ? 3 : type === 'Prospect' ? 2 : 1, name: type }],
			addressLine1: `${rng.int(10, 9999)} ${rng.pick(N.STREETS)}`,
			addressLine2: null,
			city,
			state,
			zip,
			country: { id: 1, name: 'United States' },
			phoneNumber: `${rng.int(200, 989)}555${String(rng.int(0, 9999)).padStart(4, '0')}`,
			faxNumber: null,
			website: `www.${identifier.toLowerCase()}.com`,
			territory: { id: 1, name: 'Main' },
			market: null,
			accountNumber: null,
			defaultContact: null,
			dateAcquired: isoSeconds(entered),
			annualRevenue: null,
			numberOfEmployees: rng.int(3, 250),
			leadFlag: false,
			unsubscribeFlag: false,
			billingTerms: { id: 1, name: 'Net 30 Days' },
			deletedFlag: false,
			customFields: [
				{ id: 1, caption: 'Region', type: 'Text', entryMethod: 'List', numberOfDecimals: 0, value: rng.pick(N.REGIONS), connectWiseId: 'b2a7c1d4-0000-4000-8000-000000000001' },
			],
			_info: info(entered, clampEnd(entered + rng.int(1, 500) * DAY), 'admin', rng.pick(techIds)),
			...extra,
		});
	};
	company(2, 'SandboxMSP', 'Sandbox MSP', 'Owner');
	N.VENDORS.forEach(([identifier, name], i) => company(10 + i, identifier, name, 'Vendor'));
	const nextCompanyId = ids(250, rng);
	const usedNames = new Set<string>();
	const usedIdentifiers = new Set(store.all('companies').map((c) => String(c.identifier).toLowerCase()));
	for (let i = 0; i < o.companies; i++) {
		let name = '';
		for (let tries = 0; tries < 50 && (name === '' || usedNames.has(name)); tries++) {
			name = `${rng.pick(N.COMPANY_PREFIXES)} ${rng.pick(N.COMPANY_INDUSTRIES)} ${rng.pick(N.COMPANY_SUFFIXES)}`;
		}
		if (usedNames.has(name)) name = `${name} ${i}`;
		usedNames.add(name);
		let identifier = name.replace(/[^A-Za-z0-9]/g, '').slice(0, 22);
		for (let n = 2; usedIdentifiers.has(identifier.toLowerCase()); n++) identifier = `${identifier.slice(0, 22)}${n}`;
		usedIdentifiers.add(identifier.toLowerCase());
		const prospect = rng.chance(0.08);
		const rec = company(nextCompanyId(), identifier, name, prospect ? 'Prospect' : 'Client');
		if (rng.chance(0.05)) rec.status = { id: 2, name: 'Inactive' };
	}
	const clients = store.all('companies').filter((c) => (c.types as Row[])[0].name === 'Client' || (c.types as Row[])[0].name === 'Prospect');
	const vendorRecs = store.all('companies').filter((c) => (c.types as Row[])[0].name === 'Vendor');

	// Contacts.
	rng = stream('contacts');
	const nextContactId = ids(100, rng);
	const contactsOf = new Map<number, CwRecord[]>();
	for (const c of clients) {
		const n = rng.int(1, Math.max(1, 2 * o.contactsPerCompany - 1));
		const list: CwRecord[] = [];
		for (let k = 0; k < n; k++) {
			const first = rng.pick(N.FIRST_NAMES);
			const last = rng.pick(N.LAST_NAMES);
			const email = `${first}.${last}@${String(c.identifier).toLowerCase()}.com`.toLowerCase();
			const phone = `${rng.int(200, 989)}555${String(rng.int(0, 9999)).padStart(4, '0')}`;
			const entered = Date.parse(String((c._info as Row).dateEntered)) + rng.int(0, 300) * DAY;
			list.push(
				store.put('contacts', {
					id: nextContactId(),
					firstName: first,
					lastName: last,
					company: ref('company', c),
					site: { id: 1, name: 'Main' },
					title: rng.pick(N.TITLES),
					department: null,
					inactiveFlag: rng.chance(0.04),
					defaultPhoneType: 'Direct',
					defaultPhoneNbr: phone,
					communicationItems: [
						{ id: 1, type: { id: 1, name: 'Email' }, value: email, defaultFlag: true, communicationType: 'Email' },
						{ id: 2, type: { id: 2, name: 'Direct' }, value: phone, defaultFlag: true, communicationType: 'Phone' },
					],
					types: [],
					customFields: [],
					_info: info(entered, clampEnd(entered + rng.int(0, 200) * DAY), rng.pick(techIds), rng.pick(techIds)),
				}),
			);
		}
		contactsOf.set(c.id, list);
		c.defaultContact = ref('contact', list[0]);
	}

	// Catalog.
	rng = stream('catalog');
	N.CATALOG.forEach(([identifier, description, productClass, price, cost, subcategory], i) => {
		const vendor =
			subcategory === 'Licensing' ? vendorRecs[1] : subcategory === 'Hardware' || subcategory === 'Accessories' ? vendorRecs[3] : vendorRecs[2];
		store.put('catalog', {
			id: i + 1,
			identifier,
			description,
			inactiveFlag: false,
			subcategory: { id: i % 7 + 1, name: subcategory },
			type: { id: productClass === 'Inventory' ? 1 : 2, name: productClass === 'Inventory' ? 'Hardware' : 'Service' },
			productClass,
			serializedFlag: productClass === 'Inventory',
			serializedCostFlag: false,
			phaseProductFlag: false,
			unitOfMeasure: { id: 1, name: 'Each' },
			price,
			cost,
			taxableFlag: productClass === 'Inventory',
			dropShipFlag: false,
			specialOrderFlag: false,
			customerDescription: description,
			manufacturer: null,
			manufacturerPartNumber: identifier,
			vendor: vendor ? ref('company', vendor) : null,
			vendorSku: `${identifier}-V`,
			category: { id: 1, name: 'Technology' },
			customFields: [],
			_info: info(START - 300 * DAY, START + rng.int(0, 300) * DAY, 'admin', rng.pick(techIds)),
		});
	});
	const catalog = store.all('catalog');
	const recurring = catalog.filter((c) => c.productClass === 'Agreement');
	const sellable = catalog.filter((c) => c.productClass !== 'Agreement');

	// Agreements and their additions.
	rng = stream('agreements');
	const agreementTypes = store.all('agreementTypes');
	const agreementsOf = new Map<number, CwRecord[]>();
	const nextAgreementId = ids(1, rng);
	let additionId = 1;
	for (let i = 0; i < o.agreements; i++) {
		const c = i < clients.length ? clients[i] : rng.pick(clients);
		const type = rng.weighted(agreementTypes.map((t, k) => [t, [50, 15, 15, 15, 5][k] ?? 5] as const));
		const start = START - rng.int(0, 365) * DAY + rng.int(0, 500) * DAY;
		const cancelled = rng.chance(0.07);
		const noEnd = rng.chance(0.6);
		const agreement = store.put('agreements', {
			id: nextAgreementId(),
			name: `${String(type.name)} - ${String(c.name)}`,
			type: ref('agreementType', type),
			company: ref('company', c),
			contact: contactsOf.get(c.id)?.[0] ? ref('contact', (contactsOf.get(c.id) as CwRecord[])[0]) : null,
			agreementStatus: cancelled ? 'Cancelled' : 'Active',
			startDate: isoSeconds(start),
			endDate: noEnd ? null : isoSeconds(start + 365 * DAY),
			noEndingDateFlag: noEnd,
			cancelledFlag: cancelled,
			billAmount: type.name === 'Block Time' ? 1450 : rng.money(300, 6000),
			billingCycle: { id: 1, name: 'Monthly' },
			applicationUnits: type.name === 'Block Time' ? 'Hours' : 'Amount',
			applicationLimit: type.name === 'Block Time' ? 10 : 0,
			billOneTimeFlag: false,
			taxable: true,
			customerPO: rng.chance(0.3) ? `PO-${rng.int(1000, 9999)}` : null,
			internalNotes: null,
			customFields: [],
			_info: info(start, clampEnd(start + rng.int(0, 200) * DAY), rng.pick(techIds), rng.pick(techIds)),
		});
		agreementsOf.set(c.id, [...(agreementsOf.get(c.id) ?? []), agreement]);
		const additions = rng.int(1, 4);
		for (let k = 0; k < additions && recurring.length > 0; k++) {
			const item = rng.pick(recurring);
			const quantity = rng.int(1, 60);
			store.put('additions', {
				id: additionId++,
				product: ref('catalogItem', item),
				agreementId: agreement.id,
				quantity,
				lessIncluded: 0,
				unitPrice: item.price,
				unitCost: item.cost,
				billCustomer: 'Billable',
				effectiveDate: agreement.startDate,
				cancelledDate: null,
				taxableFlag: false,
				description: item.description,
				invoiceDescription: item.description,
				extPrice: round2(quantity * Number(item.price)),
				extCost: round2(quantity * Number(item.cost)),
				agreementStatus: agreement.agreementStatus,
				_info: { ...(agreement._info as Row) },
			});
		}
	}

	// Projects.
	rng = stream('projects');
	const projectBoard = store.all('boards').find((b) => b.projectFlag === true) as CwRecord;
	for (let i = 0; i < o.projects; i++) {
		const c = rng.pick(clients);
		const start = START + rng.int(0, 500) * DAY;
		const end = start + rng.int(30, 120) * DAY;
		const closed = end < END - 30 * DAY && rng.chance(0.6);
		const budget = rng.int(8, 160);
		store.put('projects', {
			id: i + 1,
			name: `${rng.pick(N.PROJECT_NAMES)} - ${String(c.name)}`.slice(0, 100),
			company: ref('company', c),
			contact: contactsOf.get(c.id)?.[0] ? ref('contact', (contactsOf.get(c.id) as CwRecord[])[0]) : null,
			board: ref('board', projectBoard),
			status: closed ? { id: 3, name: 'Closed' } : rng.chance(0.5) ? { id: 2, name: 'In Progress' } : { id: 1, name: 'Open' },
			manager: ref('member', rng.pick(techs)),
			estimatedStart: isoSeconds(start),
			estimatedEnd: isoSeconds(end),
			actualStart: isoSeconds(start + rng.int(0, 5) * DAY),
			actualEnd: closed ? isoSeconds(end + rng.int(-5, 15) * DAY) : null,
			budgetHours: budget,
			actualHours: closed ? round2(budget * (0.7 + rng.float() * 0.6)) : round2(budget * rng.float() * 0.7),
			billingMethod: rng.chance(0.5) ? 'FixedFee' : 'ActualRates',
			estimatedTimeRevenue: budget * 150,
			description: null,
			closedFlag: closed,
			percentComplete: closed ? 100 : rng.int(0, 90),
			type: { id: 1, name: 'Implementation' },
			agreement: null,
			customFields: [],
			_info: info(start - rng.int(1, 20) * DAY, clampEnd(closed ? end + 20 * DAY : start + rng.int(1, 60) * DAY), rng.pick(techIds), rng.pick(techIds)),
		});
	}

	// Tickets: ids grow with time; older tickets are mostly closed, recent ones mostly open.
	rng = stream('tickets');
	const serviceBoards = store.all('boards').filter((b) => b.projectFlag !== true);
	const statusesOf = new Map<number, CwRecord[]>();
	for (const s of store.all('statuses')) {
		const b = (s.board as { id: number }).id;
		statusesOf.set(b, [...(statusesOf.get(b) ?? []), s]);
	}
	const prioritiesAll = store.all('priorities');
	const clientWeights = clients.map((c, i) => [c, i < 6 ? 5 : 1] as const);
	const nextTicketId = ids(10001, rng);
	const span = END - START - 45 * DAY;
	for (let i = 0; i < o.tickets; i++) {
		const board = rng.weighted(serviceBoards.map((b, k) => [b, [55, 20, 15, 10][k] ?? 5] as const));
		const c = rng.weighted(clientWeights);
		const contact = contactsOf.get(c.id) ? rng.pick(contactsOf.get(c.id) as CwRecord[]) : undefined;
		const entered = START + Math.floor(((i + rng.float()) * span) / Math.max(1, o.tickets));
		const age = 1 - i / Math.max(1, o.tickets);
		const closed = rng.chance(0.2 + 0.75 * age);
		const boardStatuses = statusesOf.get(board.id) ?? [];
		const status = closed
			? rng.weighted(boardStatuses.filter((s) => s.closedStatus === true).map((s) => [s, s.name === 'Closed' ? 3 : 1] as const))
			: rng.weighted(boardStatuses.filter((s) => s.closedStatus !== true).map((s, k) => [s, [30, 35, 20, 15][k] ?? 10] as const));
		const closedAt = clampEnd(entered + rng.int(1, 20 * 24) * HOUR);
		const updated = closed ? clampEnd(closedAt + rng.int(0, 48) * HOUR) : clampEnd(entered + rng.int(0, 30 * 24) * HOUR);
		const owner = rng.chance(0.9) ? rng.pick(techs) : undefined;
		const template = rng.pick(N.SUMMARIES[String(board.name)] ?? N.SUMMARIES['Service Desk']);
		const person = contact ? `${String(contact.firstName)} ${String(contact.lastName)}` : 'user';
		const summary = template
			.replace('{device}', rng.pick(N.DEVICES))
			.replace('{server}', rng.pick(N.SERVERS))
			.replace('{app}', rng.pick(N.APPS))
			.replace('{location}', rng.pick(N.LOCATIONS))
			.replace('{person}', person);
		const items = (contact?.communicationItems as Row[] | undefined) ?? [];
		const agreements = agreementsOf.get(c.id) ?? [];
		const closer = owner ? String(owner.identifier) : rng.pick(techIds);
		store.put('tickets', {
			id: nextTicketId(),
			summary,
			recordType: 'ServiceTicket',
			board: ref('board', board),
			status: ref('ticketStatus', status),
			company: ref('company', c),
			contact: contact ? ref('contact', contact) : null,
			contactName: contact ? person : null,
			contactPhoneNumber: items.find((x) => x.communicationType === 'Phone')?.value ?? null,
			contactEmailAddress: items.find((x) => x.communicationType === 'Email')?.value ?? null,
			type: null,
			priority: ref('priority', rng.weighted(prioritiesAll.map((p, k) => [p, [3, 10, 60, 22, 5][k] ?? 1] as const))),
			severity: rng.pick(['Low', 'Medium', 'Medium', 'High']),
			impact: rng.pick(['Low', 'Medium', 'Medium', 'High']),
			owner: owner ? ref('member', owner) : null,
			source: rng.pick([{ id: 1, name: 'Phone' }, { id: 2, name: 'Email' }, { id: 3, name: 'Portal' }, { id: 4, name: 'Monitoring' }]),
			initialDescription: `${summary}. Reported via ${rng.pick(['phone', 'email', 'portal'])}.`,
			requiredDate: null,
			budgetHours: rng.chance(0.3) ? rng.pick([1, 2, 4, 8]) : null,
			actualHours: 0,
			closedDate: closed ? isoSeconds(closedAt) : null,
			closedBy: closed ? closer : null,
			closedFlag: closed,
			approved: true,
			customerUpdatedFlag: !closed && rng.chance(0.15),
			automaticEmailContactFlag: false,
			billTime: 'Billable',
			agreement: agreements.length > 0 && rng.chance(0.7) ? ref('agreement', rng.pick(agreements)) : null,
			customFields: [],
			_info: info(entered, updated, rng.pick(['template', closer, 'Email Connector']), closed ? closer : rng.pick(techIds)),
		});
	}
	const tickets = store.all('tickets');

	// Time entries against tickets.
	rng = stream('time');
	const workTypes = store.all('workTypes');
	for (let i = 0; i < o.timeEntries && tickets.length > 0; i++) {
		const t = rng.pick(tickets);
		const tInfo = t._info as Row;
		const from = Date.parse(String(tInfo.dateEntered));
		const to = Math.max(from + HOUR, Date.parse(String(tInfo.lastUpdated)));
		const start = from + Math.floor(rng.float() * (to - from));
		const hours = rng.int(1, 16) / 4;
		const member = t.owner ? (store.get('members', (t.owner as { id: number }).id) as CwRecord) : rng.pick(techs);
		const billable = rng.weighted([['Billable', 70], ['DoNotBill', 15], ['NoCharge', 15]] as const);
		t.actualHours = round2(Number(t.actualHours) + hours);
		store.put('timeEntries', {
			id: i + 1,
			company: t.company,
			chargeToId: t.id,
			chargeToType: 'ServiceTicket',
			member: ref('member', member),
			workType: ref('workType', rng.weighted(workTypes.map((w, k) => [w, [60, 20, 10, 7, 3][k] ?? 1] as const))),
			timeStart: isoSeconds(start),
			timeEnd: isoSeconds(start + hours * HOUR),
			actualHours: hours,
			billableOption: billable,
			notes: rng.pick(N.NOTES),
			internalNotes: null,
			agreement: t.agreement,
			ticket: ref('ticket', t),
			project: null,
			status: start < END - 60 * DAY ? 'Billed' : 'Open',
			addToDetailDescriptionFlag: false,
			emailResourceFlag: false,
			_info: info(start + hours * HOUR, clampEnd(start + hours * HOUR + rng.int(0, 72) * HOUR), String(member.identifier), String(member.identifier)),
		});
	}

	// Expense entries.
	rng = stream('expenses');
	const expenseTypes = store.all('expenseTypes');
	for (let i = 0; i < o.expenseEntries && tickets.length > 0; i++) {
		const t = rng.pick(tickets);
		const type = rng.pick(expenseTypes);
		const member = rng.pick(techs);
		const date = Date.parse(String((t._info as Row).dateEntered)) + rng.int(0, 72) * HOUR;
		const amount = type.name === 'Mileage' ? round2(rng.int(5, 120) * 0.67) : type.name === 'Hardware Purchase' ? rng.money(20, 900) : rng.money(5, 120);
		store.put('expenseEntries', {
			id: i + 1,
			expenseReport: { id: 1000 + Math.floor(i / 10), name: `Expenses ${isoSeconds(date).slice(0, 7)}` },
			company: t.company,
			chargeToId: t.id,
			chargeToType: 'ServiceTicket',
			type: ref('expenseType', type),
			member: ref('member', member),
			paymentMethod: { id: 1, name: 'Corporate Card' },
			classification: { id: 1, name: 'Reimbursable' },
			amount,
			billableOption: rng.chance(0.6) ? 'Billable' : 'DoNotBill',
			date: isoSeconds(date),
			notes: `${String(type.name)} for ticket #${t.id}`,
			currency: { id: 1, symbol: '$', isoCode: 'USD', name: 'US Dollars' },
			invoiceAmount: null,
			agreement: null,
			status: 'Open',
			_info: info(date, clampEnd(date + rng.int(0, 10) * DAY), String(member.identifier), String(member.identifier)),
		});
	}

	// Invoices.
	rng = stream('invoices');
	for (let i = 0; i < o.invoices; i++) {
		const c = rng.pick(clients);
		const type = rng.weighted([['Agreement', 50], ['Standard', 40], ['CreditMemo', 5], ['Miscellaneous', 5]] as const);
		const date = START + Math.floor(((i + rng.float()) * (END - START - 10 * DAY)) / Math.max(1, o.invoices));
		const subtotal = rng.money(150, 9000);
		const salesTax = round2(subtotal * 0.07);
		const total = round2((type === 'CreditMemo' ? -1 : 1) * (subtotal + salesTax));
		const paid = date < END - 45 * DAY && rng.chance(0.9);
		const agreements = agreementsOf.get(c.id) ?? [];
		store.put('invoices', {
			id: i + 1,
			invoiceNumber: String(10001 + i),
			type,
			status: paid ? { id: 4, name: 'Paid' } : rng.chance(0.5) ? { id: 2, name: 'Sent' } : { id: 1, name: 'New' },
			company: ref('company', c),
			billToCompany: ref('company', c),
			applyToType: type === 'Agreement' ? 'Agreement' : 'All',
			applyToId: null,
			date: isoSeconds(date),
			dueDate: isoSeconds(date + 30 * DAY),
			billingTerms: { id: 1, name: 'Net 30 Days' },
			reference: null,
			customerPO: null,
			subtotal: type === 'CreditMemo' ? -subtotal : subtotal,
			salesTax: type === 'CreditMemo' ? -salesTax : salesTax,
			total,
			balance: paid ? 0 : total,
			currency: { id: 1, symbol: '$', isoCode: 'USD', name: 'US Dollars' },
			agreement: type === 'Agreement' && agreements.length > 0 ? ref('agreement', rng.pick(agreements)) : null,
			project: null,
			_info: info(date, clampEnd(date + (paid ? rng.int(5, 40) : rng.int(0, 3)) * DAY), 'billing', 'billing'),
		});
	}

	// Product lines on tickets and agreements.
	rng = stream('products');
	for (let i = 0; i < o.products && sellable.length > 0 && tickets.length > 0; i++) {
		const item = rng.pick(sellable);
		const onTicket = rng.chance(0.8);
		const t = rng.pick(tickets);
		const quantity = rng.int(1, 5);
		const purchased = Date.parse(String((t._info as Row).dateEntered)) + rng.int(0, 10) * DAY;
		const agreements = agreementsOf.get((t.company as { id: number }).id) ?? [];
		const agreement = !onTicket && agreements.length > 0 ? rng.pick(agreements) : undefined;
		store.put('products', {
			id: i + 1,
			catalogItem: ref('catalogItem', item),
			description: item.description,
			sequenceNumber: 1,
			quantity,
			unitOfMeasure: { id: 1, name: 'Each' },
			price: item.price,
			cost: item.cost,
			extPrice: round2(quantity * Number(item.price)),
			extCost: round2(quantity * Number(item.cost)),
			billableOption: 'Billable',
			chargeToId: agreement ? agreement.id : t.id,
			chargeToType: agreement ? 'Agreement' : 'Ticket',
			ticket: agreement ? null : ref('ticket', t),
			project: null,
			agreement: agreement ? ref('agreement', agreement) : null,
			shipmentMethod: item.productClass === 'Inventory' ? rng.pick(['UPS Ground', 'FedEx 2Day', 'Will Call']) : null,
			trackingNumber: item.productClass === 'Inventory' && rng.chance(0.7) ? `1Z${rng.hex(16).toUpperCase()}` : null,
			purchaseDate: isoSeconds(purchased),
			cancelledFlag: false,
			_info: info(purchased, clampEnd(purchased + rng.int(0, 20) * DAY), rng.pick(techIds), rng.pick(techIds)),
		});
	}

	// Hrefs in `_info` (relative to the API root; made absolute when served).
	for (const def of RESOURCES) {
		if (!def.links) continue;
		for (const rec of store.all(def.collection)) rec._info = { ...rec._info, ...def.links(rec) };
	}
	return { signingKey: stream('signing').hex(40) };
}
