/**
 * The pack's canonical model: one system-neutral shape per business record, so that templates
 * and logic nodes speak one language and each system (ERP, PSA, WMS, billing, X12) only maps to
 * and from it. Rules that keep it stable:
 * - every record has `type`, `externalIds` (system → id in that system) and optionally `id`
 *   (the canonical/cross-reference id) and `source` (where this copy was read);
 * - money and quantities are `Decimal` strings, dates are ISO 8601 strings;
 * - enumerations are lower-case snake_case; a system value with no equivalent is left out
 *   rather than guessed, and systems keep their own extra data under `extensions`;
 * - fields are only ever added, never renamed or retyped (new fields are optional).
 */
import type { IsoDate, IsoDateTime } from './dates';
import type { Decimal } from './decimal';

export const CANONICAL_TYPES = [
	'Customer',
	'Supplier',
	'Item',
	'InventoryLevel',
	'SalesOrder',
	'PurchaseOrder',
	'OrderAck',
	'Shipment',
	'Invoice',
	'CreditMemo',
	'Payment',
	'Project',
	'TimeEntry',
	'Expense',
	'Agreement',
	'UsageRecord',
] as const;

export type CanonicalType = (typeof CANONICAL_TYPES)[number];

/** System key → that system's id of the same thing, e.g. `{ netSuite: '412', connectWisePsa: '250' }`. */
export type ExternalIds = Record<string, string>;

/** Where a record was read from. `system` uses the same keys as `externalIds`. */
export interface SourceInfo {
	system: string;
	id: string;
	/** The source's own last-modified time, used as a sync watermark. */
	updatedAt?: IsoDateTime;
}

/** Fields shared by every canonical record. */
export interface CanonicalRecord<T extends CanonicalType = CanonicalType> {
	type: T;
	/** Canonical id (e.g. from the cross-reference table), when one is assigned. */
	id?: string;
	externalIds: ExternalIds;
	source?: SourceInfo;
	/** System-specific data a mapping wants to carry along, keyed by system. */
	extensions?: Record<string, Record<string, unknown>>;
}

/** A pointer to another record (customer of an invoice, item of a line…); any of its keys may identify it. */
export interface Reference {
	id?: string;
	externalIds?: ExternalIds;
	/** A human-readable business key: customer number, SKU, employee code, order number. */
	code?: string;
	name?: string;
}

/* ------------------------------------------------------------------ building blocks */

export type AddressType = 'billing' | 'shipping' | 'remit_to' | 'site' | 'other';

export interface Address {
	type?: AddressType;
	/** Name of the addressee or site. */
	name?: string;
	attention?: string;
	line1?: string;
	line2?: string;
	line3?: string;
	city?: string;
	/** State, province or county. */
	region?: string;
	postalCode?: string;
	/** ISO 3166-1 alpha-2 when known, otherwise the source's country name. */
	country?: string;
	externalIds?: ExternalIds;
}

/** A person at a customer, supplier or trading partner. */
export interface Contact {
	externalIds?: ExternalIds;
	firstName?: string;
	lastName?: string;
	/** Full name when first/last are not separated at the source. */
	name?: string;
	title?: string;
	email?: string;
	phone?: string;
	/** e.g. "billing", "purchasing", "primary". */
	role?: string;
	active?: boolean;
}

export interface ItemReference extends Reference {
	/** The seller's item number. */
	sku?: string;
	/** The buyer's or manufacturer's item number (X12 BP/VP/UP qualifiers map here and to gtin). */
	customerSku?: string;
	supplierSku?: string;
	gtin?: string;
}

/** A line of an order, invoice, credit memo or agreement. */
export interface LineItem {
	externalIds?: ExternalIds;
	/** Line number as the source numbers it (X12 PO101, ERP line id). */
	lineNumber?: string;
	item?: ItemReference;
	description?: string;
	quantity?: Decimal;
	unitOfMeasure?: string;
	unitPrice?: Decimal;
	unitCost?: Decimal;
	discountAmount?: Decimal;
	taxAmount?: Decimal;
	/** Extended amount of the line (quantity × price − discount), as the source states it. */
	amount?: Decimal;
	taxable?: boolean;
	requestedDate?: IsoDate;
	notes?: string;
}

export interface Totals {
	subtotal?: Decimal;
	discount?: Decimal;
	shipping?: Decimal;
	tax?: Decimal;
	total?: Decimal;
	amountPaid?: Decimal;
	/** Amount still due. */
	balance?: Decimal;
}

/** A recurrence: every `count` `unit`s (monthly = { unit: 'month', count: 1 }). */
export interface Interval {
	unit: 'day' | 'week' | 'month' | 'year';
	count: number;
}

/* ------------------------------------------------------------------ parties and items */

interface PartyFields {
	name: string;
	/** Account number / identifier people use for the party. */
	code?: string;
	status?: 'active' | 'inactive' | 'prospect';
	email?: string;
	phone?: string;
	website?: string;
	taxId?: string;
	currency?: string;
	/** Payment terms as the source names them ("Net 30"). */
	paymentTerms?: string;
	addresses?: Address[];
	contacts?: Contact[];
	parent?: Reference;
	notes?: string;
	customFields?: Record<string, unknown>;
}

