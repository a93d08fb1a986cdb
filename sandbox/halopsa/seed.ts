import { Prng } from '../core/prng';
import { HALO_PROJECT_TICKET_TYPE } from './constants';
import type { HaloRecord } from './entities';
import type { HaloStore } from './store';

export interface HaloSeedOptions {
	clients: number;
	tickets: number;
	projects: number;
}

export const HALO_SEED_DEFAULTS: HaloSeedOptions = { clients: 40, tickets: 1200, projects: 30 };

const PREFIXES = ['Harbor', 'Summit', 'Bluewater', 'Cedar', 'Pinnacle', 'Riverside', 'Northgate', 'Lakeshore', 'Granite', 'Evergreen', 'Maple', 'Ironwood', 'Keystone', 'Clearview', 'Aspen'];
const INDUSTRIES = ['Dental', 'Legal', 'Logistics', 'Accounting', 'Construction', 'Veterinary', 'Insurance', 'Engineering', 'Architects', 'Realty'];
const SUFFIXES = ['Group', 'Partners', 'LLC', 'Inc', 'Associates', 'Clinic'];
const FIRST = ['Alex', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Maria', 'James', 'Linda', 'Priya', 'Wei', 'Ahmed', 'Sofia', 'Kenji', 'Olga', 'Lucas'];
const LAST = ['Smith', 'Johnson', 'Garcia', 'Miller', 'Davis', 'Martinez', 'Lee', 'Patel', 'Nguyen', 'Kim', 'Chen', 'Novak', 'Rossi', 'Silva'];
const PROBLEMS = ['Printer offline', 'Cannot connect to VPN', 'Outlook keeps asking for password', 'New starter laptop', 'Slow file share', 'Phone system drops calls', 'Backup job failed', 'Firewall alert', 'Password reset', 'Wi-Fi dead zone in office'];
const PROJECTS = ['Microsoft 365 migration', 'Server refresh', 'Network upgrade', 'Office move', 'Backup redesign', 'Security hardening'];
const ITEMS: Array<[string, string, number, number]> = [
	['Managed Workstation', 'MW-01', 45, 0],
	['Managed Server', 'MS-01', 150, 0],
	['Microsoft 365 Business Premium', 'M365-BP', 22, 18.7],
	['Dell Latitude 5440', 'DL-5440', 1149, 962.5],
	['Ubiquiti Access Point U6', 'UBQ-U6', 179, 129],
	['Backup Storage 1 TB', 'BK-1TB', 35, 12.25],
];

const STATUSES = [
	{ id: 1, name: 'New', type: 'open' },
	{ id: 2, name: 'In Progress', type: 'open' },
	{ id: 3, name: 'Waiting on Client', type: 'open' },
	{ id: 9, name: 'Closed', type: 'closed' },
];
const TICKET_TYPES = [
	{ id: 1, name: 'Incident' },
	{ id: 2, name: 'Service Request' },
	{ id: HALO_PROJECT_TICKET_TYPE, name: 'Project' },
];
const AGENTS = [
	{ id: 1, name: 'API Application', email: 'api@sandbox-msp.example' },
	{ id: 2, name: 'Dana Reyes', email: 'dana.reyes@sandbox-msp.example' },
	{ id: 3, name: 'Sam Okafor', email: 'sam.okafor@sandbox-msp.example' },
	{ id: 4, name: 'Lee Chen', email: 'lee.chen@sandbox-msp.example' },
];

/** A fixed base date so the same seed gives the same data on every run. */
const BASE = Date.UTC(2026, 0, 5, 9, 0, 0);
const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '');
const money = (n: number) => Math.round(n * 100) / 100;

