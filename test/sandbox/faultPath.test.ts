/** The per-record error fault: `errorPathIncludes` narrows injected 5xx errors to the requests of one record. */
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { validateFaults } from '../../sandbox/core/faults';
import { cwClient, type CwClient } from './helpers';

let sandbox: RunningSandbox;
let cw: CwClient;

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['connectwise'], connectwise: { tickets: 30, timeEntries: 10, expenseEntries: 5, invoices: 5, products: 5 }, rateLimits: { connectwise: null } });
	cw = cwClient(sandbox);
});
beforeEach(() => {
	sandbox.clearFaults();
	sandbox.resetStats();
});
afterAll(() => sandbox.close());

async function status(path: string): Promise<number> {
	const res = await cw.call(path);
	await res.arrayBuffer();
	return res.status;
}

describe('errorPathIncludes', () => {
	it('fails only the requests whose path contains the text, and all of them', async () => {
		const [first, second] = sandbox.records<{ id: number }>('connectwise', 'tickets');
		sandbox.setFaults({ errorRate: 1, errorStatus: 503, errorPathIncludes: `/service/tickets/${first.id}` }, 'connectwise');

		expect(await status(`/service/tickets/${first.id}`)).toBe(503);
		expect(await status(`/service/tickets/${first.id}`)).toBe(503);
		expect(await status(`/service/tickets/${second.id}`)).toBe(200);
		expect(await status('/system/info')).toBe(200);
		expect(sandbox.stats().systems.connectwise.injected.errors).toBe(2);

		sandbox.clearFaults('connectwise');
		expect(await status(`/service/tickets/${first.id}`)).toBe(200);
	});

	it('is refused unless it is a non-empty string', () => {
		expect(validateFaults({ errorRate: 1, errorPathIncludes: 'eid:X' })).toEqual({ errorRate: 1, errorPathIncludes: 'eid:X' });
		expect(() => validateFaults({ errorPathIncludes: '' })).toThrow(/errorPathIncludes/);
		expect(() => validateFaults({ errorPathIncludes: 7 })).toThrow(/errorPathIncludes/);
	});
});
