import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ConnectWisePsaApi } from '../../credentials/ConnectWisePsaApi.credentials';
import { ConnectWisePsa } from '../../nodes/ConnectWisePsa/ConnectWisePsa.node';
import { createExecuteContext, createLoadOptionsContext } from '../helpers/fakeContext';
import type { FakeExecuteFunctions, FakeLoadOptionsFunctions, Parameters } from '../helpers/fakeContext';

export const SITE = 'https://cw.example.test';
export const API = '/v4_6_release/apis/3.0';

let accounts = 0;

/** A credential of its own per call, so each test gets its own process-wide rate limiter. */
export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	accounts++;
	return {
		siteUrl: SITE,
		codebase: 'v4_6_release',
		companyId: 'acme',
		publicKey: `pub${accounts}`,
		privateKey: 'Priv8-Secret-Key',
		clientId: '0b8e7a3c-1111-4222-8333-944455556666',
		apiVersion: '',
		maxConcurrent: 4,
		requestsPerMinute: 0,
		...overrides,
	};
}

export const node = new ConnectWisePsa();
export const credentialType = new ConnectWisePsaApi();

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
}

export function executeContext(parameters: Parameters, options: RunOptions = {}): FakeExecuteFunctions {
	return createExecuteContext({
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials: { connectWisePsaApi: options.credentials ?? credentials() },
		credentialTypes: [credentialType],
		nodeProperties: node.description.properties,
		node: { type: 'n8n-nodes-erp-interop.connectWisePsa', name: 'ConnectWise PSA' },
	});
}

/** Runs the node once and returns its single output with the context (for sent requests). */
export async function run(parameters: Parameters, options: RunOptions = {}) {
	const ctx = executeContext(parameters, options);
	const [output] = await node.execute.call(ctx);
	return { output, ctx, json: output.map((item) => item.json) };
}

export function loadOptionsContext(parameters: IDataObject = {}, creds = credentials()): FakeLoadOptionsFunctions {
	return createLoadOptionsContext({
		parameters,
		credentials: { connectWisePsaApi: creds },
		credentialTypes: [credentialType],
		nodeProperties: node.description.properties,
	});
}

export const api = () => nock(SITE);

/** A resource locator value as the editor stores it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** Records with ids from..to. */
export function records(from: number, to: number, extra: (id: number) => IDataObject = () => ({})): IDataObject[] {
	return Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i, name: `Record ${from + i}`, ...extra(from + i) }));
}

export function setupNock(): void {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => {
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect(pending).toEqual([]);
	});
	afterAll(() => nock.enableNetConnect());
}
