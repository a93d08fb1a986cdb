import { Prng } from '../core/prng';
import { COMPANY_INDUSTRIES, COMPANY_PREFIXES, COMPANY_SUFFIXES, FIRST_NAMES, LAST_NAMES, PLACES } from '../connectwise/names';
import { AT_OWNER_COMPANY_ID, AT_USER_NAME } from './constants';
import { QUEUES } from './entities';
import type { AtRecord, AtStore } from './store';

export interface AtSeedOptions {
	companies: number;
	contactsPerCompany: number;
	tickets: number;
	ticketNotes: number;
	projects: number;
	tasksPerProject: number;
	timeEntries: number;
	expenseReports: number;
	expenseItemsPerReport: number;
	contracts: number;
	billingItems: number;
	invoices: number;
	configurationItems: number;
	resources: number;
}

/** More than two full pages of tickets (500 each), so Return All must follow nextPageUrl twice. */
export const AT_SEED_DEFAULTS: AtSeedOptions = {
	companies: 45,
	contactsPerCompany: 3,
	tickets: 1275,
	ticketNotes: 600,
	projects: 18,
	tasksPerProject: 5,
	timeEntries: 700,
	expenseReports: 24,
	expenseItemsPerReport: 4,
	contracts: 40,
	billingItems: 320,
	invoices: 90,
	configurationItems: 220,
	resources: 12,
};

/** First id of each entity, as a real database's sequences would be far apart. */
export const FIRST_IDS: Record<string, number> = {
	Resources: 29682885,
	Companies: 29683500,
	Contacts: 30682000,
	Tickets: 7300,
	TicketNotes: 29740000,
	Projects: 29684100,
	Tasks: 29690000,
	TimeEntries: 29700000,
	ExpenseReports: 880,
	ExpenseItems: 14500,
	Contracts: 29684700,
	ContractServices: 29685200,
	BillingItems: 29711000,
	Invoices: 5100,
	ConfigurationItems: 29720000,
};

