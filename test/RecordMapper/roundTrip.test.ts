/**
 * Every system/entity pair of the registry, both directions: a vendor record → canonical → the vendor
 * write body → canonical again keeps the fields the mapping declares, and changes none it carries.
 */
import type { IDataObject } from 'n8n-workflow';

import { MappingError } from '../../nodes/common/canonical/registry';
import { isCanonical } from '../../nodes/common/canonical';
import { mappingRegistry } from '../../nodes/RecordMapper/core/systems';
import { FIXTURES } from './fixtures';

type Body = Record<string, unknown>;
type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Case {
	/** Paths that must be set by the first mapping and come back unchanged. */
	keeps: string[];
	/** How a write body reads back, where it is not a record (create parameters, an adjustment). */
	readBack?: (body: Body) => IDataObject;
	/** Paths the reader derives from fields a write body does not carry (status from balances…). */
	derived?: string[];
}

const CASES: Record<string, Case> = {
	'netSuite Customer': { keeps: ['name', 'code', 'email', 'phone', 'website', 'taxId', 'notes', 'parent.externalIds.netSuite', 'externalIds.netSuiteExternalId'] },
	'netSuite Supplier': { keeps: ['name', 'code', 'status', 'email', 'phone'] },
	'netSuite Item': { keeps: ['sku', 'name', 'description', 'cost', 'gtin', 'active', 'supplier.externalIds.netSuite'] },
	'netSuite InventoryLevel': {
		keeps: ['item.externalIds.netSuite', 'location.externalIds.netSuite', 'onHand'],
		readBack: (b: Any) => ({ item: b.inventory.items[0].item.id, location: b.adjLocation.id, quantityonhand: b.inventory.items[0].adjustQtyBy }),
	},
	'netSuite SalesOrder': { keeps: ['orderDate', 'poNumber', 'notes', 'customer.externalIds.netSuite', 'lines.0.item.externalIds.netSuite', 'lines.0.quantity', 'lines.0.unitPrice', 'lines.1.unitPrice', 'externalIds.netSuiteExternalId'] },
	'netSuite PurchaseOrder': { keeps: ['orderDate', 'expectedDate', 'supplier.externalIds.netSuite', 'lines.0.quantity', 'lines.0.unitPrice', 'notes'] },
	'netSuite Shipment': { keeps: ['shipDate', 'trackingNumbers.0', 'lines.0.item.externalIds.netSuite', 'lines.0.quantityShipped'] },
	'netSuite Invoice': { keeps: ['customer.externalIds.netSuite', 'date', 'dueDate', 'poNumber', 'lines.1.quantity', 'lines.1.unitPrice', 'notes'] },
	'netSuite CreditMemo': { keeps: ['customer.externalIds.netSuite', 'date', 'lines.0.quantity', 'lines.0.unitPrice', 'notes'] },
	'netSuite Payment': { keeps: ['party.externalIds.netSuite', 'date', 'amount', 'applications.0.document.externalIds.netSuite', 'applications.0.amount'] },

	'businessCentral Customer': { keeps: ['name', 'code', 'email', 'phone', 'addresses.0.line1', 'addresses.0.city', 'addresses.0.postalCode', 'addresses.0.country'] },
	'businessCentral Supplier': { keeps: ['name', 'code', 'email', 'addresses.0.city', 'addresses.0.region'] },
	'businessCentral Item': { keeps: ['sku', 'name', 'kind', 'unitOfMeasure', 'price', 'cost', 'gtin', 'active'] },
	'businessCentral InventoryLevel': { keeps: ['item.externalIds.businessCentral', 'item.sku'] },
	'businessCentral SalesOrder': { keeps: ['poNumber', 'orderDate', 'currency', 'customer.externalIds.businessCentral', 'shipTo.city', 'lines.0.quantity', 'lines.0.unitPrice'] },
	'businessCentral PurchaseOrder': { keeps: ['orderDate', 'supplier.externalIds.businessCentral', 'lines.0.quantity', 'lines.0.unitCost'] },
	'businessCentral Shipment': { keeps: ['number', 'orderNumber'] },
	'businessCentral Invoice': { keeps: ['customer.externalIds.businessCentral', 'date', 'dueDate', 'poNumber', 'lines.0.quantity', 'lines.0.unitPrice'] },
	'businessCentral CreditMemo': { keeps: ['customer.externalIds.businessCentral', 'date', 'invoice.externalIds.businessCentral', 'lines.0.quantity'] },
	'businessCentral Payment': { keeps: ['party.externalIds.businessCentral', 'date', 'amount', 'reference', 'applications.0.document.externalIds.businessCentral'] },

	'sageIntacct Customer': { keeps: ['name', 'code', 'status', 'email', 'phone', 'currency', 'paymentTerms', 'addresses.0.line1', 'addresses.0.postalCode'] },
	'sageIntacct Supplier': { keeps: ['name', 'code', 'email', 'paymentTerms', 'addresses.0.city'] },
	'sageIntacct Item': { keeps: ['sku', 'name', 'description', 'kind', 'unitOfMeasure', 'price', 'cost', 'gtin', 'active'] },
	'sageIntacct InventoryLevel': { keeps: ['item.sku', 'location.code'] },
	'sageIntacct SalesOrder': { keeps: ['customer.code', 'poNumber', 'currency', 'lines.0.item.sku', 'lines.0.quantity', 'lines.0.unitOfMeasure', 'lines.0.unitPrice'] },
	'sageIntacct PurchaseOrder': { keeps: ['supplier.code', 'currency', 'lines.0.item.sku', 'lines.0.quantity', 'lines.0.unitPrice'] },
	'sageIntacct Shipment': { keeps: ['orderNumber', 'lines.0.item.sku', 'lines.0.quantityShipped'] },
	'sageIntacct Invoice': { keeps: ['number', 'customer.code', 'date', 'dueDate', 'lines.0.amount', 'lines.1.amount'] },
	'sageIntacct CreditMemo': { keeps: ['number', 'customer.code', 'date', 'lines.0.amount', 'reason'] },
	'sageIntacct Payment': { keeps: ['party.code', 'date', 'method', 'reference', 'applications.0.amount'], derived: ['amount'] },

	'connectWisePsa Customer': { keeps: ['name', 'code', 'phone', 'website', 'taxId', 'addresses.0.line1', 'addresses.0.line2', 'addresses.0.country', 'parent.externalIds.connectWisePsa'] },
	'connectWisePsa Supplier': { keeps: ['name', 'code', 'phone', 'addresses.0.city'] },
	'connectWisePsa Project': { keeps: ['name', 'customer.externalIds.connectWisePsa', 'startDate', 'endDate', 'billingMethod', 'budgetHours', 'budgetAmount', 'poNumber'] },
	'connectWisePsa TimeEntry': { keeps: ['worker.externalIds.connectWisePsa', 'workItem.kind', 'workItem.externalIds.connectWisePsa', 'start', 'end', 'hours', 'billable', 'rate', 'notes'] },
	'connectWisePsa Expense': { keeps: ['worker.externalIds.connectWisePsa', 'workItem.kind', 'date', 'amount', 'billable', 'notes'] },
	'connectWisePsa Agreement': { keeps: ['name', 'customer.externalIds.connectWisePsa', 'plan.externalIds.connectWisePsa', 'startDate', 'endDate', 'amount', 'poNumber'] },
	'connectWisePsa Invoice': { keeps: ['customer.externalIds.connectWisePsa', 'date', 'dueDate', 'poNumber', 'project.externalIds.connectWisePsa'] },

	'autotaskPsa Customer': { keeps: ['name', 'code', 'status', 'phone', 'website', 'taxId', 'addresses.0.line1', 'addresses.0.postalCode'] },
	'autotaskPsa Project': { keeps: ['name', 'customer.externalIds.autotaskPsa', 'status', 'startDate', 'budgetHours', 'poNumber'] },
	'autotaskPsa TimeEntry': { keeps: ['worker.externalIds.autotaskPsa', 'workItem.externalIds.autotaskPsa', 'agreement.externalIds.autotaskPsa', 'start', 'hours', 'billable'] },
	'autotaskPsa Expense': { keeps: ['customer.externalIds.autotaskPsa', 'date', 'amount', 'billable', 'reimbursable'] },
	'autotaskPsa Agreement': { keeps: ['name', 'customer.externalIds.autotaskPsa', 'status', 'startDate', 'amount', 'poNumber'] },
	'autotaskPsa Invoice': { keeps: ['customer.externalIds.autotaskPsa', 'poNumber', 'notes'] },

	'haloPsa Customer': { keeps: ['externalIds.haloPsa', 'name', 'status', 'email', 'phone', 'website', 'parent.externalIds.haloPsa'] },
	'haloPsa Project': { keeps: ['name', 'customer.externalIds.haloPsa', 'status', 'startDate', 'budgetHours', 'budgetAmount', 'description'] },
	'haloPsa TimeEntry': { keeps: ['worker.externalIds.haloPsa', 'workItem.externalIds.haloPsa', 'start', 'end', 'hours', 'billable', 'billableHours', 'workType'] },
	'haloPsa Expense': { keeps: ['workItem.externalIds.haloPsa', 'date', 'amount', 'billable', 'notes'] },
	'haloPsa Agreement': { keeps: ['name', 'customer.externalIds.haloPsa', 'status', 'startDate', 'billingInterval.unit', 'billingInterval.count', 'amount'] },
	'haloPsa Invoice': { keeps: ['number', 'customer.externalIds.haloPsa', 'date', 'dueDate', 'lines.0.item.sku', 'lines.0.quantity', 'lines.0.unitPrice', 'poNumber'], derived: ['status'] },

	'shipHero Item': { keeps: ['sku', 'name', 'kind', 'gtin', 'weight.value'] },
	'shipHero InventoryLevel': { keeps: ['item.sku', 'location.externalIds.shipHero'] },
	'shipHero SalesOrder': { keeps: ['number', 'poNumber', 'status', 'orderDate', 'shipTo.line1', 'shipTo.postalCode', 'lines.0.item.sku', 'lines.0.quantity', 'lines.0.unitPrice', 'totals.total', 'shippingMethod'] },
	'shipHero PurchaseOrder': { keeps: ['number', 'orderDate', 'supplier.externalIds.shipHero', 'lines.0.item.sku', 'lines.0.item.supplierSku', 'lines.0.quantity', 'lines.0.unitCost', 'totals.total'] },
	'shipHero Shipment': { keeps: ['order.externalIds.shipHero', 'lines.0.quantityShipped'] },

	'extensiv Item': { keeps: ['sku', 'name', 'description', 'gtin', 'price', 'cost'] },
	'extensiv InventoryLevel': { keeps: ['item.sku', 'location.externalIds.extensiv', 'onHand', 'available', 'committed'] },
	'extensiv SalesOrder': { keeps: ['number', 'poNumber', 'customer.externalIds.extensiv', 'shipTo.line1', 'shipTo.postalCode', 'shippingMethod', 'lines.0.item.sku', 'lines.0.quantity'] },
	'extensiv PurchaseOrder': { keeps: ['number', 'expectedDate', 'supplier.externalIds.extensiv', 'lines.0.item.sku', 'lines.0.quantity'] },
	'extensiv Shipment': { keeps: ['number', 'carrier', 'service', 'trackingNumbers.0'], derived: ['status'] },

	'chargebeeBilling Customer': { keeps: ['externalIds.chargebeeBilling', 'name', 'email', 'paymentTerms', 'currency', 'addresses.0.city', 'contacts.0.firstName'] },
	'chargebeeBilling Agreement': { keeps: ['externalIds.chargebeeBilling', 'poNumber', 'lines.0.item.externalIds.chargebeeBilling', 'lines.1.quantity', 'lines.1.unitPrice'] },
	'chargebeeBilling Invoice': { keeps: ['customer.externalIds.chargebeeBilling', 'agreement.externalIds.chargebeeBilling', 'currency', 'poNumber'] },
	'chargebeeBilling CreditMemo': { keeps: ['customer.externalIds.chargebeeBilling', 'invoice.code', 'date', 'reason', 'totals.total'] },
	'chargebeeBilling UsageRecord': { keeps: ['agreement.externalIds.chargebeeBilling', 'metric', 'quantity', 'timestamp', 'idempotencyKey'] },
	'chargebeeBilling Payment': { keeps: ['date', 'amount', 'method'], readBack: (b: Any) => ({ ...b.transaction, type: 'payment' }) },

	'stripe Customer': { keeps: ['name', 'code', 'email', 'phone', 'addresses.0.line1', 'addresses.0.postalCode', 'addresses.0.country'] },
	'stripe Invoice': {
		keeps: ['customer.externalIds.stripe', 'currency', 'dueDate', 'lines.0.item.externalIds.stripe', 'lines.0.quantity', 'notes'],
		readBack: (b: Any) => ({
			...b.invoice,
			lines: { data: b.items.map((i: Any) => ({ description: i.description, quantity: i.quantity, pricing: { price_details: { price: i.pricing?.price } } })) },
		}),
		derived: ['lines.0.externalIds.stripe'],
	},
	'stripe CreditMemo': { keeps: ['invoice.externalIds.stripe', 'currency', 'lines.0.description', 'notes'], readBack: (b: Any) => ({ ...b, lines: { data: b.lines } }), derived: ['lines.0.externalIds.stripe'] },
	'stripe Agreement': {
		keeps: ['customer.externalIds.stripe', 'plan.externalIds.stripe', 'lines.0.quantity', 'notes'],
		readBack: (b: Any) => ({ ...b, items: { data: b.items.map((i: Any) => ({ quantity: i.quantity, price: { id: i.price } })) } }),
		derived: ['lines.0.externalIds.stripe'],
	},
	'stripe UsageRecord': { keeps: ['customer.externalIds.stripe', 'metric', 'quantity', 'timestamp', 'idempotencyKey'] },

	'x12 PurchaseOrder': { keeps: ['number', 'orderDate', 'requestedDate', 'shipTo.city', 'shippingMethod', 'lines.0.quantity', 'lines.0.unitPrice', 'lines.0.item.supplierSku', 'lines.5.quantity', 'totals.total'] },
	'x12 OrderAck': { keeps: ['orderNumber', 'ackDate', 'status', 'lines.0.status', 'lines.0.quantityAcknowledged', 'lines.0.item.gtin', 'lines.3.scheduledDate'] },
	'x12 Shipment': { keeps: ['number', 'shipDate', 'carrier', 'trackingNumbers.0', 'shipFrom.city', 'lines.0.item.gtin', 'lines.0.quantityShipped', 'lines.1.orderNumber'] },
	'x12 Invoice': { keeps: ['number', 'date', 'poNumber', 'customer.name', 'billTo.city', 'shipTo.postalCode', 'paymentTerms', 'lines.6.quantity', 'lines.6.unitPrice', 'totals.total'] },
};