/** The MSP's Halo: clients with sites and users, tickets and time, projects, contracts, invoices, items, assets. */
export function seedHalo(store: HaloStore, seed: number, options: HaloSeedOptions): void {
	store.clear();
	const rng = Prng.from(seed, 'halopsa');
	for (const s of STATUSES) store.put('statuses', { ...s });
	for (const t of TICKET_TYPES) store.put('tickettypes', { ...t });
	for (const a of AGENTS) store.put('agents', { ...a });

	const items = ITEMS.map(([name, ref, price, cost]) => {
		const id = store.nextId('items');
		return store.put('items', { id, name, internal_reference: ref, baseprice: price, costprice: cost, taxcode: 1, inactive: false });
	});

	const clients: HaloRecord[] = [];
	const sitesByClient = new Map<number, HaloRecord[]>();
	const usersByClient = new Map<number, HaloRecord[]>();
	for (let i = 0; i < options.clients; i++) {
		const id = store.nextId('clients');
		const name = `${PREFIXES[i % PREFIXES.length]} ${rng.pick(INDUSTRIES)} ${rng.pick(SUFFIXES)}`;
		const client = store.put('clients', {
			id,
			name,
			toplevel_id: 1,
			toplevel_name: 'Managed Clients',
			inactive: i % 13 === 12,
			accountsemailaddress: `accounts@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
			phonenumber: `+1 555 01${String(id).padStart(2, '0')}`,
			website: `https://${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
			datecreated: iso(BASE - (400 - i) * day),
		});
		clients.push(client);
		const sites: HaloRecord[] = [];
		for (let s = 0; s < 1 + (i % 3 === 0 ? 1 : 0); s++) {
			const siteId = store.nextId('sites');
			sites.push(
				store.put('sites', {
					id: siteId,
					name: s === 0 ? 'Head Office' : 'Branch Office',
					client_id: id,
					client_name: name,
					inactive: false,
					delivery_address: { line1: `${100 + siteId} Main Street`, line2: 'Suite 2', line3: 'Tampa, FL', postcode: '33602' },
				}),
			);
		}
		sitesByClient.set(id, sites);
		const users: HaloRecord[] = [];
		for (let u = 0; u < 3; u++) {
			const userId = store.nextId('users');
			const first = rng.pick(FIRST);
			const last = rng.pick(LAST);
			const site = sites[u % sites.length];
			users.push(
				store.put('users', {
					id: userId,
					name: `${first} ${last}`,
					firstname: first,
					surname: last,
					emailaddress: `${first}.${last}${userId}@client${id}.example`.toLowerCase(),
					site_id: site.id,
					site_name: site.name,
					client_id: id,
					client_name: name,
					inactive: false,
				}),
			);
		}
		usersByClient.set(id, users);

		const contractId = store.nextId('contracts');
		const start = BASE - (200 + i) * day;
		store.put('contracts', {
			id: contractId,
			ref: `MSA-${String(id).padStart(4, '0')}`,
			client_id: id,
			client_name: name,
			site_id: sites[0].id,
			start_date: iso(start),
			end_date: iso(start + 365 * day),
			billing_description: 'Managed services agreement',
			periodchargeamount: money(450 + 25 * (i % 12)),
			billingperiod: 'monthly',
			active: i % 13 !== 12,
		});
	}

	const openClients = clients.filter((c) => c.inactive !== true);
	const agentIds = AGENTS.slice(1).map((a) => a.id);
	for (let t = 0; t < options.tickets; t++) {
		const id = store.nextId('tickets');
		const client = openClients[t % openClients.length];
		const user = rng.pick(usersByClient.get(client.id as number) ?? []);
		const opened = BASE + Math.floor(t / 8) * day + rng.int(0, 8) * 3_600_000;
		store.put('tickets', {
			id,
			summary: `${rng.pick(PROBLEMS)} (#${id})`,
			details: `Reported by ${String(user.name)}.`,
			client_id: client.id,
			client_name: client.name,
			site_id: user.site_id,
			site_name: user.site_name,
			user_id: user.id,
			user_name: user.name,
			status_id: rng.pick([1, 2, 3, 9, 9]),
			tickettype_id: rng.chance(0.7) ? 1 : 2,
			priority_id: rng.int(1, 4),
			agent_id: rng.pick(agentIds),
			dateoccurred: iso(opened),
			deadlinedate: iso(opened + 2 * day),
			estimate: 1,
		});
		if (t < 300) {
			const hours = rng.pick([0.25, 0.5, 0.75, 1, 1.5, 2]);
			const agent = rng.pick(AGENTS.slice(1));
			const actionId = store.nextId('actions');
			store.put('actions', {
				id: actionId,
				ticket_id: id,
				outcome: 'Remote Support',
				note: 'Worked with the user and resolved the issue.',
				agent_id: agent.id,
				who: agent.name,
				actiondatecreated: iso(opened + 3_600_000),
				actionarrivaldate: iso(opened + 3_600_000),
				actioncompletiondate: iso(opened + 3_600_000 + hours * 3_600_000),
				timetaken: hours,
				actionchargehours: rng.chance(0.8) ? hours : 0,
				actionnonchargehours: 0,
				chargerate: 1,
				nonbill: false,
			});
		}
	}
	store.reserve('tickets', options.tickets);

	for (let p = 0; p < options.projects; p++) {
		const id = store.nextId('tickets');
		const client = openClients[(p * 7) % openClients.length];
		const start = BASE + p * 5 * day;
		store.put('projects', {
			id,
			summary: `${PROJECTS[p % PROJECTS.length]} for ${String(client.name)}`,
			details: 'Scoped in the quarterly business review.',
			client_id: client.id,
			client_name: client.name,
			site_id: sitesByClient.get(client.id as number)?.[0]?.id,
			status_id: p % 4 === 3 ? 9 : 2,
			tickettype_id: HALO_PROJECT_TICKET_TYPE,
			agent_id: agentIds[p % agentIds.length],
			startdate: iso(start),
			targetdate: iso(start + 45 * day),
			estimate: 40 + (p % 5) * 8,
			budget: money(6000 + (p % 5) * 1500),
		});
	}

	for (let e = 0; e < 80; e++) {
		const ticket = store.get('tickets', 1 + e * 7) as HaloRecord;
		store.put('expenses', {
			id: store.nextId('expenses'),
			ticket_id: ticket.id,
			client_id: ticket.client_id,
			agent_id: ticket.agent_id,
			date: ticket.dateoccurred,
			amount: money(12.5 + (e % 9) * 7.35),
			note: e % 2 === 0 ? 'Mileage to client site' : 'Replacement cable',
			billable: e % 3 !== 0,
		});
	}

	for (let v = 0; v < 120; v++) {
		const client = clients[v % clients.length];
		const lineCount = 1 + (v % 3);
		const lines = Array.from({ length: lineCount }, (_, l) => {
			const item = items[(v + l) % items.length];
			const qty = 1 + ((v + l) % 5);
			const net = money((item.baseprice as number) * qty);
			return {
				id: v * 10 + l + 1,
				item_id: item.id,
				item_code: item.internal_reference,
				description: item.name,
				qty_order: qty,
				unit_price: item.baseprice,
				net_amount: net,
				tax_amount: money(net * 0.2),
			};
		});
		const total = money(lines.reduce((sum, l) => sum + l.net_amount + l.tax_amount, 0));
		const invoiced = BASE + v * 3 * day;
		store.put('invoices', {
			id: store.nextId('invoices'),
			invoicenumber: `INV-${String(5000 + v)}`,
			client_id: client.id,
			client_name: client.name,
			site_id: sitesByClient.get(client.id as number)?.[0]?.id,
			invoice_date: iso(invoiced),
			due_date: iso(invoiced + 30 * day),
			currency_code: 'USD',
			lines,
			total,
			amountdue: v % 4 === 0 ? 0 : total,
			posted: v % 5 !== 4,
		});
	}

	for (let a = 0; a < 200; a++) {
		const client = clients[a % clients.length];
		store.put('assets', {
			id: store.nextId('assets'),
			inventory_number: `AST-${String(a + 1).padStart(5, '0')}`,
			key_field: a % 2 === 0 ? `WS-${a + 1}` : `SRV-${a + 1}`,
			client_id: client.id,
			client_name: client.name,
			site_id: sitesByClient.get(client.id as number)?.[0]?.id,
			assettype_id: a % 2 === 0 ? 1 : 2,
			assettype_name: a % 2 === 0 ? 'Workstation' : 'Server',
			inactive: a % 50 === 49,
		});
	}
}
