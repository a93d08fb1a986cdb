import { CW_CALLBACK_TYPES } from './constants';
import type { CwValidationError } from './errors';
import { REF_KINDS, toRef } from './refs';
import type { CwRecord, CwStore } from './store';

export interface WriteContext {
	store: CwStore;
	/** Server time of the write, second precision as ConnectWise shows it. */
	now: string;
	member: CwRecord;
	/** Fields the client set in this write (top-level names). */
	explicit: Set<string>;
	action: 'create' | 'update';
	errors: CwValidationError[];
}

export interface ResourceDef {
	/** Path below `/apis/3.0/`; `:parentId` marks a nested resource. */
	path: string;
	collection: string;
	/** Name used in error bodies (`resource`) and messages. */
	resource: string;
	callbackType?: string;
	parent?: { collection: string; resource: string; field: string; attach(record: Record<string, unknown>, parent: CwRecord): void };
	/** Setup tables the sandbox only serves for reading. */
	readOnlyApi?: boolean;
	/** Every writable field with its default; also the field list conditions are checked against. */
	template(store: CwStore): Record<string, unknown>;
	/** Reference fields and their kind, resolved in this order (a status after its board). */
	refs: Record<string, string>;
	required: string[];
	/** Fields the server computes; ignored when written. */
	computed?: string[];
	prepare?(record: Record<string, unknown>, ctx: WriteContext): void;
	links?(record: CwRecord): Record<string, string>;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const refId = (v: unknown): number | undefined => (v && typeof v === 'object' ? num((v as { id?: unknown }).id) : undefined);

function fail(ctx: WriteContext, resource: string, field: string, message: string, code = 'InvalidField'): void {
	ctx.errors.push({ code, message, resource, field });
}

function defaultOf(store: CwStore, collection: string, kind: string, filter: (r: CwRecord) => boolean = () => true) {
	const rec = store.all(collection).find((r) => r.defaultFlag === true && filter(r)) ?? store.all(collection).find(filter);
	return rec ? toRef(REF_KINDS[kind], rec) : null;
}

const ticketDef: ResourceDef = {
	path: 'service/tickets',
	collection: 'tickets',
	resource: 'ticket',
	callbackType: 'ticket',
	refs: { company: 'company', contact: 'contact', board: 'board', status: 'ticketStatus', priority: 'priority', owner: 'member', agreement: 'agreement' },
	required: ['summary', 'company', 'board', 'status'],
	computed: ['closedFlag', 'closedDate', 'closedBy', 'actualHours', 'recordType'],
	template: (store) => ({
		summary: null,
		recordType: 'ServiceTicket',
		board: defaultOf(store, 'boards', 'board', (b) => b.projectFlag !== true),
		status: null,
		company: null,
		contact: null,
		contactName: null,
		contactPhoneNumber: null,
		contactEmailAddress: null,
		type: null,
		priority: defaultOf(store, 'priorities', 'priority'),
		severity: 'Medium',
		impact: 'Medium',
		owner: null,
		source: { id: 2, name: 'Email' },
		initialDescription: null,
		requiredDate: null,
		budgetHours: null,
		actualHours: 0,
		closedDate: null,
		closedBy: null,
		closedFlag: false,
		approved: true,
		customerUpdatedFlag: false,
		automaticEmailContactFlag: false,
		billTime: 'Billable',
		agreement: null,
		customFields: [],
	}),
	prepare(rec, ctx) {
		const boardId = refId(rec.board);
		const statusRec = refId(rec.status) !== undefined ? ctx.store.get('statuses', refId(rec.status) as number) : undefined;
		if (boardId !== undefined && (!statusRec || refId(statusRec.board) !== boardId) && !ctx.explicit.has('status')) {
			// A new ticket, or one moved to another board, starts in that board's default status.
			rec.status = defaultOf(ctx.store, 'statuses', 'ticketStatus', (s) => refId(s.board) === boardId);
		}
		const status = refId(rec.status) !== undefined ? ctx.store.get('statuses', refId(rec.status) as number) : undefined;
		if (status?.closedStatus === true && rec.closedFlag !== true) {
			rec.closedFlag = true;
			rec.closedDate = ctx.now;
			rec.closedBy = ctx.member.identifier;
		} else if (status && status.closedStatus !== true && rec.closedFlag === true) {
			rec.closedFlag = false;
			rec.closedDate = null;
			rec.closedBy = null;
		}
		const contact = refId(rec.contact) !== undefined ? ctx.store.get('contacts', refId(rec.contact) as number) : undefined;
		if (contact && ctx.explicit.has('contact')) {
			const items = (contact.communicationItems as Array<Record<string, unknown>>) ?? [];
			rec.contactName = `${contact.firstName} ${contact.lastName}`;
			rec.contactEmailAddress = items.find((i) => i.communicationType === 'Email')?.value ?? null;
			rec.contactPhoneNumber = items.find((i) => i.communicationType === 'Phone')?.value ?? null;
		}
		if (typeof rec.summary === 'string' && rec.summary.length > 100) {
			fail(ctx, 'ticket', 'summary', 'summary may not be longer than 100 characters');
		}
	},
	links: (r) => ({
		notes_href: `/service/tickets/${r.id}/notes`,
		timeentries_href: `/time/entries?conditions=(chargeToType="ServiceTicket" OR chargeToType="ProjectTicket") AND chargeToId=${r.id}`,
		products_href: `/procurement/products?conditions=chargeToType="Ticket" AND chargeToId=${r.id}`,
	}),
};

const companyDef: ResourceDef = {
	path: 'company/companies',
	collection: 'companies',
	resource: 'company',
	callbackType: 'company',
	refs: { defaultContact: 'contact' },
	required: ['identifier', 'name'],
	template: () => ({
		identifier: null,
		name: null,
		status: { id: 1, name: 'Active' },
		types: [{ id: 1, name: 'Client' }],
		addressLine1: null,
		addressLine2: null,
		city: null,
		state: null,
		zip: null,
		country: { id: 1, name: 'United States' },
		phoneNumber: null,
		faxNumber: null,
		website: null,
		territory: null,
		market: null,
		accountNumber: null,
		defaultContact: null,
		dateAcquired: null,
		annualRevenue: null,
		numberOfEmployees: null,
		leadFlag: false,
		unsubscribeFlag: false,
		billingTerms: { id: 1, name: 'Net 30 Days' },
		deletedFlag: false,
		customFields: [],
	}),
	prepare(rec, ctx) {
		if (typeof rec.identifier === 'string') {
			if (rec.identifier.length > 25) fail(ctx, 'company', 'identifier', 'identifier may not be longer than 25 characters');
			const clash = ctx.store
				.all('companies')
				.find((c) => c.id !== rec.id && String(c.identifier).toLowerCase() === String(rec.identifier).toLowerCase());
			if (clash) fail(ctx, 'company', 'identifier', `identifier "${rec.identifier}" is already in use`, 'DuplicateValue');
		}
	},
	links: (r) => ({
		contacts_href: `/company/contacts?conditions=company/id=${r.id}`,
		agreements_href: `/finance/agreements?conditions=company/id=${r.id}`,
		tickets_href: `/service/tickets?conditions=company/id=${r.id}`,
		sites_href: `/company/companies/${r.id}/sites`,
	}),
};

const contactDef: ResourceDef = {
	path: 'company/contacts',
	collection: 'contacts',
	resource: 'contact',
	callbackType: 'contact',
	refs: { company: 'company' },
	required: ['firstName'],
	template: () => ({
		firstName: null,
		lastName: null,
		company: null,
		site: null,
		title: null,
		department: null,
		inactiveFlag: false,
		defaultPhoneType: null,
		defaultPhoneNbr: null,
		communicationItems: [],
		types: [],
		customFields: [],
	}),
};

const boardDef: ResourceDef = {
	path: 'service/boards',
	collection: 'boards',
	resource: 'board',
	refs: {},
	required: ['name'],
	template: () => ({
		name: null,
		location: { id: 1, name: 'Main Office' },
		department: { id: 1, name: 'Services' },
		inactiveFlag: false,
		projectFlag: false,
		signOffTemplate: null,
	}),
	links: (r) => ({ statuses_href: `/service/boards/${r.id}/statuses` }),
};

const statusDef: ResourceDef = {
	path: 'service/boards/:parentId/statuses',
	collection: 'statuses',
	resource: 'boardStatus',
	parent: {
		collection: 'boards',
		resource: 'board',
		field: 'board',
		attach: (rec, board) => {
			rec.board = toRef(REF_KINDS.board, board);
		},
	},
	refs: {},
	required: ['name'],
	computed: ['board'],
	template: () => ({
		name: null,
		board: null,
		sortOrder: 0,
		displayOnBoard: true,
		inactive: false,
		closedStatus: false,
		defaultFlag: false,
		timeEntryNotAllowed: false,
		escalationStatus: 'NotResponded',
	}),
};

const setupTable = (path: string, collection: string, resource: string, fields: Record<string, unknown>): ResourceDef => ({
	path,
	collection,
	resource,
	readOnlyApi: true,
	refs: {},
	required: ['name'],
	template: () => ({ name: null, ...fields }),
});

const projectDef: ResourceDef = {
	path: 'project/projects',
	collection: 'projects',
	resource: 'project',
	callbackType: 'project',
	refs: { company: 'company', contact: 'contact', board: 'board', manager: 'member', agreement: 'agreement' },
	required: ['name', 'company', 'board', 'estimatedStart', 'estimatedEnd'],
	computed: ['actualHours'],
	template: () => ({
		name: null,
		company: null,
		contact: null,
		board: null,
		status: { id: 1, name: 'Open' },
		manager: null,
		estimatedStart: null,
		estimatedEnd: null,
		actualStart: null,
		actualEnd: null,
		budgetHours: null,
		actualHours: 0,
		billingMethod: 'ActualRates',
		estimatedTimeRevenue: null,
		description: null,
		closedFlag: false,
		percentComplete: 0,
		type: null,
		agreement: null,
		customFields: [],
	}),
	prepare(rec, ctx) {
		if (typeof rec.estimatedStart === 'string' && typeof rec.estimatedEnd === 'string') {
			if (Date.parse(rec.estimatedEnd) < Date.parse(rec.estimatedStart)) {
				fail(ctx, 'project', 'estimatedEnd', 'estimatedEnd must be on or after estimatedStart');
			}
		}
	},
};

const timeEntryDef: ResourceDef = {
	path: 'time/entries',
	collection: 'timeEntries',
	resource: 'timeEntry',
	callbackType: 'time',
	refs: { company: 'company', member: 'member', workType: 'workType', agreement: 'agreement' },
	required: ['timeStart', 'member'],
	computed: ['ticket', 'project', 'status'],
	template: (store) => ({
		company: null,
		chargeToId: null,
		chargeToType: 'ServiceTicket',
		member: null,
		workType: defaultOf(store, 'workTypes', 'workType'),
		timeStart: null,
		timeEnd: null,
		actualHours: null,
		billableOption: 'Billable',
		notes: null,
		internalNotes: null,
		agreement: null,
		ticket: null,
		project: null,
		status: 'Open',
		addToDetailDescriptionFlag: false,
		emailResourceFlag: false,
	}),
	prepare(rec, ctx) {
		if (!ctx.explicit.has('member') && rec.member === null) rec.member = toRef(REF_KINDS.member, ctx.member);
		const type = rec.chargeToType;
		if ((type === 'ServiceTicket' || type === 'ProjectTicket') && rec.chargeToId !== null && rec.chargeToId !== undefined) {
			const ticket = ctx.store.get('tickets', Number(rec.chargeToId));
			if (!ticket) fail(ctx, 'timeEntry', 'chargeToId', `ticket ${String(rec.chargeToId)} was not found`);
			else {
				rec.ticket = toRef(REF_KINDS.ticket, ticket);
				if (rec.company === null) rec.company = ticket.company;
			}
		}
		const start = typeof rec.timeStart === 'string' ? Date.parse(rec.timeStart) : NaN;
		const end = typeof rec.timeEnd === 'string' ? Date.parse(rec.timeEnd) : NaN;
		if (!Number.isNaN(start) && !Number.isNaN(end)) {
			if (end <= start) fail(ctx, 'timeEntry', 'timeEnd', 'timeEnd must be after timeStart');
			else if (!ctx.explicit.has('actualHours')) rec.actualHours = round2((end - start) / 3_600_000);
		}
	},
};

const expenseDef: ResourceDef = {
	path: 'expense/entries',
	collection: 'expenseEntries',
	resource: 'expenseEntry',
	callbackType: 'expense',
	refs: { company: 'company', member: 'member', type: 'expenseType', agreement: 'agreement' },
	required: ['type', 'amount', 'date', 'member'],
	template: () => ({
		expenseReport: null,
		company: null,
		chargeToId: null,
		chargeToType: null,
		type: null,
		member: null,
		paymentMethod: { id: 1, name: 'Corporate Card' },
		classification: { id: 1, name: 'Reimbursable' },
		amount: null,
		billableOption: 'Billable',
		date: null,
		notes: null,
		currency: { id: 1, symbol: '$', isoCode: 'USD', name: 'US Dollars' },
		invoiceAmount: null,
		agreement: null,
		status: 'Open',
	}),
	prepare(rec, ctx) {
		if (!ctx.explicit.has('member') && rec.member === null) rec.member = toRef(REF_KINDS.member, ctx.member);
		if (rec.amount !== null && num(rec.amount) === undefined) fail(ctx, 'expenseEntry', 'amount', 'amount must be a number');
	},
};

const agreementDef: ResourceDef = {
	path: 'finance/agreements',
	collection: 'agreements',
	resource: 'agreement',
	callbackType: 'agreement',
	refs: { type: 'agreementType', company: 'company', contact: 'contact' },
	required: ['name', 'type', 'company'],
	template: () => ({
		name: null,
		type: null,
		company: null,
		contact: null,
		agreementStatus: 'Active',
		startDate: null,
		endDate: null,
		noEndingDateFlag: false,
		cancelledFlag: false,
		billAmount: 0,
		billingCycle: { id: 1, name: 'Monthly' },
		applicationUnits: 'Amount',
		applicationLimit: 0,
		billOneTimeFlag: false,
		taxable: true,
		customerPO: null,
		internalNotes: null,
		customFields: [],
	}),
	links: (r) => ({ additions_href: `/finance/agreements/${r.id}/additions` }),
};

const additionDef: ResourceDef = {
	path: 'finance/agreements/:parentId/additions',
	collection: 'additions',
	resource: 'addition',
	parent: {
		collection: 'agreements',
		resource: 'agreement',
		field: 'agreementId',
		attach: (rec, agreement) => {
			rec.agreementId = agreement.id;
		},
	},
	refs: { product: 'catalogItem' },
	required: ['product'],
	computed: ['agreementId', 'extPrice', 'extCost'],
	template: () => ({
		product: null,
		agreementId: null,
		quantity: 1,
		lessIncluded: 0,
		unitPrice: null,
		unitCost: null,
		billCustomer: 'Billable',
		effectiveDate: null,
		cancelledDate: null,
		taxableFlag: true,
		description: null,
		invoiceDescription: null,
		extPrice: 0,
		extCost: 0,
		agreementStatus: 'Active',
	}),
	prepare(rec, ctx) {
		const item = refId(rec.product) !== undefined ? ctx.store.get('catalog', refId(rec.product) as number) : undefined;
		if (item) {
			if (rec.unitPrice === null) rec.unitPrice = item.price;
			if (rec.unitCost === null) rec.unitCost = item.cost;
			if (rec.description === null) rec.description = item.description;
		}
		const qty = num(rec.quantity) ?? 0;
		rec.extPrice = round2(qty * (num(rec.unitPrice) ?? 0));
		rec.extCost = round2(qty * (num(rec.unitCost) ?? 0));
		if (rec.effectiveDate === null) rec.effectiveDate = ctx.now;
	},
};

const invoiceDef: ResourceDef = {
	path: 'finance/invoices',
	collection: 'invoices',
	resource: 'invoice',
	callbackType: 'invoice',
	refs: { company: 'company', billToCompany: 'company', agreement: 'agreement', project: 'project' },
	required: ['type', 'company'],
	computed: ['total', 'balance'],
	template: () => ({
		invoiceNumber: null,
		type: 'Standard',
		status: { id: 1, name: 'New' },
		company: null,
		billToCompany: null,
		applyToType: 'All',
		applyToId: null,
		date: null,
		dueDate: null,
		billingTerms: { id: 1, name: 'Net 30 Days' },
		reference: null,
		customerPO: null,
		subtotal: 0,
		salesTax: 0,
		total: 0,
		balance: 0,
		currency: { id: 1, symbol: '$', isoCode: 'USD', name: 'US Dollars' },
		agreement: null,
		project: null,
	}),
	prepare(rec, ctx) {
		const types = ['Agreement', 'CreditMemo', 'DownPayment', 'Miscellaneous', 'Progress', 'Standard'];
		if (typeof rec.type !== 'string' || !types.includes(rec.type)) {
			fail(ctx, 'invoice', 'type', `type must be one of ${types.join(', ')}`);
		}
		if (rec.invoiceNumber === null) {
			const max = ctx.store.all('invoices').reduce((m, i) => Math.max(m, Number(i.invoiceNumber) || 0), 10000);
			rec.invoiceNumber = String(max + 1);
		}
		if (rec.billToCompany === null) rec.billToCompany = rec.company;
		if (rec.date === null) rec.date = ctx.now;
		if (rec.dueDate === null && typeof rec.date === 'string') {
			rec.dueDate = new Date(Date.parse(rec.date) + 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		}
		const sign = rec.type === 'CreditMemo' ? -1 : 1;
		rec.total = round2(sign * Math.abs((num(rec.subtotal) ?? 0) + (num(rec.salesTax) ?? 0)));
		if (ctx.action === 'create') rec.balance = rec.total;
	},
};

const catalogDef: ResourceDef = {
	path: 'procurement/catalog',
	collection: 'catalog',
	resource: 'catalogItem',
	callbackType: 'product',
	refs: { vendor: 'company' },
	required: ['identifier', 'description'],
	template: () => ({
		identifier: null,
		description: null,
		inactiveFlag: false,
		subcategory: null,
		type: null,
		productClass: 'NonInventory',
		serializedFlag: false,
		serializedCostFlag: false,
		phaseProductFlag: false,
		unitOfMeasure: { id: 1, name: 'Each' },
		price: 0,
		cost: 0,
		taxableFlag: true,
		dropShipFlag: false,
		specialOrderFlag: false,
		customerDescription: null,
		manufacturer: null,
		manufacturerPartNumber: null,
		vendor: null,
		vendorSku: null,
		category: null,
		customFields: [],
	}),
	prepare(rec, ctx) {
		const classes = ['Agreement', 'Bundle', 'Inventory', 'NonInventory', 'Service'];
		if (typeof rec.productClass !== 'string' || !classes.includes(rec.productClass)) {
			fail(ctx, 'catalogItem', 'productClass', `productClass must be one of ${classes.join(', ')}`);
		}
	},
};

const productDef: ResourceDef = {
	path: 'procurement/products',
	collection: 'products',
	resource: 'productItem',
	refs: { catalogItem: 'catalogItem', ticket: 'ticket', project: 'project', agreement: 'agreement' },
	required: ['catalogItem'],
	computed: ['extPrice', 'extCost'],
	template: () => ({
		catalogItem: null,
		description: null,
		sequenceNumber: 1,
		quantity: 1,
		unitOfMeasure: { id: 1, name: 'Each' },
		price: null,
		cost: null,
		extPrice: 0,
		extCost: 0,
		billableOption: 'Billable',
		chargeToId: null,
		chargeToType: null,
		ticket: null,
		project: null,
		agreement: null,
		shipmentMethod: null,
		trackingNumber: null,
		purchaseDate: null,
		cancelledFlag: false,
	}),
	prepare(rec, ctx) {
		const item = refId(rec.catalogItem) !== undefined ? ctx.store.get('catalog', refId(rec.catalogItem) as number) : undefined;
		if (item) {
			if (rec.price === null) rec.price = item.price;
			if (rec.cost === null) rec.cost = item.cost;
			if (rec.description === null) rec.description = item.description;
		}
		const qty = num(rec.quantity) ?? 0;
		rec.extPrice = round2(qty * (num(rec.price) ?? 0));
		rec.extCost = round2(qty * (num(rec.cost) ?? 0));
	},
};

const memberDef: ResourceDef = {
	path: 'system/members',
	collection: 'members',
	resource: 'member',
	callbackType: 'member',
	refs: {},
	required: ['identifier', 'firstName', 'lastName'],
	template: () => ({
		identifier: null,
		firstName: null,
		lastName: null,
		officeEmail: null,
		title: null,
		inactiveFlag: false,
		licenseClass: 'F',
		timeZone: { id: 1, name: 'US Eastern' },
		defaultLocation: { id: 1, name: 'Main Office' },
		defaultDepartment: { id: 1, name: 'Services' },
		hireDate: null,
		adminFlag: false,
	}),
};

const callbackDef: ResourceDef = {
	path: 'system/callbacks',
	collection: 'callbacks',
	resource: 'callbackEntry',
	refs: {},
	required: ['url', 'type', 'level'],
	computed: ['memberId'],
	template: () => ({
		description: null,
		url: null,
		objectId: 0,
		type: null,
		level: null,
		memberId: null,
		payloadVersion: null,
		inactiveFlag: false,
		isSoapCallbackFlag: false,
		isSelfSuppressedFlag: false,
	}),
	prepare(rec, ctx) {
		if (typeof rec.url === 'string' && !/^https?:\/\/\S+$/i.test(rec.url)) {
			fail(ctx, 'callbackEntry', 'url', 'url must be an absolute http(s) URL');
		}
		if (rec.type !== null && (typeof rec.type !== 'string' || !CW_CALLBACK_TYPES.includes(rec.type))) {
			fail(ctx, 'callbackEntry', 'type', `type must be one of ${CW_CALLBACK_TYPES.join(', ')}`);
		}
		if (rec.level !== null && typeof rec.level !== 'string') fail(ctx, 'callbackEntry', 'level', 'level must be a string');
		if (typeof rec.description === 'string' && rec.description.length > 100) {
			fail(ctx, 'callbackEntry', 'description', 'description may not be longer than 100 characters');
		}
		if (ctx.action === 'create') rec.memberId = ctx.member.id;
	},
};

export const RESOURCES: ResourceDef[] = [
	companyDef,
	contactDef,
	boardDef,
	statusDef,
	setupTable('service/priorities', 'priorities', 'priority', { color: null, sortOrder: 0, defaultFlag: false, level: null }),
	ticketDef,
	projectDef,
	timeEntryDef,
	setupTable('time/workTypes', 'workTypes', 'workType', { billTime: 'Billable', rateType: 'Multiplier', rate: 1, defaultFlag: false, inactiveFlag: false }),
	expenseDef,
	setupTable('expense/types', 'expenseTypes', 'expenseType', { amountCaption: 'Amount', reimbursementRate: null, billExpenses: 'Billable', inactiveFlag: false }),
	agreementDef,
	setupTable('finance/agreements/types', 'agreementTypes', 'agreementType', { prefixSuffixOption: 'Prefix', defaultFlag: false, inactiveFlag: false }),
	additionDef,
	invoiceDef,
	catalogDef,
	productDef,
	memberDef,
	callbackDef,
];

/** Top-level field names (lower-cased) a resource has, for checking conditions/orderBy/fields. */
export function knownFields(def: ResourceDef, store: CwStore): Set<string> {
	return new Set(['id', '_info', ...Object.keys(def.template(store))].map((k) => k.toLowerCase()));
}

