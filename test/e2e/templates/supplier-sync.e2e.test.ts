/**
 * workflows/supplier-sync.json in a real n8n against the NetSuite sandbox, as shipped (with the
 * exception-handling template beside it): a supplier posts an 832 → a 997 comes back and the vendor and
 * every item exist once in NetSuite; the same catalog again (new envelope, or the identical file) writes
 * nothing; a changed price writes one item; an item NetSuite refuses (503 on its record only) ends in the
 * Exception Queue, and a replay after the fault clears creates it exactly once.
 */
import { buildInterchange, elementValue, parseX12, segment, type Segment } from '../../../nodes/X12/core';
import type { CredentialJson } from '../../../cli/runtime';
import { sandboxCredentials } from '../../../cli/sandboxCredentials';
import { stableId } from '../../../cli/workflows';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { useN8n } from '../harness';
import { executionIds, nextExecution, queueInspector, queueItems, replayCaller, storeCredential, templates } from './helpers';

const SUPPLIER = { qualifier: 'ZZ', id: 'ACMESUPPLY' };
const US = { qualifier: 'ZZ', id: 'DISTRIBDEMO' };
const SUPPLIER_SYNC_ID = stableId('workflow:supplier-sync');
const PATH = 'supplier-sync/acme/832';

interface CatalogLine {
	sku: string;
	gtin?: string;
	name: string;
	price: string;
}

const CATALOG: CatalogLine[] = [
	{ sku: 'WID-100', gtin: '012345678905', name: 'Blue widget, 10 mm', price: '12.50' },
	{ sku: 'GAD-200', name: 'Gadget XL', price: '99.00' },
	{ sku: 'BOLT-300', gtin: '098765432109', name: 'Hex bolt M8 (box of 100)', price: '7.35' },
];

/** An 832 as a supplier sends it: BCT, DTM, CUR, N1 vendor loop, then LIN/PID/PO4/CTP per item, built with the project's X12 core. */
async function catalog832(controlNumber: number, lines: CatalogLine[]): Promise<string> {
	const body: Segment[] = [
		segment('BCT', 'PC', `ACME-CAT-${controlNumber}`),
		segment('DTM', '007', '20261123'),
		segment('CUR', 'SE', 'USD'),
		segment('N1', 'VN', 'Acme Industrial Supply', '92', 'ACME'),
		...lines.flatMap((line, i) => [
			segment('LIN', String(i + 1), 'SK', line.sku, ...(line.gtin ? ['UP', line.gtin] : [])),
			segment('PID', 'F', '08', '', '', line.name),
			segment('PO4', '1', '1', 'EA'),
			segment('CTP', '', 'WHL', line.price, '1', 'EA'),
		]),
		segment('CTT', String(lines.length)),
	];
	const interchange = await buildInterchange(
		{
			sender: SUPPLIER,
			receiver: US,
			version: '00401',
			controlNumbers: { interchange: controlNumber, group: controlNumber, set: 1 },
			groups: [{ functionalId: 'SC', appSender: SUPPLIER.id, appReceiver: US.id, version: '004010', sets: [{ id: '832', segments: body }] }],
		},
		{ element: '*', component: '>', segment: '~', suffix: '\n' },
	);
	return interchange.text;
}

const partner: CredentialJson = {
	id: stableId('credential:e2e-acme-partner'),
	name: 'X12 Trading Partner (Acme)',
	type: 'x12TradingPartner',
	data: {
		ourIsaQualifier: US.qualifier,
		ourIsaId: US.id,
		theirIsaQualifier: SUPPLIER.qualifier,
		theirIsaId: SUPPLIER.id,
		ourGsId: US.id,
		theirGsId: SUPPLIER.id,
		version: '004010',
		elementSeparator: '*',
		componentSeparator: '>',
		segmentTerminator: '~',
		lineBreak: 'lf',
		usage: 'P',
		ackPolicy: '997',
	},
};

interface NsItem {
	id: string;
	externalId?: string;
	itemId?: string;
	displayName?: string;
	cost?: number;
	upcCode?: string;
	vendor?: unknown;
	lastModifiedDate?: string;
}

let sandbox: RunningSandbox;