const START = Date.UTC(2024, 0, 1);
const END = Date.UTC(2025, 5, 30);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}Z`;
const day = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Fills the store deterministically: a managed-service provider, its clients, their tickets and billing. */
export function seedAutotask(store: AtStore, seed: number, options: AtSeedOptions): void {
	store.clear();
	const rng = Prng.from(seed, 'autotask');
	const at = () => START + Math.floor(rng.float() * (END - START));
	const add = (entity: string, fields: Record<string, unknown>): AtRecord =>
		store.insert(entity, { id: store.nextId(entity, FIRST_IDS[entity]), ...fields });

	const resources: AtRecord[] = [];
	resources.push(add('Resources', { firstName: 'n8n', lastName: 'Integration', email: AT_USER_NAME, userName: AT_USER_NAME, isActive: true, resourceType: 'API', title: 'API User' }));
	for (let i = 0; i < options.resources; i++) {
		const first = rng.pick(FIRST_NAMES);
		const last = rng.pick(LAST_NAMES);
		resources.push(
			add('Resources', {
				firstName: first,
				lastName: last,
				email: `${first}.${last}@harbortech-msp.example`.toLowerCase(),
				userName: `${first[0]}${last}`.toLowerCase(),
				isActive: i < options.resources - 1,
				resourceType: 'Employee',
				title: rng.pick(['Service Desk Technician', 'Network Engineer', 'Project Manager', 'vCIO', 'Field Technician']),
			}),
		);
	}
	const techs = resources.slice(1);

	store.insert('Companies', {
		id: AT_OWNER_COMPANY_ID,
		companyName: 'Harbor Tech MSP',
		companyNumber: '0',
		companyType: 8,
		isActive: true,
		phone: '813-555-0100',
		webAddress: 'https://harbortech-msp.example',
		address1: '100 Harbor Blvd',
		address2: '',
		city: 'Tampa',
		state: 'FL',
		postalCode: '33602',
		countryID: 237,
		taxID: '59-1234567',
		parentCompanyID: null,
		ownerResourceID: resources[1].id,
		createDate: iso(START - 400 * DAY),
		lastActivityDate: iso(END),
		lastTrackedModifiedDateTime: iso(END),
		userDefinedFields: [{ name: 'Segment', value: 'Internal' }],
	});
	const customers: AtRecord[] = [];
	for (let i = 0; i < options.companies; i++) {
		const [city, state, zip] = rng.pick(PLACES);
		const vendor = i >= options.companies - 3;
		const name = `${COMPANY_PREFIXES[i % COMPANY_PREFIXES.length]} ${rng.pick(COMPANY_INDUSTRIES)} ${rng.pick(COMPANY_SUFFIXES)}`;
		const created = at();
		const company = add('Companies', {
			companyName: vendor ? `${name} Supply` : name,
			companyNumber: `C${String(1001 + i)}`,
			companyType: vendor ? 7 : rng.weighted([[1, 8], [3, 1], [2, 1]] as const),
			isActive: rng.chance(0.93),
			phone: `${rng.int(200, 989)}-555-${String(rng.int(100, 9999)).padStart(4, '0')}`,
			webAddress: `https://${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
			address1: `${rng.int(10, 9999)} ${rng.pick(['Main St', 'Oak Ave', 'Commerce Dr', 'Bay St', 'Market St'])}`,
			address2: '',
			city,
			state,
			postalCode: zip,
			countryID: 237,
			taxID: `${rng.int(10, 99)}-${rng.int(1000000, 9999999)}`,
			parentCompanyID: null,
			ownerResourceID: rng.pick(techs).id,
			createDate: iso(created),
			lastActivityDate: iso(Math.min(END, created + rng.int(1, 200) * DAY)),
			lastTrackedModifiedDateTime: iso(Math.min(END, created + rng.int(1, 200) * DAY)),
			userDefinedFields: [{ name: 'Segment', value: rng.pick(['SMB', 'Mid-Market', 'Healthcare']) }],
		});
		if (!vendor) customers.push(company);
	}

	const contactsByCompany = new Map<number, AtRecord[]>();
	for (const company of customers) {
		const count = Math.max(1, options.contactsPerCompany + rng.int(-1, 1));
		const list: AtRecord[] = [];
		for (let i = 0; i < count; i++) {
			const first = rng.pick(FIRST_NAMES);
			const last = rng.pick(LAST_NAMES);
			const created = at();
			list.push(
				add('Contacts', {
					companyID: company.id,
					firstName: first,
					lastName: last,
					emailAddress: `${first}.${last}@${String(company.webAddress).replace('https://', '')}`.toLowerCase(),
					phone: String(company.phone),
					title: rng.pick(['Office Manager', 'Owner', 'Practice Administrator', 'Controller', 'IT Coordinator']),
					isActive: rng.chance(0.9) ? 1 : 0,
					primaryContact: i === 0,
					createDate: iso(created),
					lastActivityDate: iso(created + rng.int(0, 90) * DAY),
					lastModifiedDate: iso(created + rng.int(0, 90) * DAY),
				}),
			);
		}
		contactsByCompany.set(company.id, list);
	}

	const contracts: AtRecord[] = [];
	for (let i = 0; i < options.contracts; i++) {
		const company = customers[i % customers.length];
		const start = START + rng.int(0, 200) * DAY;
		const type = rng.weighted([[7, 5], [4, 2], [1, 2], [3, 1]] as const);
		contracts.push(
			add('Contracts', {
				contractName: `${String(company.companyName)} - ${type === 7 ? 'Managed Services' : type === 4 ? 'Block Hours' : type === 1 ? 'T&M' : 'Fixed Price'}`,
				contractNumber: `CT-${String(2400 + i)}`,
				companyID: company.id,
				contactID: contactsByCompany.get(company.id)?.[0]?.id ?? null,
				status: rng.chance(0.85) ? 1 : 0,
				contractType: type,
				contractCategory: type === 7 ? 1 : type === 3 ? 3 : 2,
				startDate: day(start),
				endDate: day(start + 365 * DAY),
				setupFee: type === 7 ? round2(rng.money(0, 1500)) : 0,
				purchaseOrderNumber: rng.chance(0.4) ? `PO-${rng.int(10000, 99999)}` : '',
				description: '',
				isDefaultContract: i < customers.length && type === 1,
				timeReportingRequiresStartAndStopTimes: 1,
			}),
		);
	}
	for (const contract of contracts) {
		for (let i = 0; i < (contract.contractType === 7 ? 2 : 1); i++) {
			const price = round2(rng.money(15, 180));
			add('ContractServices', {
				contractID: contract.id,
				serviceID: rng.pick([301, 302, 303, 304]),
				unitPrice: price,
				unitCost: round2(price * 0.45),
				adjustedPrice: price,
				invoiceDescription: rng.pick(['Managed workstation', 'Managed server', 'Backup and DR', 'Microsoft 365 seat']),
				internalDescription: '',
			});
		}
	}

	const cis: AtRecord[] = [];
	for (let i = 0; i < options.configurationItems; i++) {
		const company = rng.pick(customers);
		const type = rng.weighted([[1, 6], [2, 2], [3, 1], [4, 1], [5, 1]] as const);
		const installed = at();
		cis.push(
			add('ConfigurationItems', {
				companyID: company.id,
				referenceTitle: `${String(company.companyNumber)}-${['WS', 'SRV', 'NET', 'PRN', 'FW'][type - 1]}${String(i + 1).padStart(3, '0')}`,
				serialNumber: rng.hex(10).toUpperCase(),
				configurationItemType: type,
				productID: 400 + type,
				contactID: rng.chance(0.5) ? (contactsByCompany.get(company.id)?.[0]?.id ?? null) : null,
				isActive: rng.chance(0.95),
				installDate: day(installed),
				warrantyExpirationDate: day(installed + 3 * 365 * DAY),
				createDate: iso(installed),
				lastActivityDate: iso(Math.min(END, installed + 30 * DAY)),
			}),
		);
	}

	const titles = ['Printer offline', 'Cannot connect to VPN', 'Outlook keeps asking for password', 'New user setup', 'Backup job failed', 'Slow workstation', 'Firewall alert', 'Replace toner', 'Password reset', 'Server disk space low', 'Wi-Fi drops in conference room', 'Install line-of-business update'];
	const tickets: AtRecord[] = [];
	for (let i = 0; i < options.tickets; i++) {
		const company = rng.pick(customers);
		const created = START + Math.floor(((END - START) * i) / options.tickets) + rng.int(0, 3 * HOUR);
		const status = rng.weighted([[5, 7], [1, 1], [8, 1], [7, 1]] as const);
		const date = new Date(created).toISOString().slice(0, 10).replace(/-/g, '');
		tickets.push(
			add('Tickets', {
				ticketNumber: `T${date}.${String((i % 9999) + 1).padStart(4, '0')}`,
				title: rng.pick(titles),
				description: 'Reported by the client through the portal.',
				companyID: company.id,
				contactID: contactsByCompany.get(company.id)?.length ? rng.pick(contactsByCompany.get(company.id) as AtRecord[]).id : null,
				status,
				priority: rng.weighted([[2, 6], [3, 3], [1, 1], [4, 0.3]] as const),
				queueID: Number(rng.pick(QUEUES).value),
				assignedResourceID: rng.pick(techs).id,
				contractID: rng.chance(0.6) ? rng.pick(contracts.filter((c) => c.companyID === company.id).concat(contracts[0])).id : null,
				configurationItemID: rng.chance(0.3) ? rng.pick(cis).id : null,
				estimatedHours: rng.pick([0.5, 1, 2, 4]),
				dueDateTime: iso(created + 2 * DAY),
				createDate: iso(created),
				completedDate: status === 5 ? iso(created + rng.int(1, 72) * HOUR) : null,
				lastActivityDate: iso(created + rng.int(1, 96) * HOUR),
				lastTrackedModificationDateTime: iso(created + rng.int(1, 96) * HOUR),
				userDefinedFields: [{ name: 'Root Cause', value: rng.pick(['Hardware', 'Software', 'User', 'Network', '']) }],
			}),
		);
	}
	for (let i = 0; i < options.ticketNotes; i++) {
		const ticket = rng.pick(tickets);
		const created = Date.parse(String(ticket.createDate)) + rng.int(1, 48) * HOUR;
		add('TicketNotes', {
			ticketID: ticket.id,
			title: rng.pick(['Called client', 'Remote session', 'Escalated', 'Resolution']),
			description: 'Worked with the user; see time entry for details.',
			noteType: rng.pick([1, 2, 3]),
			publish: rng.pick([1, 2]),
			creatorResourceID: rng.pick(techs).id,
			createDateTime: iso(created),
			lastActivityDate: iso(created),
		});
	}

	const projects: AtRecord[] = [];
	const tasks: AtRecord[] = [];
	for (let i = 0; i < options.projects; i++) {
		const company = rng.pick(customers);
		const start = at();
		const status = rng.pick([1, 2, 2, 4, 5, 5]);
		const project = add('Projects', {
			projectName: `${rng.pick(['Server migration', 'Office move', 'Microsoft 365 rollout', 'Firewall replacement', 'Network refresh'])} - ${String(company.companyName)}`,
			projectNumber: `P${new Date(start).getUTCFullYear()}${String(i + 1).padStart(4, '0')}`,
			companyID: company.id,
			status,
			projectType: 4,
			startDateTime: iso(start),
			endDateTime: iso(start + rng.int(20, 120) * DAY),
			projectLeadResourceID: rng.pick(techs).id,
			contractID: null,
			estimatedTime: rng.int(20, 200),
			actualHours: 0,
			description: 'Scoped in the quarterly business review.',
			purchaseOrderNumber: rng.chance(0.5) ? `PO-${rng.int(10000, 99999)}` : '',
			createDateTime: iso(start - 7 * DAY),
			lastActivityDateTime: iso(start + 10 * DAY),
		});
		projects.push(project);
		for (let t = 0; t < options.tasksPerProject; t++) {
			tasks.push(
				add('Tasks', {
					projectID: project.id,
					title: rng.pick(['Discovery', 'Order hardware', 'Configure', 'Cut-over', 'Documentation', 'User training']),
					taskNumber: `T${String(project.projectNumber).slice(1)}.${t + 1}`,
					description: '',
					status: status === 5 ? 5 : rng.pick([1, 8, 5]),
					taskType: 1,
					assignedResourceID: rng.pick(techs).id,
					estimatedHours: rng.int(2, 16),
					startDateTime: iso(start + t * 3 * DAY),
					endDateTime: iso(start + (t + 1) * 3 * DAY),
					lastActivityDateTime: iso(start + t * 3 * DAY),
				}),
			);
		}
	}

	for (let i = 0; i < options.timeEntries; i++) {
		const onTask = rng.chance(0.25);
		const ticket = rng.pick(tickets);
		const task = rng.pick(tasks);
		const startMs = (onTask ? Date.parse(String(task.startDateTime)) : Date.parse(String(ticket.createDate))) + rng.int(1, 30) * HOUR;
		const hours = rng.pick([0.25, 0.5, 0.75, 1, 1.5, 2, 3]);
		const nonBillable = rng.chance(0.15);
		add('TimeEntries', {
			resourceID: rng.pick(techs).id,
			ticketID: onTask ? null : ticket.id,
			taskID: onTask ? task.id : null,
			dateWorked: day(startMs),
			startDateTime: iso(startMs),
			endDateTime: iso(startMs + hours * HOUR),
			hoursWorked: hours,
			hoursToBill: nonBillable ? 0 : hours,
			isNonBillable: nonBillable,
			summaryNotes: rng.pick(['Remote session with user', 'Replaced failing drive', 'Updated firmware', 'Documented change', 'Onsite visit']),
			internalNotes: '',
			contractID: onTask ? null : (ticket.contractID ?? null),
			billingCodeID: rng.pick([29682801, 29682802, 29682803]),
			roleID: rng.pick([29683461, 29683462]),
			billingApprovalDateTime: rng.chance(0.6) ? iso(startMs + 5 * DAY) : null,
			createDateTime: iso(startMs + hours * HOUR),
			lastModifiedDateTime: iso(startMs + hours * HOUR + rng.int(0, 48) * HOUR),
		});
	}

	for (let i = 0; i < options.expenseReports; i++) {
		const submitter = rng.pick(techs);
		const weekEnding = START + rng.int(1, 75) * 7 * DAY;
		let total = 0;
		const report = add('ExpenseReports', {
			name: `Week ending ${new Date(weekEnding).toISOString().slice(0, 10)} - ${String(submitter.lastName)}`,
			submitterID: submitter.id,
			status: rng.pick([1, 2, 3, 3, 5]),
			weekEnding: day(weekEnding),
			expenseTotal: 0,
			submitDate: iso(weekEnding + DAY),
			approverID: resources[1].id,
		});
		for (let j = 0; j < options.expenseItemsPerReport; j++) {
			const category = rng.pick([1, 2, 3, 4, 5]);
			const amount = round2(rng.money(8, 260));
			total = round2(total + amount);
			add('ExpenseItems', {
				expenseReportID: report.id,
				description: ['Mileage to client site', 'Lunch with client', 'Hotel', 'Parking', 'Cables and adapters'][category - 1],
				expenseDate: day(weekEnding - rng.int(0, 6) * DAY),
				expenseCategory: category,
				expenseCurrencyExpenseAmount: amount,
				receiptAmount: amount,
				isBillableToCompany: rng.chance(0.6),
				isReimbursable: true,
				haveReceipt: category !== 1,
				companyID: rng.pick(customers).id,
				projectID: rng.chance(0.3) ? rng.pick(projects).id : null,
				taskID: null,
				ticketID: rng.chance(0.3) ? rng.pick(tickets).id : null,
				paymentType: rng.pick([1, 2, 3]),
			});
		}
		report.expenseTotal = total;
	}

	const invoices: AtRecord[] = [];
	for (let i = 0; i < options.invoices; i++) {
		const company = rng.pick(customers);
		const date = START + rng.int(0, 540) * DAY;
		invoices.push(
			add('Invoices', {
				invoiceNumber: `INV-${String(10450 + i)}`,
				companyID: company.id,
				invoiceDateTime: iso(date),
				dueDate: day(date + 30 * DAY),
				invoiceTotal: 0,
				totalTaxValue: 0,
				paidDate: rng.chance(0.7) ? iso(date + rng.int(5, 40) * DAY) : null,
				isVoided: rng.chance(0.03),
				comments: '',
				orderNumber: rng.chance(0.3) ? `PO-${rng.int(10000, 99999)}` : '',
				paymentTerm: 2,
				createDateTime: iso(date),
			}),
		);
	}
	for (let i = 0; i < options.billingItems; i++) {
		const invoice = rng.chance(0.8) ? rng.pick(invoices) : undefined;
		const type = rng.weighted([[1, 5], [4, 3], [3, 1], [2, 1]] as const);
		const quantity = type === 1 ? rng.pick([0.5, 1, 1.5, 2, 3]) : rng.int(1, 10);
		const rate = type === 1 ? rng.pick([125, 150, 175]) : round2(rng.money(10, 300));
		const extended = round2(quantity * rate);
		const tax = type === 3 ? round2(extended * 0.07) : 0;
		const date = invoice ? Date.parse(String(invoice.invoiceDateTime)) - rng.int(1, 25) * DAY : at();
		add('BillingItems', {
			companyID: invoice ? invoice.companyID : rng.pick(customers).id,
			invoiceID: invoice ? invoice.id : null,
			itemName: ['Labor', 'Expense', 'Product', 'Managed services'][type === 4 ? 3 : type - 1],
			description: type === 1 ? 'Remote support' : type === 4 ? 'Monthly managed services' : 'Hardware',
			itemDate: iso(date),
			billingItemType: type,
			quantity,
			rate,
			extendedPrice: extended,
			ourCost: round2(extended * 0.4),
			taxDollars: tax,
			totalAmount: round2(extended + tax),
			ticketID: type === 1 ? rng.pick(tickets).id : null,
			projectID: null,
			contractID: type === 4 ? rng.pick(contracts).id : null,
			postedDate: iso(date + DAY),
			lastModifiedDateTime: iso(date + DAY),
		});
		if (invoice) {
			invoice.invoiceTotal = round2(Number(invoice.invoiceTotal) + extended + tax);
			invoice.totalTaxValue = round2(Number(invoice.totalTaxValue) + tax);
		}
	}
}
