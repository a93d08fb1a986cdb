import type { ResourceMapperField } from 'n8n-workflow';

import { MappingError, MappingRegistry } from '../../nodes/common/canonical/registry';
import { CANONICAL_TYPES } from '../../nodes/common/canonical';
import { canonicalTargetFields, leafFields, systemTargetFields } from '../../nodes/RecordMapper/core/fields';
import { mappingRegistry } from '../../nodes/RecordMapper/core/systems';
import { RecordMapper } from '../../nodes/RecordMapper/RecordMapper.node';
import { createLoadOptionsContext } from '../helpers/fakeContext';

const node = new RecordMapper();

describe('the registry of registries', () => {
	it('holds every system under its externalIds key, X12 included for its one-record sets', () => {
		expect(mappingRegistry.systems().map((s) => s.key).sort()).toEqual(
			['autotaskPsa', 'businessCentral', 'chargebeeBilling', 'connectWisePsa', 'extensiv', 'haloPsa', 'netSuite', 'sageIntacct', 'shipHero', 'stripe', 'x12'].sort(),
		);
		expect(mappingRegistry.types('x12')).toEqual(['SalesOrder', 'PurchaseOrder', 'OrderAck', 'Shipment', 'Invoice']);
		expect(mappingRegistry.types('x12', 'fromCanonical')).toEqual(['PurchaseOrder', 'OrderAck', 'Shipment', 'Invoice']);
		expect(mappingRegistry.types('stripe', 'fromCanonical')).not.toContain('Payment');
		expect(mappingRegistry.pairs()).toHaveLength(76);
		for (const { type } of mappingRegistry.pairs()) expect(CANONICAL_TYPES).toContain(type);
	});

	it('explains what is missing: unknown system, unsupported type, type mismatch, failing mapping', () => {
		expect(() => mappingRegistry.system('sap')).toThrow(expect.objectContaining({ code: 'UNKNOWN_SYSTEM', hint: expect.stringContaining('netSuite') }));
		expect(() => mappingRegistry.mapping('shipHero', 'Invoice')).toThrow(expect.objectContaining({ message: 'ShipHero has no mapping for Invoice', hint: 'ShipHero maps: Item, InventoryLevel, SalesOrder, PurchaseOrder, Shipment' }));
		expect(() => mappingRegistry.fromCanonical('netSuite', 'Customer', { type: 'Supplier', name: 'x', externalIds: {} })).toThrow('The record is a Supplier, not a Customer');
		expect(() => mappingRegistry.toCanonical('netSuite', 'Customer', 'text')).toThrow(expect.objectContaining({ code: 'NOT_A_RECORD' }));
		const registry = new MappingRegistry([{ key: 'broken', displayName: 'Broken', mappings: { Customer: { resource: 'c', toCanonical: () => { throw new Error('bad date'); } } } }]);
		expect(() => registry.toCanonical('broken', 'Customer', {})).toThrow(expect.objectContaining({ message: 'Mapping Broken record → canonical Customer failed: bad date', code: 'MAPPING_FAILED' }));
		expect(() => registry.toCanonical('broken', 'Customer', {})).toThrow(MappingError);
		expect(() => new MappingRegistry([{ key: 'a', displayName: 'A', mappings: {} }, { key: 'a', displayName: 'A', mappings: {} }])).toThrow('System "a" is registered twice');
	});

	it('takes a canonical record without type or externalIds as the chosen type', () => {
		expect(mappingRegistry.fromCanonical('connectWisePsa', 'Customer', { name: 'Acme', code: 'ACME' })).toEqual({ identifier: 'ACME', name: 'Acme' });
	});
});

describe('fields for Field Overrides', () => {
	it('lists a canonical type’s fields with types, enumerations as options', () => {
		const fields = canonicalTargetFields('SalesOrder');
		const byPath = Object.fromEntries(fields.map((f) => [f.path, f]));
		expect(byPath['customer.code'].type).toBe('string');
		expect(byPath['lines.*.unitOfMeasure'].type).toBe('string');
		expect(byPath['lines'].type).toBe('array');
		expect(byPath['status'].options?.map((o) => o.value)).toEqual(['draft', 'open', 'partially_fulfilled', 'fulfilled', 'closed', 'cancelled']);
		expect(canonicalTargetFields('Agreement').find((f) => f.path === 'billingInterval.count')?.type).toBe('number');
	});

	it('lists what a system writes, read from its mapping of a complete sample', () => {
		const paths = systemTargetFields('netSuite', 'SalesOrder').map((f) => f.path);
		expect(paths).toEqual(expect.arrayContaining(['entity.id', 'tranDate', 'otherRefNum', 'item.items', 'item.items.*.quantity', 'item.items.*.rate']));
		expect(systemTargetFields('netSuite', 'SalesOrder').find((f) => f.path === 'item.items.*.quantity')?.type).toBe('number');
		expect(systemTargetFields('stripe', 'Payment')).toEqual([]);
		for (const { system, type, fromCanonical } of mappingRegistry.pairs()) {
			if (fromCanonical) expect([system, type, systemTargetFields(system, type).length > 0]).toEqual([system, type, true]);
		}
		expect(leafFields({ a: { b: 1, c: [{ d: true }, { e: 'x' }] }, f: [] }).map((f) => `${f.path}:${f.type}`)).toEqual(['a.b:number', 'a.c:array', 'a.c.*.d:boolean', 'a.c.*.e:string', 'f:array']);
	});

	it('answers the editor: types per system and direction, resource mapper fields', async () => {
		const ctx = (parameters: Record<string, unknown>) => createLoadOptionsContext({ parameters: parameters as never });
		const types = await node.methods.loadOptions.getWritableTypes.call(ctx({ system: 'stripe' }));
		expect(types.map((t) => t.value)).toEqual(['Customer', 'Invoice', 'CreditMemo', 'Agreement', 'UsageRecord']);
		expect((await node.methods.loadOptions.getReadableTypes.call(ctx({ system: 'stripe' }))).map((t) => t.value)).toContain('Payment');
		const canonical = await node.methods.resourceMapping.getCanonicalFields.call(ctx({ system: 'connectWisePsa', canonicalType: 'Customer' }));
		const field = canonical.fields.find((f: ResourceMapperField) => f.id === 'addresses.*.city');
		expect(field).toEqual({ id: 'addresses.*.city', displayName: 'addresses.*.city', required: false, defaultMatch: false, canBeUsedToMatch: false, display: true, type: 'string' });
		const system = await node.methods.resourceMapping.getSystemFields.call(ctx({ system: 'connectWisePsa', canonicalType: 'Customer' }));
		expect(system.fields.map((f: ResourceMapperField) => f.id)).toEqual(expect.arrayContaining(['identifier', 'name', 'country.identifier', 'parentCompany.id']));
		const none = await node.methods.resourceMapping.getSystemFields.call(ctx({ system: 'shipHero', canonicalType: 'Invoice' }));
		expect(none).toEqual({ fields: [], emptyFieldsNotice: 'Pick a system and a canonical type it maps first' });
	});
});
