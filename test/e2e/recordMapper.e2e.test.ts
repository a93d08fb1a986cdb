/**
 * The Record Mapper in a real n8n with the file state store: a ConnectWise company becomes a canonical
 * Customer (payment terms through a value map), a cross-reference links it to a NetSuite customer ID;
 * later a NetSuite event is looked up by the NetSuite ID (a miss goes to the Not Found output) and the
 * canonical customer is mapped to a NetSuite body with field overrides and a value-map translation.
 */
import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { stableId } from '../../cli/workflows';
import { useN8n } from './harness';

const PKG = 'n8n-nodes-erp-interop';
const MAPPER = `${PKG}.recordMapper`;
const store: CredentialJson = { id: stableId('credential:e2e-mapper-store'), name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } };
const storeRef = { interopStateStore: { id: store.id, name: store.name } };

type Node = WorkflowJson['nodes'][number];
const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number, extra: Partial<Node> = {}): Node => ({
	id: stableId(`node:mapper:${name}`),
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});
const mapper = (name: string, parameters: Record<string, unknown>, x: number) => node(name, MAPPER, 1, parameters, x, { credentials: storeRef });
const link = (to: string, index = 0) => ({ node: to, type: 'main', index });
const overrides = (value: Record<string, unknown>) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false });

/** A ConnectWise company as GET /company/companies/250 returns it. */
const COMPANY = {
	id: 250,
	identifier: 'HARBOR',
	name: 'Harbor Dental Group',
	status: { id: 1, name: 'Active' },
	addressLine1: '12 Bay St',
	city: 'Tampa',
	state: 'FL',
	zip: '33602',
	country: { id: 1, identifier: 'US', name: 'United States' },
	phoneNumber: '813-555-0199',
	website: 'https://harbordental.example',
	billingTerms: { id: 2, name: 'Net 30' },
	_info: { lastUpdated: '2026-03-01T09:00:00Z' },
};

const TERMS = [
	{ fromSystem: 'connectWisePsa', fromValue: 'Net 30', toSystem: 'canonical', toValue: 'NET30' },
	{ fromSystem: 'connectWisePsa', fromValue: 'Net 45', toSystem: 'canonical', toValue: 'NET45' },
	{ fromSystem: 'netSuite', fromValue: '2', toSystem: 'canonical', toValue: 'NET30' },
	{ fromSystem: 'netSuite', fromValue: '3', toSystem: 'canonical', toValue: 'NET45' },
];

const workflow: WorkflowJson = {
	id: 'e2eRecordMapper1',
	name: 'E2E record mapper',
	active: false,
	nodes: [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		mapper('Seed Terms', { resource: 'valueMap', operation: 'set', rowsFrom: 'json', mapName: 'payment-terms', rows: JSON.stringify(TERMS), replace: true }, 200),
		node('ConnectWise Company', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify(COMPANY), options: {} }, 400),
		mapper(
			'To Canonical',
			{
				resource: 'record',
				operation: 'toCanonical',
				system: 'connectWisePsa',
				canonicalType: 'Customer',
				record: '={{ $json }}',
				overrides: overrides({}),
				valueMaps: { rules: [{ field: 'paymentTerms', map: 'payment-terms' }] },
				unknownValue: 'fail',
				enrich: {},
				options: {},
			},
			600,
		),
		mapper(
			'Link NetSuite Customer',
			{
				resource: 'crossReference',
				operation: 'upsert',
				table: 'customers',
				idsSource: 'fields',
				ids: { pairs: [{ system: 'netSuite', id: '412' }] },
				options: { includeExternalIds: true, label: '={{ $json.name }}' },
			},
			800,
		),
		node('NetSuite Events', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ events: [{ customerId: '412' }, { customerId: '999' }] }), options: {} }, 1000),
		node('Split Events', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'events', options: {} }, 1200),
		mapper(
			'Lookup by NetSuite ID',
			{ resource: 'crossReference', operation: 'lookup', table: 'customers', lookupSystem: 'netSuite', lookupId: '={{ $json.customerId }}', notFound: 'output', resultField: '_xref' },
			1400,
		),
		mapper(
			'To NetSuite',
			{
				resource: 'record',
				operation: 'fromCanonical',
				system: 'netSuite',
				canonicalType: 'Customer',
				record: "={{ $('To Canonical').item.json }}",
				overrides: overrides({
					'terms.id': "={{ $('To Canonical').item.json.paymentTerms }}",
					'subsidiary.id': '1',
					externalId: "={{ 'CW-' + $json._xref.ids.connectWisePsa }}",
				}),
				valueMaps: { rules: [{ field: 'terms.id', map: 'payment-terms' }] },
				unknownValue: 'fail',
				enrich: { rules: [{ table: 'customers', paths: '.' }] },
				options: { resultField: 'netSuiteBody' },
			},
			1600,
		),
		node('Create Missing', 'n8n-nodes-base.noOp', 1, {}, 1600, { position: [1600, 200] }),
	],
	connections: {
		Start: { main: [[link('Seed Terms')]] },
		'Seed Terms': { main: [[link('ConnectWise Company')]] },
		'ConnectWise Company': { main: [[link('To Canonical')]] },
		'To Canonical': { main: [[link('Link NetSuite Customer')]] },
		'Link NetSuite Customer': { main: [[link('NetSuite Events')]] },
		'NetSuite Events': { main: [[link('Split Events')]] },
		'Split Events': { main: [[link('Lookup by NetSuite ID')]] },
		'Lookup by NetSuite ID': { main: [[link('To NetSuite')], [link('Create Missing')]] },
	},
	settings: { executionOrder: 'v1' },
};