export interface Customer extends CanonicalRecord<'Customer'>, PartyFields {}

export interface Supplier extends CanonicalRecord<'Supplier'>, PartyFields {}

export interface Item extends CanonicalRecord<'Item'> {
	sku: string;
	name?: string;
	description?: string;
	kind?: 'inventory' | 'non_inventory' | 'service' | 'kit' | 'other';
	unitOfMeasure?: string;
	price?: Decimal;
	cost?: Decimal;
	currency?: string;
	gtin?: string;
	supplier?: Reference;
	supplierSku?: string;
	taxable?: boolean;
	active?: boolean;
	weight?: { value: Decimal; unit: string };
}

export interface InventoryLevel extends CanonicalRecord<'InventoryLevel'> {
	item: ItemReference;
	/** Warehouse, bin or store. */
	location?: Reference;
	onHand?: Decimal;
	available?: Decimal;
	committed?: Decimal;
	onOrder?: Decimal;
	unitOfMeasure?: string;
	asOf?: IsoDateTime;
}

/* ------------------------------------------------------------------ orders and fulfilment */

export type OrderStatus = 'draft' | 'open' | 'partially_fulfilled' | 'fulfilled' | 'closed' | 'cancelled';

interface OrderFields {
	/** The order number people quote. */
	number?: string;
	orderDate?: IsoDate;
	requestedDate?: IsoDate;
	status?: OrderStatus;
	currency?: string;
	billTo?: Address;
	shipTo?: Address;
	lines: LineItem[];
	totals?: Totals;
	paymentTerms?: string;
	shippingMethod?: string;
	notes?: string;
}

export interface SalesOrder extends CanonicalRecord<'SalesOrder'>, OrderFields {
	customer: Reference;
	/** The customer's purchase order number. */
	poNumber?: string;
}

export interface PurchaseOrder extends CanonicalRecord<'PurchaseOrder'>, OrderFields {
	supplier: Reference;
	buyer?: Contact;
	expectedDate?: IsoDate;
}

export interface OrderAckLine extends LineItem {
	status: 'accepted' | 'changed' | 'backordered' | 'rejected';
	quantityAcknowledged?: Decimal;
	scheduledDate?: IsoDate;
}

/** A supplier's answer to a purchase order (X12 855). */
export interface OrderAck extends CanonicalRecord<'OrderAck'> {
	/** The purchase order number acknowledged. */
	orderNumber: string;
	order?: Reference;
	ackDate?: IsoDate;
	status: 'accepted' | 'accepted_with_changes' | 'rejected';
	lines: OrderAckLine[];
	notes?: string;
}

export interface ShipmentLine extends LineItem {
	quantityShipped: Decimal;
	quantityOrdered?: Decimal;
	/** Package (carton, pallet) the quantity is packed in, by `Package.id`. */
	packageId?: string;
	lotNumber?: string;
	serialNumbers?: string[];
	/** The order this line ships, when a shipment covers several (X12 856 order level, PRF01). */
	orderNumber?: string;
}

export interface Package {
	id: string;
	trackingNumber?: string;
	/** Serial shipping container code (GS1 SSCC-18). */
	sscc?: string;
	weight?: { value: Decimal; unit: string };
}

/** A shipment / advance ship notice (X12 856). */
export interface Shipment extends CanonicalRecord<'Shipment'> {
	number?: string;
	order?: Reference;
	orderNumber?: string;
	shipDate?: IsoDate;
	expectedDeliveryDate?: IsoDate;
	status?: 'pending' | 'shipped' | 'delivered' | 'cancelled';
	carrier?: string;
	service?: string;
	trackingNumbers?: string[];
	shipFrom?: Address;
	shipTo?: Address;
	packages?: Package[];
	lines: ShipmentLine[];
}

/* ------------------------------------------------------------------ billing */

export type InvoiceStatus = 'draft' | 'open' | 'partially_paid' | 'paid' | 'void';

interface BillingDocumentFields {
	number?: string;
	customer: Reference;
	date?: IsoDate;
	currency?: string;
	billTo?: Address;
	shipTo?: Address;
	lines: LineItem[];
	totals?: Totals;
	poNumber?: string;
	notes?: string;
}

export interface Invoice extends CanonicalRecord<'Invoice'>, BillingDocumentFields {
	dueDate?: IsoDate;
	status?: InvoiceStatus;
	paymentTerms?: string;
	order?: Reference;
	project?: Reference;
	agreement?: Reference;
}

export interface CreditMemo extends CanonicalRecord<'CreditMemo'>, BillingDocumentFields {
	status?: 'open' | 'applied' | 'void';
	/** The invoice it credits, when known. */
	invoice?: Reference;
	reason?: string;
}

export interface PaymentApplication {
	/** The invoice or credit memo paid. */
	document: Reference;
	amount: Decimal;
}