describe('supplier-sync template in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ systems: ['netsuite'] });
		const netsuite = sandboxCredentials(sandbox).find((c) => c.type === 'netSuiteTbaApi') as CredentialJson;
		const credentials = [netsuite, storeCredential, partner];
		return {
			credentials,
			workflows: [...templates(['exception-handling', 'supplier-sync'], credentials), queueInspector('ss-e2e-queue', storeCredential), replayCaller('ss-e2e-replay')],
		};
	});
	afterAll(async () => await sandbox?.close());

	const items = () => sandbox.records<NsItem>('netsuite', 'inventoryItem').filter((i) => i.externalId?.startsWith('ACME-'));
	const item = (sku: string) => items().filter((i) => i.externalId === `ACME-${sku}`);
	const vendors = () => sandbox.records<{ externalId?: string; companyName?: string; entityId?: string }>('netsuite', 'vendor').filter((v) => v.externalId === 'SUP-ACME');
	const nsRequests = () => sandbox.stats().systems.netsuite?.requests ?? 0;
	const exceptions = () => queueItems(n8n(), 'ss-e2e-queue', 'supplier-sync');

	/** Posts an 832, checks the 997/TA1 answer, and waits until the run (which goes on after the answer) has finished. */
	async function post(text: string): Promise<{ segments: Segment[]; status: string }> {
		const before = await executionIds(n8n(), SUPPLIER_SYNC_ID);
		const response = await n8n().callWebhook<string>(PATH, { rawBody: text, headers: { 'content-type': 'application/edi-x12' } });
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toMatch(/application\/edi-x12/);
		const run = await nextExecution(n8n(), SUPPLIER_SYNC_ID, before);
		if (run.status !== 'success') {
			// Say where it failed before the assertion on the status does.
			const detail = await n8n().publicApi<{ data?: { resultData?: { error?: { message?: string }; lastNodeExecuted?: string } } }>('GET', `executions/${run.id}?includeData=true`);
			const result = detail.body.data?.resultData;
			process.stderr.write(`supplier-sync run ${run.id} failed at ${result?.lastNodeExecuted}: ${result?.error?.message}\n`);
		}
		const parsed = parseX12(response.text);
		return { segments: parsed.interchanges.flatMap((ic) => ic.segments), status: run.status };
	}
	const ak9 = (segments: Segment[]) => segments.filter((s) => s.id === 'AK9').map((s) => elementValue(s, 1));

	it('acknowledges the 832 and creates the vendor and every item once', async () => {
		const { segments, status } = await post(await catalog832(5001, CATALOG));

		expect(status).toBe('success');
		expect(ak9(segments)).toEqual(['A']);
		const ak1 = segments.find((s) => s.id === 'AK1');
		expect(ak1 && [elementValue(ak1, 1), elementValue(ak1, 2)]).toEqual(['SC', '5001']);
		expect(vendors()).toEqual([expect.objectContaining({ companyName: 'Acme Industrial Supply', entityId: 'ACME' })]);
		expect(items().map((i) => i.externalId).sort()).toEqual(['ACME-BOLT-300', 'ACME-GAD-200', 'ACME-WID-100']);
		const [widget] = item('WID-100');
		expect(widget).toMatchObject({ itemId: 'ACME-WID-100', displayName: 'Blue widget, 10 mm', cost: 12.5, upcCode: '012345678905', vendor: { externalId: 'SUP-ACME' } });
		expect(await exceptions()).toEqual([]);
	});

	it('writes nothing when the same catalog comes again, in a new envelope or as the identical file', async () => {
		const stamps = items().map((i) => i.lastModifiedDate);
		const requests = nsRequests();

		const resent = await post(await catalog832(5002, CATALOG));
		expect(resent.status).toBe('success');
		expect(ak9(resent.segments)).toEqual(['A']);

		const identical = await post(await catalog832(5001, CATALOG));
		expect(identical.status).toBe('success');
		// The interchange control number was accepted before: a TA1 rejects the duplicate.
		const ta1 = identical.segments.find((s) => s.id === 'TA1');
		expect(ta1 && [elementValue(ta1, 1), elementValue(ta1, 4), elementValue(ta1, 5)]).toEqual(['000005001', 'R', '025']);

		expect(nsRequests()).toBe(requests);
		expect(items().map((i) => i.lastModifiedDate)).toEqual(stamps);
		expect(items()).toHaveLength(3);
		expect(vendors()).toHaveLength(1);
	});

	it('writes only the changed item, and queues an item NetSuite refuses instead of failing the run', async () => {
		sandbox.setFaults({ errorRate: 1, errorStatus: 503, errorPathIncludes: 'eid:ACME-NUT-400' }, 'netsuite');
		const untouched = item('GAD-200')[0].lastModifiedDate;
		const changed = CATALOG.map((line) => (line.sku === 'WID-100' ? { ...line, price: '12.95' } : line));

		const { status } = await post(await catalog832(5003, [...changed, { sku: 'NUT-400', name: 'Hex nut M8 (box of 100)', price: '3.10' }]));

		expect(status).toBe('success');
		expect(item('WID-100')[0].cost).toBe(12.95);
		expect(item('GAD-200')[0].lastModifiedDate).toBe(untouched);
		expect(item('NUT-400')).toEqual([]);
		const [queued, ...more] = await exceptions();
		expect(more).toEqual([]);
		expect(queued).toMatchObject({
			key: 'ACME-NUT-400',
			status: 'open',
			attempts: 1,
			errorClass: 'transient',
			system: 'netsuite',
			entity: 'inventoryItem',
			node: 'Upsert Item',
			workflowId: SUPPLIER_SYNC_ID,
		});
		expect(queued.payload.json).toMatchObject({ type: 'Item', sku: 'ACME-NUT-400', supplierSku: 'NUT-400', cost: '3.1', _delta: { status: 'new' } });
	});

	it('creates the refused item exactly once when it is replayed after the fault clears', async () => {
		sandbox.clearFaults('netsuite');

		const response = await n8n().callWebhook<{ status: string; key: string; attempts: number; replays: number }>('ss-e2e-replay', {
			body: { queue: 'supplier-sync', key: 'ACME-NUT-400' },
			timeoutMs: 90_000,
		});

		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ key: 'ACME-NUT-400', status: 'resolved', attempts: 1, replays: 1 });
		expect(item('NUT-400')).toEqual([expect.objectContaining({ itemId: 'ACME-NUT-400', cost: 3.1, vendor: { externalId: 'SUP-ACME' } })]);
		const [exception] = await exceptions();
		expect(exception).toMatchObject({ key: 'ACME-NUT-400', status: 'resolved' });

		// Confirmed by the replay: the same catalog again writes nothing, and a second replay finds nothing open.
		const requests = nsRequests();
		const changed = CATALOG.map((line) => (line.sku === 'WID-100' ? { ...line, price: '12.95' } : line));
		await post(await catalog832(5004, [...changed, { sku: 'NUT-400', name: 'Hex nut M8 (box of 100)', price: '3.10' }]));
		const again = await n8n().callWebhook<{ status: string }>('ss-e2e-replay', { body: { queue: 'supplier-sync', key: 'ACME-NUT-400' } });
		expect(again.body).toMatchObject({ status: 'not-open' });
		expect(nsRequests()).toBe(requests);
		expect(item('NUT-400')).toHaveLength(1);
	});
});
