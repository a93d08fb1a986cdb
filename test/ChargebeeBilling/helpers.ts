import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChargebeeBillingApi } from '../../credentials/ChargebeeBillingApi.credentials';
import { ChargebeeBilling } from '../../nodes/ChargebeeBilling/ChargebeeBilling.node';
import { createExecuteContext } from '../helpers/fakeContext';
import type { FakeExecuteFunctions, Parameters } from '../helpers/fakeContext';

export const SITE_URL = 'https://acme-test.chargebee.com';
export const API = '/api/v2';
export const KEY = 'test_Secr3tApiKeyValue';

export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { site: 'acme-test', apiKey: KEY, baseUrl: '', ...overrides };
}

export const node = new ChargebeeBilling();
export const credentialType = new ChargebeeBillingApi();

export function executeContext(parameters: Parameters, options: { items?: INodeExecutionData[]; continueOnFail?: boolean; credentials?: ICredentialDataDecryptedObject } = {}): FakeExecuteFunctions {
	return createExecuteContext({
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials: { chargebeeBillingApi: options.credentials ?? credentials() },
		credentialTypes: [credentialType],
		nodeProperties: node.description.properties,
		node: { type: 'n8n-nodes-erp-interop.chargebeeBilling', name: 'Chargebee Billing' },
	});
}

export async function run(parameters: Parameters, options: { items?: INodeExecutionData[]; continueOnFail?: boolean; credentials?: ICredentialDataDecryptedObject } = {}) {
	const ctx = executeContext(parameters, options);
	const [output] = await node.execute.call(ctx);
	return { output, ctx, json: output.map((item) => item.json) };
}

export const api = () => nock(SITE_URL).matchHeader('authorization', `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`);

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const customers = (from: number, to: number): IDataObject[] =>
	Array.from({ length: to - from + 1 }, (_, i) => ({ customer: { id: `c${from + i}`, email: `c${from + i}@example.com` } }));

export function setupNock(): void {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
	afterEach(() => {
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect(pending).toEqual([]);
	});
	afterAll(() => nock.enableNetConnect());
}
