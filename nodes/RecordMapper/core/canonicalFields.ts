/**
 * The fields of each canonical type as dotted paths, with the kind of value and a realistic sample.
 * They feed the Field Overrides list of To Canonical, and the sample records from which the fields of a
 * system's write body are read for From Canonical (what each system's `fromCanonical` writes).
 */
import type { CanonicalType } from '../../common/canonical';
import { setPath } from './paths';

export type FieldKind = 'text' | 'decimal' | 'date' | 'dateTime' | 'boolean' | 'integer' | 'object' | 'array' | readonly string[];

export interface CanonicalField {
	path: string;
	kind: FieldKind;
	sample: unknown;
}

type Spec = [path: string, kind: FieldKind, sample: unknown];

const prefix = (base: string, specs: Spec[]): Spec[] => specs.map(([path, kind, sample]) => [`${base}.${path}`, kind, sample]);

/** A Reference: id, business code, name and ids per system (the sample's are filled in per system). */
const reference = (base: string, code: string, name: string): Spec[] =>
	prefix(base, [
		['id', 'text', `${base}-1`],
		['code', 'text', code],
		['name', 'text', name],
		['externalIds', 'object', {}],
	]);

const itemReference = (base: string): Spec[] => [
	...reference(base, 'HB-0500', 'Hex Bolt 1/2"'),
	...prefix(base, [
		['sku', 'text', 'HB-0500'],
		['gtin', 'text', '00012345678905'],
		['customerSku', 'text', 'CUST-HB-0500'],
		['supplierSku', 'text', 'SUP-HB-0500'],
	]),
];

const address = (base: string, type: string): Spec[] =>
	prefix(base, [
		['type', ['billing', 'shipping', 'remit_to', 'site', 'other'], type],
		['name', 'text', 'Harbor Hardware'],
		['attention', 'text', 'Receiving'],
		['line1', 'text', '100 Main St'],
		['line2', 'text', 'Dock 4'],
		['city', 'text', 'Seattle'],
		['region', 'text', 'WA'],
		['postalCode', 'text', '98101'],
		['country', 'text', 'US'],
	]);

const contact = (base: string): Spec[] =>
	prefix(base, [
		['firstName', 'text', 'Ann'],
		['lastName', 'text', 'Lee'],
		['name', 'text', 'Ann Lee'],
		['title', 'text', 'Buyer'],
		['email', 'text', 'ann.lee@harbor.example'],
		['phone', 'text', '206-555-0100'],
		['role', 'text', 'primary'],
	]);

const line = (base: string): Spec[] => [
	[base, 'array', []],
	...prefix(`${base}.*`, [
		['lineNumber', 'text', '1'],
		['description', 'text', 'Hex bolt, zinc, box of 100'],
		['quantity', 'decimal', '10'],
		['unitOfMeasure', 'text', 'EA'],
		['unitPrice', 'decimal', '12.50'],
		['unitCost', 'decimal', '7.25'],
		['discountAmount', 'decimal', '0'],
		['taxAmount', 'decimal', '0'],
		['amount', 'decimal', '125.00'],
		['taxable', 'boolean', false],
		['requestedDate', 'date', '2026-03-10'],
		['notes', 'text', 'Leave at dock 4'],
	]),
	...itemReference(`${base}.*.item`),
];

const totals: Spec[] = prefix('totals', [
	['subtotal', 'decimal', '125.00'],
	['discount', 'decimal', '0'],
	['shipping', 'decimal', '0'],
	['tax', 'decimal', '0'],
	['total', 'decimal', '125.00'],
	['amountPaid', 'decimal', '0'],
	['balance', 'decimal', '125.00'],
]);

const common: Spec[] = [
	['id', 'text', 'CAN-1'],
	['externalIds', 'object', {}],
];

const party: Spec[] = [
	['name', 'text', 'Harbor Hardware'],
	['code', 'text', 'HARBOR'],
	['status', ['active', 'inactive', 'prospect'], 'active'],
	['email', 'text', 'ap@harbor.example'],
	['phone', 'text', '206-555-0100'],
	['website', 'text', 'https://harbor.example'],
	['taxId', 'text', '91-1234567'],
	['currency', 'text', 'USD'],
	['paymentTerms', 'text', 'Net 30'],
	['addresses', 'array', []],
	...address('addresses.*', 'billing'),
	['contacts', 'array', []],
	...contact('contacts.*'),
	...reference('parent', 'HARBOR-GROUP', 'Harbor Group'),
	['notes', 'text', 'Key account'],
	['customFields', 'object', {}],
];

