import { startSandbox, type RunningSandbox } from '../../sandbox';
import { formatSandboxInfo } from '../../sandbox/banner';
import { parseSandboxArgs } from '../../sandbox/main';
import { cwClient } from './helpers';

const options = { systems: ['connectwise'], connectwise: { tickets: 400, timeEntries: 150, expenseEntries: 30, invoices: 40, products: 40 } };

/** Everything a client could read, with the host-dependent part of hrefs removed. */
function snapshot(sandbox: RunningSandbox): string {
	const data = Object.fromEntries(sandbox.collections('connectwise').map((c) => [c, sandbox.records('connectwise', c)]));
	return JSON.stringify(data).split(sandbox.url).join('<host>');
}

describe('seeded data', () => {
	let a: RunningSandbox;
	let b: RunningSandbox;
	let c: RunningSandbox;

	beforeAll(async () => {
		[a, b, c] = await Promise.all([startSandbox({ ...options, seed: 7 }), startSandbox({ ...options, seed: 7 }), startSandbox({ ...options, seed: 8 })]);
	});
	afterAll(() => Promise.all([a.close(), b.close(), c.close()]));

	it('is identical for the same seed and different for another', () => {
		const snapA = snapshot(a);
		expect(snapA.length).toBeGreaterThan(100_000);
		expect(snapshot(b)).toBe(snapA);
		expect(snapshot(c)).not.toBe(snapA);
		expect(a.records('connectwise', 'tickets')).toHaveLength(400);
	});

	it('comes back after writes on reset, and changes with a new seed', async () => {
		const before = snapshot(a);
		const cw = cwClient(a);
		const ticket = a.records<{ id: number }>('connectwise', 'tickets')[0];
		await cw.call(`/service/tickets/${ticket.id}`, { method: 'DELETE' });
		await cw.call('/company/companies', { method: 'POST', body: JSON.stringify({ identifier: 'NewCo', name: 'New Co' }) });
		expect(snapshot(a)).not.toBe(before);
		a.reset();
		expect(snapshot(a)).toBe(before);
		a.reset(8);
		expect(a.seed).toBe(8);
		expect(snapshot(a)).toBe(snapshot(c));
		a.reset(7);
	});

	it('looks like an MSP: clients, vendors, boards, agreements with additions', () => {
		type Company = { types: Array<{ name: string }> };
		const companies = a.records<Company>('connectwise', 'companies');
		expect(companies.filter((x) => x.types[0].name === 'Client').length).toBeGreaterThan(40);
		expect(companies.filter((x) => x.types[0].name === 'Vendor').length).toBeGreaterThan(2);
		expect(a.records<{ name: string }>('connectwise', 'boards').map((x) => x.name)).toContain('Service Desk');
		expect(a.records('connectwise', 'additions').length).toBeGreaterThan(a.records('connectwise', 'agreements').length);
	});
});

describe('command line', () => {
	it('parses options and prints base URLs and credentials', async () => {
		expect(parseSandboxArgs(['--port', '4010', '--seed', '42', '--systems', 'connectwise', '--tickets', '30'])).toEqual({
			port: 4010,
			seed: 42,
			systems: ['connectwise'],
			connectwise: { tickets: 30 },
		});
		expect(() => parseSandboxArgs(['--port', 'x'])).toThrow(/--port/);
		expect(() => parseSandboxArgs(['--bogus'])).toThrow(/unknown option/);
		const sandbox = await startSandbox({ systems: ['connectwise'], connectwise: { tickets: 5 } });
		try {
			const text = formatSandboxInfo(sandbox);
			const creds = sandbox.systems.connectwise.credentials;
			expect(text).toContain(`${sandbox.url}/connectwise`);
			for (const value of [creds.companyId, creds.publicKey, creds.privateKey, creds.clientId]) expect(text).toContain(value);
		} finally {
			await sandbox.close();
		}
	});
});