describe('Record Mapper in a real n8n', () => {
	const n8n = useN8n(() => ({ credentials: [store], workflows: [workflow] }));

	it('maps a ConnectWise company to canonical, links it to NetSuite, finds it by the NetSuite ID and maps it to a NetSuite body', async () => {
		const first = await n8n().execute(workflow.id!);
		expect(first.error).toBeUndefined();

		expect(nodeItems(first, 'Seed Terms')).toEqual([{ map: 'payment-terms', added: 4, updated: 0, unchanged: 0, removed: 0, total: 4 }]);
		const [customer] = nodeItems(first, 'To Canonical');
		expect(customer).toMatchObject({
			type: 'Customer',
			externalIds: { connectWisePsa: '250' },
			source: { system: 'connectWisePsa', id: '250', updatedAt: '2026-03-01T09:00:00Z' },
			name: 'Harbor Dental Group',
			code: 'HARBOR',
			status: 'active',
			paymentTerms: 'NET30',
			addresses: [{ type: 'billing', line1: '12 Bay St', city: 'Tampa', region: 'FL', postalCode: '33602', country: 'US' }],
		});

		const [linked] = nodeItems(first, 'Link NetSuite Customer');
		expect(linked).toMatchObject({ table: 'customers', ids: { connectWisePsa: '250', netSuite: '412' }, label: 'Harbor Dental Group', created: true, changed: true });

		const found = nodeItems(first, 'Lookup by NetSuite ID', { output: 0 });
		expect(found).toEqual([{ customerId: '412', _xref: expect.objectContaining({ table: 'customers', id: linked.id, ids: { connectWisePsa: '250', netSuite: '412' } }) }]);
		expect(nodeItems(first, 'Lookup by NetSuite ID', { output: 1 })).toEqual([{ customerId: '999', _xref: null }]);
		expect(nodeItems(first, 'Create Missing')).toEqual([{ customerId: '999', _xref: null }]);

		const [mapped] = nodeItems(first, 'To NetSuite');
		expect(mapped.customerId).toBe('412');
		expect(mapped.netSuiteBody).toEqual({
			companyName: 'Harbor Dental Group',
			entityId: 'HARBOR',
			isInactive: false,
			phone: '813-555-0199',
			url: 'https://harbordental.example',
			// Overrides: the canonical terms translated canonical → NetSuite by the value map, a fixed subsidiary, an ID from the cross-reference.
			terms: { id: '2' },
			subsidiary: { id: '1' },
			externalId: 'CW-250',
		});

		// Run again: the link is already there, nothing changes.
		const second = await n8n().execute(workflow.id!);
		expect(second.error).toBeUndefined();
		expect(nodeItems(second, 'Seed Terms')).toEqual([{ map: 'payment-terms', added: 0, updated: 0, unchanged: 4, removed: 0, total: 4 }]);
		expect(nodeItems(second, 'Link NetSuite Customer')[0]).toMatchObject({ id: linked.id, created: false, changed: false });
		expect(nodeItems(second, 'To NetSuite')[0].netSuiteBody).toEqual(mapped.netSuiteBody);
	});
});