const order: Spec[] = [
	['number', 'text', 'SO-1001'],
	['orderDate', 'date', '2026-03-04'],
	['requestedDate', 'date', '2026-03-10'],
	['status', ['draft', 'open', 'partially_fulfilled', 'fulfilled', 'closed', 'cancelled'], 'open'],
	['currency', 'text', 'USD'],
	...address('billTo', 'billing'),
	...address('shipTo', 'shipping'),
	...line('lines'),
	...totals,
	['paymentTerms', 'text', 'Net 30'],
	['shippingMethod', 'text', 'Ground'],
	['notes', 'text', 'Call before delivery'],
];

const billing: Spec[] = [
	['number', 'text', 'INV-1001'],
	...reference('customer', 'HARBOR', 'Harbor Hardware'),
	['date', 'date', '2026-03-31'],
	['currency', 'text', 'USD'],
	...address('billTo', 'billing'),
	...address('shipTo', 'shipping'),
	...line('lines'),
	...totals,
	['poNumber', 'text', 'PO-77'],
	['notes', 'text', 'Thank you for your business'],
];

const work: Spec[] = [
	...reference('worker', 'SOKAFOR', 'Sam Okafor'),
	...reference('customer', 'HARBOR', 'Harbor Hardware'),
	...reference('project', 'P-2026-01', 'Server refresh'),
	...reference('workItem', 'T-7300', 'Replace failing drive'),
	['workItem.kind', ['ticket', 'project_ticket', 'task', 'phase', 'activity', 'charge_code', 'other'], 'ticket'],
	...reference('agreement', 'MSA-01', 'Managed services'),
	['currency', 'text', 'USD'],
	['notes', 'text', 'Replaced the failing drive'],
	['status', ['draft', 'submitted', 'approved', 'rejected', 'invoiced'], 'approved'],
	...reference('invoice', 'INV-1001', 'March services'),
];

