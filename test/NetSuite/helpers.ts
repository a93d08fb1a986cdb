import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { NetSuiteM2mApi } from '../../credentials/NetSuiteM2mApi.credentials';
import { NetSuiteTbaApi } from '../../credentials/NetSuiteTbaApi.credentials';
import { NetSuiteErp } from '../../nodes/NetSuite/NetSuiteErp.node';
import type { RunningSandbox } from '../../sandbox';
import { createExecuteContext } from '../helpers/fakeContext';
import type { FakeExecuteFunctions, Parameters } from '../helpers/fakeContext';

export const node = new NetSuiteErp();
export const tbaType = new NetSuiteTbaApi();
export const m2mType = new NetSuiteM2mApi();

export const BASE = 'https://ns.example.test';

let accounts = 0;

/** A TBA credential of its own per call (own account id → own process-wide limiter). */
export function tbaCredentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	accounts++;
	return {
		accountId: `TSTDRV${1000 + accounts}`,
		consumerKey: 'ck-1234567890',
		consumerSecret: 'cs-Secret-9876',
		tokenId: 'tk-1234567890',
		tokenSecret: 'ts-Secret-5432',
		baseUrl: BASE,
		restletBaseUrl: '',
		maxConcurrent: 5,
		...overrides,
	};
}

/** The sandbox's TBA credential, as a user would type it. */
export function sandboxTba(sandbox: RunningSandbox, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	const c = sandbox.systems.netsuite.credentials;
	return {
		accountId: c.accountId,
		consumerKey: c.consumerKey,
		consumerSecret: c.consumerSecret,
		tokenId: c.tokenId,
		tokenSecret: c.tokenSecret,
		baseUrl: c.baseUrl,
		restletBaseUrl: '',
		maxConcurrent: 5,
		...overrides,
	};
}

export function sandboxM2m(sandbox: RunningSandbox, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	const c = sandbox.systems.netsuite.credentials;
	return {
		accountId: c.accountId,
		clientId: c.clientId,
		certificateId: c.certificateId,
		privateKey: c.privateKey,
		algorithm: c.algorithm,
		scopes: ['rest_webservices', 'restlets'],
		baseUrl: c.baseUrl,
		restletBaseUrl: '',
		maxConcurrent: 5,
		accessToken: '',
		...overrides,
	};
}

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	tba?: ICredentialDataDecryptedObject;
	m2m?: ICredentialDataDecryptedObject;
}

export function executeContext(parameters: Parameters, options: RunOptions = {}): FakeExecuteFunctions {
	const credentials: Record<string, ICredentialDataDecryptedObject> = options.m2m
		? { netSuiteM2mApi: options.m2m }
		: { netSuiteTbaApi: options.tba ?? tbaCredentials() };
	return createExecuteContext({
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials,
		credentialTypes: [tbaType, m2mType],
		nodeProperties: node.description.properties,
		node: { type: 'n8n-nodes-erp-interop.netSuiteErp', name: 'NetSuite' },
	});
}

export async function run(parameters: Parameters, options: RunOptions = {}) {
	const ctx = executeContext(parameters, options);
	const [output] = await node.execute.call(ctx);
	return { output, ctx, json: output.map((item) => item.json as IDataObject) };
}

export { byId } from '../helpers/nodeKit';
export const byExternalId = (value: string) => ({ __rl: true, mode: 'externalId', value });