/** Read-only pairs: the system reads them, but writes nothing of that type. */
const READ_ONLY = ['stripe Payment', 'x12 SalesOrder'];

function leaves(value: unknown, path = '', out: Record<string, unknown> = {}): Record<string, unknown> {
	if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}.${i}`, out));
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
	else out[path] = value;
	return out;
}

describe('round trip of every system/entity pair through the registry', () => {
	const pairs = mappingRegistry.pairs();

	it('covers every pair the registry offers, and every pair has a fixture and a case', () => {
		expect(pairs.length).toBe(Object.keys(CASES).length + READ_ONLY.length);
		for (const { system, type } of pairs) {
			expect(FIXTURES[system]?.[type]).toBeDefined();
			expect(Object.hasOwn(CASES, `${system} ${type}`) || READ_ONLY.includes(`${system} ${type}`)).toBe(true);
		}
	});

	it.each(pairs.filter((pair) => pair.fromCanonical).map((pair) => [`${pair.system} ${pair.type}`, pair.system, pair.type] as const))(
		'%s: to canonical and back keeps the declared fields and alters none',
		(key, system, type) => {
			const spec = CASES[key];
			const first = mappingRegistry.toCanonical(system, type, FIXTURES[system][type]);
			expect(isCanonical(first, type)).toBe(true);
			const body = mappingRegistry.fromCanonical(system, type, first);
			const again = mappingRegistry.toCanonical(system, type, spec.readBack ? spec.readBack(body) : body);
			const a = leaves(first);
			const b = leaves(again);
			for (const path of spec.keeps) {
				expect([path, a[path]]).not.toEqual([path, undefined]);
				expect([path, b[path]]).toEqual([path, a[path]]);
			}
			// Nothing the second reading has may differ from the first (the record's own id and source come from the vendor on write).
			const own = new RegExp(`^(source\\.|externalIds\\.${system.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$)`);
			const altered = Object.keys(b).filter((path) => path in a && !own.test(path) && !(spec.derived ?? []).includes(path) && b[path] !== a[path]);
			expect(altered.map((path) => `${path}: ${String(a[path])} → ${String(b[path])}`)).toEqual([]);
		},
	);

	it.each(READ_ONLY.map((key) => key.split(' ') as [string, string]))('%s %s is read only: it maps to canonical, and writing it says so', (system, type) => {
		const canonical = mappingRegistry.toCanonical(system, type, FIXTURES[system][type]);
		expect(isCanonical(canonical, type as never)).toBe(true);
		expect(mappingRegistry.types(system, 'fromCanonical')).not.toContain(type);
		expect(() => mappingRegistry.fromCanonical(system, type, canonical)).toThrow(expect.objectContaining({ code: 'READ_ONLY' }));
	});

	it('X12 reads a Parse item with its partner ids and writes the body Generate takes', () => {
		const po = mappingRegistry.toCanonical('x12', 'PurchaseOrder', FIXTURES.x12.PurchaseOrder) as Any;
		expect(po).toMatchObject({ type: 'PurchaseOrder', number: '08292233294', orderDate: '2010-11-27' });
		expect(Object.keys(po.externalIds)[0]).toMatch(/^x12:/);
		const body = mappingRegistry.fromCanonical('x12', 'PurchaseOrder', po) as Any;
		expect(body).toMatchObject({ transactionSet: '850', functionalId: 'PO' });
		expect(body.segments[0]).toEqual({ id: 'BEG', elements: expect.arrayContaining(['08292233294']) });
		expect(() => mappingRegistry.toCanonical('x12', 'Invoice', FIXTURES.x12.PurchaseOrder)).toThrow(/is an X12 850, not an 810/);
		expect(() => mappingRegistry.toCanonical('x12', 'Invoice', { transactionSet: '810' })).toThrow(MappingError);
	});
});