const SPECS: Record<CanonicalType, Spec[]> = {
	Customer: [...common, ...party],
	Supplier: [...common, ...party],
	Item: [
		...common,
		['sku', 'text', 'HB-0500'],
		['name', 'text', 'Hex Bolt 1/2"'],
		['description', 'text', 'Hex bolt, zinc, box of 100'],
		['kind', ['inventory', 'non_inventory', 'service', 'kit', 'other'], 'inventory'],
		['unitOfMeasure', 'text', 'EA'],
		['price', 'decimal', '12.50'],
		['cost', 'decimal', '7.25'],
		['currency', 'text', 'USD'],
		['gtin', 'text', '00012345678905'],
		...reference('supplier', 'FASTCO', 'Fastener Co'),
		['supplierSku', 'text', 'SUP-HB-0500'],
		['taxable', 'boolean', true],
		['active', 'boolean', true],
		['weight.value', 'decimal', '1.5'],
		['weight.unit', 'text', 'lb'],
	],
	InventoryLevel: [
		...common,
		...itemReference('item'),
		...reference('location', 'WH-EAST', 'East warehouse'),
		['onHand', 'decimal', '120'],
		['available', 'decimal', '100'],
		['committed', 'decimal', '20'],
		['onOrder', 'decimal', '50'],
		['unitOfMeasure', 'text', 'EA'],
		['asOf', 'dateTime', '2026-03-04T10:00:00Z'],
	],
	SalesOrder: [...common, ...order, ...reference('customer', 'HARBOR', 'Harbor Hardware'), ['poNumber', 'text', 'PO-77']],
	PurchaseOrder: [
		...common,
		...order,
		...reference('supplier', 'FASTCO', 'Fastener Co'),
		...contact('buyer'),
		['expectedDate', 'date', '2026-03-20'],
	],
	OrderAck: [
		...common,
		['orderNumber', 'text', 'PO-77'],
		...reference('order', 'PO-77', 'PO-77'),
		['ackDate', 'date', '2026-03-05'],
		['status', ['accepted', 'accepted_with_changes', 'rejected'], 'accepted'],
		...line('lines'),
		['lines.*.status', ['accepted', 'changed', 'backordered', 'rejected'], 'accepted'],
		['lines.*.quantityAcknowledged', 'decimal', '10'],
		['lines.*.scheduledDate', 'date', '2026-03-12'],
		['notes', 'text', 'Ships from the east warehouse'],
	],
	Shipment: [
		...common,
		['number', 'text', 'SH-5001'],
		...reference('order', 'SO-1001', 'SO-1001'),
		['orderNumber', 'text', 'SO-1001'],
		['shipDate', 'date', '2026-03-08'],
		['expectedDeliveryDate', 'date', '2026-03-10'],
		['status', ['pending', 'shipped', 'delivered', 'cancelled'], 'shipped'],
		['carrier', 'text', 'UPS'],
		['service', 'text', 'Ground'],
		['trackingNumbers', 'array', ['1Z999AA10123456784']],
		...address('shipFrom', 'site'),
		...address('shipTo', 'shipping'),
		['packages', 'array', []],
		...prefix('packages.*', [
			['id', 'text', 'PKG-1'],
			['trackingNumber', 'text', '1Z999AA10123456784'],
			['sscc', 'text', '000123450000000017'],
		]),
		...line('lines'),
		['lines.*.quantityShipped', 'decimal', '10'],
		['lines.*.quantityOrdered', 'decimal', '10'],
		['lines.*.packageId', 'text', 'PKG-1'],
		['lines.*.lotNumber', 'text', 'LOT-2026-03'],
		['lines.*.orderNumber', 'text', 'SO-1001'],
	],
	Invoice: [
		...common,
		...billing,
		['dueDate', 'date', '2026-04-30'],
		['status', ['draft', 'open', 'partially_paid', 'paid', 'void'], 'open'],
		['paymentTerms', 'text', 'Net 30'],
		...reference('order', 'SO-1001', 'SO-1001'),
		...reference('project', 'P-2026-01', 'Server refresh'),
		...reference('agreement', 'MSA-01', 'Managed services'),
	],
	CreditMemo: [
		...common,
		...billing,
		['status', ['open', 'applied', 'void'], 'open'],
		...reference('invoice', 'INV-1001', 'March services'),
		['reason', 'text', 'Damaged in transit'],
	],
	Payment: [
		...common,
		['direction', ['incoming', 'outgoing'], 'incoming'],
		...reference('party', 'HARBOR', 'Harbor Hardware'),
		['date', 'date', '2026-04-02'],
		['amount', 'decimal', '125.00'],
		['currency', 'text', 'USD'],
		['method', 'text', 'ACH'],
		['reference', 'text', 'CHK-1001'],
		['status', ['pending', 'succeeded', 'failed', 'refunded', 'void'], 'succeeded'],
		['applications', 'array', []],
		...reference('applications.*.document', 'INV-1001', 'March services'),
		['applications.*.amount', 'decimal', '125.00'],
	],
	Project: [
		...common,
		['name', 'text', 'Server refresh'],
		['code', 'text', 'P-2026-01'],
		...reference('customer', 'HARBOR', 'Harbor Hardware'),
		['status', ['planned', 'open', 'on_hold', 'closed', 'cancelled'], 'open'],
		...reference('manager', 'SOKAFOR', 'Sam Okafor'),
		['startDate', 'date', '2026-03-01'],
		['endDate', 'date', '2026-04-30'],
		['actualStartDate', 'date', '2026-03-02'],
		['actualEndDate', 'date', '2026-04-28'],
		['billingMethod', ['time_and_materials', 'fixed_fee', 'not_to_exceed', 'non_billable', 'other'], 'time_and_materials'],
		['budgetHours', 'decimal', '40'],
		['budgetAmount', 'decimal', '7500'],
		['actualHours', 'decimal', '12.5'],
		['currency', 'text', 'USD'],
		['poNumber', 'text', 'PO-77'],
		['description', 'text', 'Replace the file server'],
	],
	TimeEntry: [
		...common,
		...work,
		['start', 'dateTime', '2026-03-04T14:00:00Z'],
		['end', 'dateTime', '2026-03-04T15:30:00Z'],
		['hours', 'decimal', '1.5'],
		['billable', 'boolean', true],
		['billableHours', 'decimal', '1.5'],
		['rate', 'decimal', '150'],
		['workType', 'text', 'Remote Support'],
		['role', 'text', 'Engineer'],
		['internalNotes', 'text', 'Drive was under warranty'],
	],
	Expense: [
		...common,
		...work,
		['date', 'date', '2026-03-04'],
		['amount', 'decimal', '19.85'],
		...reference('category', 'PARTS', 'Parts'),
		['billable', 'boolean', true],
		['reimbursable', 'boolean', false],
		['paymentMethod', 'text', 'Company card'],
	],
	Agreement: [
		...common,
		['name', 'text', 'Managed services'],
		...reference('customer', 'HARBOR', 'Harbor Hardware'),
		...contact('contact'),
		...reference('plan', 'MANAGED-IT', 'Managed IT'),
		['status', ['active', 'trialing', 'paused', 'cancelled', 'expired', 'inactive'], 'active'],
		['startDate', 'date', '2026-01-01'],
		['endDate', 'date', '2026-12-31'],
		['cancelledAt', 'date', '2026-12-31'],
		['cancellationReason', 'text', 'Moved to another provider'],
		['billingInterval.unit', ['day', 'week', 'month', 'year'], 'month'],
		['billingInterval.count', 'integer', 1],
		['amount', 'decimal', '1250.00'],
		['currency', 'text', 'USD'],
		['nextBillingDate', 'date', '2026-04-01'],
		['poNumber', 'text', 'PO-77'],
		...line('lines'),
		['lines.*.effectiveDate', 'date', '2026-01-01'],
		['lines.*.cancelledDate', 'date', '2026-12-31'],
		['lines.*.billable', 'boolean', true],
		['notes', 'text', 'Renews yearly'],
	],
	UsageRecord: [
		...common,
		...reference('agreement', 'MSA-01', 'Managed services'),
		...reference('customer', 'HARBOR', 'Harbor Hardware'),
		...itemReference('item'),
		['metric', 'text', 'backup_gb'],
		['quantity', 'decimal', '12.5'],
		['unitOfMeasure', 'text', 'GB'],
		['timestamp', 'dateTime', '2026-03-04T00:00:00Z'],
		['periodStart', 'dateTime', '2026-03-01T00:00:00Z'],
		['periodEnd', 'dateTime', '2026-03-31T23:59:59Z'],
		['action', ['increment', 'set'], 'increment'],
		['idempotencyKey', 'text', 'usage-2026-03-04-harbor'],
	],
};

