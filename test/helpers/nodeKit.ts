/**
 * What every system's unit tests need around one node and its credential: an execute context, a
 * one-call `run`, a loadOptions context, and nock that fails a test leaving a mock unused.
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import { createExecuteContext, createLoadOptionsContext } from './fakeContext';
import type { FakeExecuteFunctions, FakeLoadOptionsFunctions, Parameters } from './fakeContext';

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
	workflowId?: string;
	nodeId?: string;
}

export interface NodeKitOptions {
	node: INodeType;
	credentialType: ICredentialType;
	/** A fresh credential (own rate limiter per call where the system keys limiters by account). */
	credentials: () => ICredentialDataDecryptedObject;
	/** The node's name in the workflow (static data and messages are keyed by it). */
	nodeName: string;
}

export function nodeKit({ node, credentialType, credentials, nodeName }: NodeKitOptions) {
	const slot = credentialType.name;
	const type = `n8n-nodes-erp-interop.${node.description.name}`;

	function executeContext(parameters: Parameters, options: RunOptions = {}): FakeExecuteFunctions {
		const ctx = createExecuteContext({
			parameters,
			items: options.items,
			continueOnFail: options.continueOnFail,
			credentials: { [slot]: options.credentials ?? credentials() },
			credentialTypes: [credentialType],
			nodeProperties: node.description.properties,
			node: { type, name: nodeName, ...(options.nodeId ? { id: options.nodeId } : {}) },
		});
		if (options.workflowId) ctx.getWorkflow = () => ({ id: options.workflowId, name: 'Workflow', active: false });
		return ctx;
	}

	/** Runs the node once and returns its first output with the context (for sent requests). */
	async function run(parameters: Parameters, options: RunOptions = {}) {
		const ctx = executeContext(parameters, options);
		const [output] = (await node.execute!.call(ctx)) as INodeExecutionData[][];
		return { output, ctx, json: output.map((item) => item.json) };
	}

	function loadOptionsContext(parameters: IDataObject = {}, creds = credentials()): FakeLoadOptionsFunctions {
		return createLoadOptionsContext({
			parameters,
			credentials: { [slot]: creds },
			credentialTypes: [credentialType],
			nodeProperties: node.description.properties,
		});
	}

	return { executeContext, run, loadOptionsContext };
}

/** nock for one test file, and every mock a test sets up must have been called. */
export function strictNock(): void {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
	afterEach(() => {
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect(pending).toEqual([]);
	});
	afterAll(() => {
		nock.enableNetConnect();
		nock.restore();
	});
}

/** A resource locator value as the editor stores it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
