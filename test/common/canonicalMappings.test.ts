import type { CanonicalType, SystemMappings } from '../../nodes/common/canonical';
import { autotaskMappings } from '../../nodes/AutotaskPsa/mapping';
import { businessCentralMappings } from '../../nodes/BusinessCentral/mapping';
import { chargebeeBillingMappings } from '../../nodes/ChargebeeBilling/mapping';
import { connectWisePsaMappings } from '../../nodes/ConnectWisePsa/mapping';
import { extensivMappings } from '../../nodes/Extensiv/mapping';
import { haloPsaMappings } from '../../nodes/HaloPsa/mapping';
import { netSuiteMappings } from '../../nodes/NetSuite/mapping';
import { sageIntacctMappings } from '../../nodes/SageIntacct/mapping';
import { shipHeroMappings } from '../../nodes/ShipHero/mapping';
import { stripeMappings } from '../../nodes/StripeBilling/mapping';

// Assigning to SystemMappings is the check that every system exports the one shared shape.
const SYSTEMS: Record<string, SystemMappings> = {
	connectwise: connectWisePsaMappings,
	autotask: autotaskMappings,
	halopsa: haloPsaMappings,
	netsuite: netSuiteMappings,
	intacct: sageIntacctMappings,
	businesscentral: businessCentralMappings,
	shiphero: shipHeroMappings,
	extensiv: extensivMappings,
	chargebee: chargebeeBillingMappings,
	stripe: stripeMappings,
};

const covers = (mappings: SystemMappings, types: CanonicalType[]) => types.filter((type) => !mappings[type]);

describe('canonical mappings of every system', () => {
	/** Types a system only reads (a payment is recorded by the payment provider, not created from canonical data). */
	const READ_ONLY = ['stripe:Payment'];

	it.each(Object.entries(SYSTEMS))('%s: every entry names a resource and maps both ways', (system, mappings) => {
		expect(Object.keys(mappings).length).toBeGreaterThan(0);
		for (const [type, mapping] of Object.entries(mappings)) {
			expect(typeof mapping?.resource).toBe('string');
			expect(typeof mapping?.toCanonical).toBe('function');
			expect(typeof mapping?.fromCanonical).toBe(READ_ONLY.includes(`${system}:${type}`) ? 'undefined' : 'function');
		}
	});

	it('the three PSAs map the same types, so a template switches PSA by switching one node', () => {
		const psa: CanonicalType[] = ['Customer', 'Project', 'TimeEntry', 'Expense', 'Agreement', 'Invoice'];
		expect(covers(connectWisePsaMappings, psa)).toEqual([]);
		expect(covers(autotaskMappings, psa)).toEqual([]);
		expect(covers(haloPsaMappings, psa)).toEqual([]);
	});

	it('the ERPs map the types the templates need', () => {
		const erp: CanonicalType[] = ['Customer', 'Supplier', 'Item', 'InventoryLevel', 'SalesOrder', 'PurchaseOrder', 'Shipment', 'Invoice', 'CreditMemo', 'Payment'];
		expect(covers(netSuiteMappings, erp)).toEqual([]);
		expect(covers(sageIntacctMappings, erp)).toEqual([]);
		expect(covers(businessCentralMappings, erp)).toEqual([]);
	});

	it('WMS and billing systems map their types', () => {
		expect(covers(shipHeroMappings, ['Item', 'InventoryLevel', 'SalesOrder', 'Shipment', 'PurchaseOrder'])).toEqual([]);
		expect(covers(extensivMappings, ['Item', 'InventoryLevel', 'SalesOrder', 'Shipment', 'PurchaseOrder'])).toEqual([]);
		expect(covers(chargebeeBillingMappings, ['Customer', 'Agreement', 'Invoice', 'CreditMemo', 'UsageRecord', 'Payment'])).toEqual([]);
		expect(covers(stripeMappings, ['Customer', 'Agreement', 'Invoice', 'CreditMemo', 'UsageRecord', 'Payment'])).toEqual([]);
	});

	it('ConnectWise company ↔ Customer round-trips the fields it maps', () => {
		const customer = connectWisePsaMappings.Customer!.toCanonical({
			id: 19,
			identifier: 'ACME',
			name: 'Acme Corp',
			addressLine1: '1 Main St',
			city: 'Springfield',
			state: 'IL',
			zip: '62701',
			country: { identifier: 'US' },
		});
		expect(customer).toMatchObject({ type: 'Customer', name: 'Acme Corp', code: 'ACME' });
		expect(connectWisePsaMappings.Customer!.fromCanonical!(customer)).toMatchObject({
			identifier: 'ACME',
			name: 'Acme Corp',
			addressLine1: '1 Main St',
			city: 'Springfield',
			state: 'IL',
			zip: '62701',
			country: { identifier: 'US' },
		});
	});
});