/** The fields of a canonical type, in a stable order. */
export function canonicalFields(type: CanonicalType): CanonicalField[] {
	return SPECS[type].map(([path, kind, sample]) => ({ path, kind, sample }));
}

/**
 * A complete sample record of `type` with every reference carrying an id in `system`, so that a
 * system's `fromCanonical` writes every field it knows.
 */
export function sampleCanonical(type: CanonicalType, system: string): Record<string, unknown> {
	const record: Record<string, unknown> = { type };
	let n = 1000;
	for (const [path, kind, sample] of SPECS[type]) {
		if (path.includes('*')) continue;
		const value = path === 'externalIds' || path.endsWith('.externalIds') ? { [system]: String(++n) } : sample;
		if (kind === 'array') setPath(record, path, structuredClone(value));
		else setPath(record, path, value);
	}
	// One element per list, filled from the `list.*.field` entries.
	for (const [path, , sample] of SPECS[type]) {
		const star = path.indexOf('.*.');
		if (star < 0) continue;
		const list = path.slice(0, star);
		const rest = path.slice(star + 3);
		const container = record as Record<string, unknown[]>;
		const elements = list.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown>)?.[part], container) as unknown[];
		if (!Array.isArray(elements)) continue;
		if (elements.length === 0) elements.push({});
		const value = rest === 'externalIds' || rest.endsWith('.externalIds') ? { [system]: String(++n) } : sample;
		setPath(elements[0] as Record<string, unknown>, rest, value);
	}
	return record;
}