export interface Payment extends CanonicalRecord<'Payment'> {
	/** incoming: from a customer; outgoing: to a supplier. */
	direction: 'incoming' | 'outgoing';
	party: Reference;
	date?: IsoDate;
	amount: Decimal;
	currency?: string;
	method?: string;
	/** Check number, transaction id, remittance reference. */
	reference?: string;
	status?: 'pending' | 'succeeded' | 'failed' | 'refunded' | 'void';
	applications?: PaymentApplication[];
}

/* ------------------------------------------------------------------ services (PSA) */

export interface Project extends CanonicalRecord<'Project'> {
	name: string;
	code?: string;
	customer?: Reference;
	status?: 'planned' | 'open' | 'on_hold' | 'closed' | 'cancelled';
	manager?: Reference;
	startDate?: IsoDate;
	endDate?: IsoDate;
	actualStartDate?: IsoDate;
	actualEndDate?: IsoDate;
	billingMethod?: 'time_and_materials' | 'fixed_fee' | 'not_to_exceed' | 'non_billable' | 'other';
	budgetHours?: Decimal;
	budgetAmount?: Decimal;
	actualHours?: Decimal;
	currency?: string;
	poNumber?: string;
	description?: string;
}

/** What a time entry or expense is charged to inside a project or service desk. */
export interface WorkItemReference extends Reference {
	kind?: 'ticket' | 'project_ticket' | 'task' | 'phase' | 'activity' | 'charge_code' | 'other';
}

export type ApprovalStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'invoiced';

export interface TimeEntry extends CanonicalRecord<'TimeEntry'> {
	/** The employee / member / resource who worked. */
	worker?: Reference;
	customer?: Reference;
	project?: Reference;
	workItem?: WorkItemReference;
	agreement?: Reference;
	start?: IsoDateTime;
	end?: IsoDateTime;
	/** Worked hours. */
	hours?: Decimal;
	billable?: boolean;
	billableHours?: Decimal;
	/** Hourly rate charged. */
	rate?: Decimal;
	currency?: string;
	workType?: string;
	role?: string;
	notes?: string;
	internalNotes?: string;
	status?: ApprovalStatus;
	invoice?: Reference;
}

export interface Expense extends CanonicalRecord<'Expense'> {
	worker?: Reference;
	customer?: Reference;
	project?: Reference;
	workItem?: WorkItemReference;
	agreement?: Reference;
	date?: IsoDate;
	amount: Decimal;
	currency?: string;
	/** Expense type: mileage, meals, hardware… */
	category?: Reference;
	billable?: boolean;
	reimbursable?: boolean;
	paymentMethod?: string;
	notes?: string;
	status?: ApprovalStatus;
	invoice?: Reference;
}

/* ------------------------------------------------------------------ recurring revenue */

export interface AgreementLine extends LineItem {
	effectiveDate?: IsoDate;
	cancelledDate?: IsoDate;
	billable?: boolean;
}

/** A recurring contract: PSA agreement, billing subscription, service contract. */
export interface Agreement extends CanonicalRecord<'Agreement'> {
	name?: string;
	customer: Reference;
	contact?: Contact;
	/** Agreement type, plan or price plan. */
	plan?: Reference;
	status?: 'active' | 'trialing' | 'paused' | 'cancelled' | 'expired' | 'inactive';
	startDate?: IsoDate;
	/** Absent for open-ended agreements. */
	endDate?: IsoDate;
	cancelledAt?: IsoDate;
	cancellationReason?: string;
	billingInterval?: Interval;
	/** Recurring amount billed per interval. */
	amount?: Decimal;
	currency?: string;
	nextBillingDate?: IsoDate;
	poNumber?: string;
	lines?: AgreementLine[];
	notes?: string;
}

/** Alias for billing systems, which call agreements subscriptions. */
export type Subscription = Agreement;

/** Metered consumption reported against an agreement or subscription. */
export interface UsageRecord extends CanonicalRecord<'UsageRecord'> {
	agreement?: Reference;
	customer?: Reference;
	item?: ItemReference;
	/** Meter / metric name. */
	metric: string;
	quantity: Decimal;
	unitOfMeasure?: string;
	/** When the usage happened. */
	timestamp: IsoDateTime;
	periodStart?: IsoDateTime;
	periodEnd?: IsoDateTime;
	/** increment: add to the period total (default); set: replace it. */
	action?: 'increment' | 'set';
	/** A stable key so re-sending the same usage is not counted twice. */
	idempotencyKey?: string;
}

export interface CanonicalTypeMap {
	Customer: Customer;
	Supplier: Supplier;
	Item: Item;
	InventoryLevel: InventoryLevel;
	SalesOrder: SalesOrder;
	PurchaseOrder: PurchaseOrder;
	OrderAck: OrderAck;
	Shipment: Shipment;
	Invoice: Invoice;
	CreditMemo: CreditMemo;
	Payment: Payment;
	Project: Project;
	TimeEntry: TimeEntry;
	Expense: Expense;
	Agreement: Agreement;
	UsageRecord: UsageRecord;
}

export type AnyCanonical = CanonicalTypeMap[CanonicalType];
