import { startSandbox, type RunningSandbox } from '../../sandbox';
import type { ConnectWisePlugin } from '../../sandbox/connectwise';
import { cwClient, type CwClient } from './helpers';

let sandbox: RunningSandbox;
let cw: CwClient;

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['connectwise'], rateLimits: { connectwise: null } });
	cw = cwClient(sandbox);
});
afterAll(() => sandbox.close());

interface Entry {
	id: number;
	status: string;
	_info: { lastUpdated: string; updatedBy: string };
}

describe('ConnectWise time and expense approvals (admin)', () => {
	it('approves time entries as a time sheet approval would, and the API then filters on the status', async () => {
		const open = sandbox.records<Entry>('connectwise', 'timeEntries').filter((e) => e.status === 'Open').slice(0, 2);
		expect(open).toHaveLength(2);
		const res = await fetch(`${sandbox.url}/__sandbox/connectwise/approvals/timeEntries`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ids: open.map((e) => e.id) }),
		});
		const approved = (await res.json()) as Entry[];
		expect(res.status).toBe(200);
		expect(approved.map((e) => [e.id, e.status])).toEqual(open.map((e) => [e.id, 'ApprovedByTierTwo']));
		expect(approved[0]._info.lastUpdated > open[0]._info.lastUpdated).toBe(true);

		const listed = await cw.call('/time/entries?conditions=status%20%3D%20%22ApprovedByTierTwo%22');
		expect(((await listed.json()) as Entry[]).map((e) => e.id)).toEqual(open.map((e) => e.id));
	});

	it('takes any ConnectWise approval status for expenses, and refuses an unknown status or record', () => {
		const plugin = sandbox.plugin<ConnectWisePlugin>('connectwise');
		const [expense] = sandbox.records<Entry>('connectwise', 'expenseEntries');
		const [ready] = plugin.approveEntries('expenseEntries', [expense.id], 'ReadyToBill') as Entry[];
		expect(ready.status).toBe('ReadyToBill');
		expect(sandbox.records<Entry>('connectwise', 'expenseEntries').find((e) => e.id === expense.id)?.status).toBe('ReadyToBill');
		expect(() => plugin.approveEntries('expenseEntries', [expense.id], 'Approved')).toThrow(/status must be one of/);
		expect(() => plugin.approveEntries('timeEntries', [999_999])).toThrow(/no timeEntries record 999999/);
	});

	it('a status written through the API is still ignored (read-only there)', async () => {
		const [entry] = sandbox.records<Entry>('connectwise', 'timeEntries').filter((e) => e.status === 'Open');
		const res = await cw.call(`/time/entries/${entry.id}`, { method: 'PATCH', body: JSON.stringify([{ op: 'replace', path: 'status', value: 'Billed' }]) });
		expect(res.status).toBe(200);
		expect(sandbox.records<Entry>('connectwise', 'timeEntries').find((e) => e.id === entry.id)?.status).toBe('Open');
	});
});
