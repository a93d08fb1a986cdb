import { useNock } from '../helpers/fakeContext';
import { plugin, records, run, sandboxCredentials, useIntacctSandbox } from './helpers';

useNock(true);
const sandbox = useIntacctSandbox();

describe('Sage Intacct node against the sandbox gateway', () => {
	it('reads every customer once over readByQuery + readMore pages', async () => {
		const credentials = sandboxCredentials(sandbox());
		const { json, output } = await run(
			{ resource: 'record', operation: 'getAll', object: 'CUSTOMER', returnAll: true, query: '', options: { fields: 'RECORDNO,CUSTOMERID', pageSize: 100 } },
			{ credentials },
		);
		const expected = records(sandbox(), 'CUSTOMER').map((r) => r.RECORDNO);
		expect(expected.length).toBeGreaterThan(200);
		const ids = json.map((r) => r.RECORDNO);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual([...expected].sort());
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		// One sign-in, kept in the credential for later requests.
		expect(credentials.sessionToken).not.toBe('');
		expect(plugin(sandbox()).counters.logins).toBeGreaterThanOrEqual(1);
	});
});
