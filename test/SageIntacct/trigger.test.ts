import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { SageIntacctTrigger, intacctTimestamp } from '../../nodes/SageIntacct/SageIntacctTrigger.node';
import { createExecuteContext, useNock } from '../helpers/fakeContext';
import { credentialType, plugin, records, sandboxCredentials, useIntacctSandbox } from './helpers';

useNock(true);
let now = new Date('2026-03-01T12:00:00Z');
const sandbox = useIntacctSandbox({ now: () => now });
const trigger = new SageIntacctTrigger();

function pollContext(parameters: IDataObject, credentials: IDataObject, staticData: IDataObject, mode = 'trigger'): IPollFunctions {
	const ctx = createExecuteContext({ parameters, credentials: { sageIntacctApi: credentials as never }, credentialTypes: [credentialType], staticData });
	const c = ctx as unknown as Record<string, unknown>;
	c.getMode = () => mode;
	c.getNodeParameter = (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback);
	return ctx as unknown as IPollFunctions;
}

describe('Sage Intacct Trigger', () => {
	it('formats WHENMODIFIED the way readByQuery compares it', () => {
		expect(intacctTimestamp(new Date('2026-01-05T07:08:09Z'))).toBe('01/05/2026 07:08:09');
	});

	it('backfills from a date, then emits only new changes once, with the watermark from the data', async () => {
		const credentials = sandboxCredentials(sandbox());
		const staticData: IDataObject = {};
		const params = { object: 'VENDOR', backfillFrom: '2025-01-01T00:00:00Z', options: { lookbackMinutes: 5 } };

		const first = await trigger.poll.call(pollContext(params, credentials, staticData));
		const vendors = records(sandbox(), 'VENDOR');
		expect(first?.[0].map((i) => i.json.RECORDNO).sort()).toEqual(vendors.map((v) => v.RECORDNO).sort());

		expect(await trigger.poll.call(pollContext(params, credentials, staticData))).toBeNull();

		now = new Date('2026-03-01T12:05:00Z');
		plugin(sandbox()).updateAs('VENDOR', { RECORDNO: vendors[3].RECORDNO, NAME: 'Renamed Vendor' });
		plugin(sandbox()).createAs('VENDOR', { VENDORID: 'V-NEW', NAME: 'New Vendor' });
		const third = await trigger.poll.call(pollContext(params, credentials, staticData));
		expect(third?.[0].map((i) => i.json.NAME)).toEqual(['Renamed Vendor', 'New Vendor']);
		const cursor = (staticData['node:Node Under Test'] as IDataObject).watermark as IDataObject;
		expect(cursor.since).toBe('2026-03-01T12:05:00.000Z');

		expect(await trigger.poll.call(pollContext(params, credentials, staticData))).toBeNull();
	});
});
