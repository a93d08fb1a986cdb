import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SageIntacctApi } from '../../credentials/SageIntacctApi.credentials';
import { SageIntacct } from '../../nodes/SageIntacct/SageIntacct.node';
import { startSandbox, type IntacctPlugin, type RunningSandbox, type SandboxOptions } from '../../sandbox';
import { createExecuteContext } from '../helpers/fakeContext';
import type { FakeExecuteFunctions, Parameters } from '../helpers/fakeContext';

export const node = new SageIntacct();
export const credentialType = new SageIntacctApi();

let accounts = 0;
let executions = 0;

/** Sandbox credential values; each call gets its own company key so limiters do not leak between tests. */
export function sandboxCredentials(sandbox: RunningSandbox, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	accounts++;
	const c = sandbox.systems.intacct.credentials;
	return {
		endpointUrl: `${c.endpointUrl}?account=${accounts}`,
		senderId: c.senderId,
		senderPassword: c.senderPassword,
		companyId: c.companyId,
		entityId: '',
		userId: c.userId,
		userPassword: c.userPassword,
		maxConcurrent: 2,
		sessionToken: '',
		sessionEndpoint: '',
		sessionCreatedAt: 0,
		sessionExpiresAt: 0,
		...overrides,
	};
}

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials: ICredentialDataDecryptedObject;
	onError?: 'continueErrorOutput' | 'continueRegularOutput' | 'stopWorkflow';
	executionId?: string;
}

export function executeContext(parameters: Parameters, options: RunOptions): FakeExecuteFunctions {
	const ctx = createExecuteContext({
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials: { sageIntacctApi: options.credentials },
		credentialTypes: [credentialType],
		nodeProperties: node.description.properties,
		node: { type: 'n8n-nodes-erp-interop.sageIntacct', name: 'Sage Intacct', onError: options.onError },
	});
	// Every run is its own execution unless a test replays one (control IDs derive from it).
	const executionId = options.executionId ?? `exec-${++executions}`;
	(ctx as unknown as { getExecutionId: () => string }).getExecutionId = () => executionId;
	return ctx;
}

export async function run(parameters: Parameters, options: RunOptions) {
	const ctx = executeContext(parameters, options);
	const [output] = await node.execute.call(ctx);
	return { output, ctx, json: output.map((item) => item.json) };
}

/** A sandbox with only the Intacct plugin, for tests of one file. */
export function useIntacctSandbox(options: SandboxOptions = {}): () => RunningSandbox {
	let sandbox: RunningSandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox({ systems: ['intacct'], seed: 11, ...options });
	});
	afterAll(async () => await sandbox?.close());
	return () => {
		if (!sandbox) throw new Error('sandbox not started');
		return sandbox;
	};
}

export const plugin = (sandbox: RunningSandbox) => sandbox.plugin<IntacctPlugin>('intacct');

export const records = (sandbox: RunningSandbox, object: string) => sandbox.records<IDataObject>('intacct', object);
