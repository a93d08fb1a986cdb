/**
 * The Sage Intacct node in a real n8n (packed tarball installed as a community package) against the
 * Intacct sandbox gateway: readByQuery over three readMore pages, the session kept in the
 * credential across executions and renewed once after it expired, a multi-function batch with one
 * failing function, and a wrong user password.
 */
import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type IntacctPlugin, type RunningSandbox } from '../../sandbox';
import { useN8n } from './harness';

const IA = 'n8n-nodes-erp-interop.sageIntacct';
const WRONG_PASSWORD = 'Wr0ng-User-Pa55word';

let sandbox: RunningSandbox;
let good: CredentialJson;

type Node = WorkflowJson['nodes'][number] & { name: string };

function intacctNode(id: string, name: string, parameters: Record<string, unknown>, credential: CredentialJson, x = 220, extra: Partial<Node> = {}): Node {
	return {
		id,
		name,
		type: IA,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: { sageIntacctApi: { id: credential.id, name: credential.name } },
		...extra,
	} as Node;
}

function workflow(id: string, name: string, nodes: Node[]): WorkflowJson {
	const all: Node[] = [{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} } as Node, ...nodes];
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i < all.length - 1; i++) connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

const allCustomers = { resource: 'record', operation: 'getAll', object: 'CUSTOMER', returnAll: true, query: '', options: { fields: 'RECORDNO,CUSTOMERID', pageSize: 100 } };

describe('Sage Intacct in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ systems: ['intacct'], seed: 7 });
		[good] = sandboxCredentials(sandbox).filter((c) => c.type === 'sageIntacctApi');
		const wrong: CredentialJson = { ...good, id: 'iaWrongPassCred1', name: 'Sage Intacct (wrong password)', data: { ...good.data, userPassword: WRONG_PASSWORD } };
		return {
			credentials: [good, wrong],
			workflows: [
				workflow('iaAllCustomers01', 'Intacct all customers', [intacctNode('iaAll-n', 'Intacct', allCustomers, good)]),
				workflow('iaBatchCreate001', 'Intacct batch create', [
					intacctNode('iaB-src', 'Vendors', { resource: 'record', operation: 'getAll', object: 'VENDOR', returnAll: false, limit: 3, query: '', options: { fields: 'RECORDNO,VENDORID' } }, good),
					intacctNode(
						'iaB-n',
						'Intacct',
						{
							resource: 'record',
							operation: 'create',
							object: 'CUSTOMER',
							inputMode: 'fields',
							// Item 1 reuses the seeded CUSTOMERID C-01001: that function fails as a duplicate.
							fields: "={{ JSON.stringify($itemIndex === 1 ? { CUSTOMERID: 'C-01001', NAME: 'Duplicate' } : { CUSTOMERID: 'C-E2E-' + $itemIndex, NAME: 'E2E customer ' + $json.VENDORID }) }}",
							options: { batch: true },
						},
						good,
						440,
						{ onError: 'continueErrorOutput' } as Partial<Node>,
					),
				]),
				workflow('iaWrongPassword1', 'Intacct wrong password', [
					intacctNode('iaW-n', 'Intacct', { resource: 'record', operation: 'get', object: 'CUSTOMER', lookupBy: 'recordNo', key: { __rl: true, mode: 'id', value: '1' }, options: {} }, wrong),
				]),
			],
		};
	});

	afterAll(async () => await sandbox?.close());

	const counters = () => sandbox.plugin<IntacctPlugin>('intacct').counters;

	it('returns every customer exactly once over readByQuery + 2 readMore pages, and reuses the session in the next execution', async () => {
		const expected = sandbox.records<{ RECORDNO: string }>('intacct', 'CUSTOMER').map((r) => r.RECORDNO);
		expect(expected.length).toBeGreaterThan(200);
		expect(expected.length).toBeLessThanOrEqual(300);
		sandbox.resetStats();

		const result = await n8n().execute('iaAllCustomers01');

		expect(result.error).toBeUndefined();
		const ids = nodeItems(result, 'Intacct').map((item) => item.RECORDNO as string);
		expect(ids).toHaveLength(expected.length);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual([...expected].sort());
		// One sign-in plus three pages (readByQuery, readMore, readMore).
		expect(sandbox.stats().systems.intacct.requests).toBe(4);
		const logins = counters().logins;

		// A new execution (a new n8n process) uses the session n8n saved in the credential.
		const again = await n8n().execute('iaAllCustomers01');
		expect(again.error).toBeUndefined();
		expect(nodeItems(again, 'Intacct')).toHaveLength(expected.length);
		expect(counters().logins).toBe(logins);

		// After the session expired: one refusal, one new sign-in, and the run still succeeds.
		sandbox.plugin<IntacctPlugin>('intacct').expireSessions();
		const refusals = counters().sessionRefusals;
		const renewed = await n8n().execute('iaAllCustomers01');
		expect(renewed.error).toBeUndefined();
		expect(nodeItems(renewed, 'Intacct')).toHaveLength(expected.length);
		expect(counters().sessionRefusals).toBe(refusals + 1);
		expect(counters().logins).toBe(logins + 1);
	});

	it('sends the batch as one request, reports the failing function and keeps the others’ results', async () => {
		sandbox.resetStats();
		const result = await n8n().execute('iaBatchCreate001');

		expect(result.error).toBeUndefined();
		const created = nodeItems(result, 'Intacct', { output: 0 });
		expect(created.map((c) => c.CUSTOMERID)).toEqual(['C-E2E-0', 'C-E2E-2']);
		const [failed, ...rest] = nodeItems(result, 'Intacct', { output: 1 });
		expect(rest).toEqual([]);
		expect(String(failed.error)).toMatch(/^Sage Intacct \[BL34000061\]: .*function create, controlid 1, CUSTOMER CUSTOMERID=C-01001 of item 1/);
		const saved = sandbox.records<{ CUSTOMERID: string; NAME: string }>('intacct', 'CUSTOMER').filter((c) => c.CUSTOMERID.startsWith('C-E2E-'));
		expect(saved.map((c) => c.CUSTOMERID).sort()).toEqual(['C-E2E-0', 'C-E2E-2']);
		// Vendors page + one create request with three functions (the session is reused).
		expect(sandbox.stats().systems.intacct.requests).toBe(2);
	});

	it('reports a wrong user password as a clear sign-in error that contains no secret', async () => {
		const result = await n8n().execute('iaWrongPassword1');

		expect(result.success).toBe(false);
		expect(result.error?.message).toMatch(/Sage Intacct \[XL03000006\]: Sage Intacct refused the sign-in/);
		const everything = `${JSON.stringify(result.run ?? {})}\n${result.logs}\n${n8n().logs()}`;
		for (const secret of [WRONG_PASSWORD, String(good.data.userPassword), String(good.data.senderPassword)]) {
			expect(everything).not.toContain(secret);
		}
	});
});
