/**
 * Helpers for the template e2e tests: load shipped templates as a user imports them, small helper
 * workflows (queue inspector, replay caller), wait for the sandbox to reach a state, read the Exception
 * Queue the workflows write (the file state store in the n8n user folder), and wait for executions.
 */
import { join } from 'node:path';

import { waitFor } from '../../../cli/demo/wait';
import type { CredentialJson, N8nInstance, WorkflowJson } from '../../../cli/runtime';
import { bindCredentials, loadTemplates, stableId, type Template } from '../../../cli/workflows';
import { ExceptionQueue, type ExceptionItem } from '../../../nodes/common/exceptionQueue';
import { createStateStore, type StateStore } from '../../../nodes/common/state';
import { PROJECT_ROOT } from '../harness';

export { sleep, waitFor } from '../../../cli/demo/wait';

/** The template file as shipped, with its stable id and credentials bound by type. */
export function template(file: string, credentials: CredentialJson[]): WorkflowJson & { id: string } {
	const found = loadTemplates(join(PROJECT_ROOT, 'workflows')).find((w) => w.file === file);
	if (!found) throw new Error(`workflows/${file} is missing`);
	return bindCredentials(found, credentials) as WorkflowJson & { id: string };
}

export const PKG = 'n8n-nodes-erp-interop';
export const EXCEPTION_HANDLING_ID = stableId('workflow:exception-handling');

/** Shipped templates by file name (without .json), as the demo imports them: ids from the file names, credentials bound by type. */
export function templates(names: string[], credentials: CredentialJson[]): Template[] {
	const all = loadTemplates(join(PROJECT_ROOT, 'workflows'));
	return names.map((name) => {
		const template = all.find((t) => t.file === `${name}.json`);
		if (!template) throw new Error(`workflows/${name}.json is missing`);
		return { ...(bindCredentials(template, credentials) as Template), file: template.file };
	});
}

export const storeCredential: CredentialJson = {
	id: stableId('credential:e2e-templates-store'),
	name: 'Interop State Store',
	type: 'interopStateStore',
	data: { backend: 'file' },
};

type Node = WorkflowJson['nodes'][number];
export const node = (name: string, type: string, typeVersion: number, position: [number, number], parameters: Record<string, unknown>, extra: Partial<Node> = {}): Node => ({
	id: stableId(`e2e-node:${name}:${position.join(',')}`),
	name,
	type,
	typeVersion,
	position,
	parameters,
	...extra,
});
export const link = (to: string, index = 0) => ({ node: to, type: 'main', index });

/**
 * `GET /webhook/<path>?queue=<name>`: every exception of a queue (any status), for assertions. The queue
 * lives in the state store inside n8n's user folder, so the test reads it the way a workflow would.
 */
export function queueInspector(path: string, store: CredentialJson): WorkflowJson {
	return {
		id: stableId(`workflow:e2e-inspector:${path}`),
		name: `E2E queue inspector (${path})`,
		active: true,
		nodes: [
			node('Ask', 'n8n-nodes-base.webhook', 2, [0, 0], { path, httpMethod: 'GET', responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: stableId(`webhook:${path}`) }),
			node(
				'List',
				`${PKG}.exceptionQueue`,
				1,
				[220, 0],
				{ operation: 'getMany', queue: '={{ $json.query.queue }}', status: 'all', filters: {}, returnAll: true },
				{ credentials: { interopStateStore: { id: store.id, name: store.name } }, alwaysOutputData: true },
			),
		],
		connections: { Ask: { main: [[link('List')]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** `POST /webhook/<path>` `{ queue, key }` → the exception-handling template's replay (Execute Workflow), answering its outcome. */
export function replayCaller(path: string): WorkflowJson {
	return {
		id: stableId(`workflow:e2e-replay-caller:${path}`),
		name: `E2E replay caller (${path})`,
		active: true,
		nodes: [
			node('Ask', 'n8n-nodes-base.webhook', 2, [0, 0], { path, httpMethod: 'POST', responseMode: 'lastNode', options: {} }, { webhookId: stableId(`webhook:${path}`) }),
			node('Request', 'n8n-nodes-base.set', 3.4, [220, 0], {
				assignments: {
					assignments: [
						{ id: 'q', name: 'queue', value: '={{ $json.body.queue }}', type: 'string' },
						{ id: 'k', name: 'key', value: '={{ $json.body.key }}', type: 'string' },
					],
				},
				options: {},
			}),
			node('Replay', 'n8n-nodes-base.executeWorkflow', 1.2, [440, 0], {
				workflowId: { __rl: true, mode: 'id', value: EXCEPTION_HANDLING_ID },
				workflowInputs: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: true },
				mode: 'once',
				options: { waitForSubWorkflow: true },
			}),
		],
		connections: { Ask: { main: [[link('Request')]] }, Request: { main: [[link('Replay')]] } },
		settings: { executionOrder: 'v1' },
	};
}

export interface QueuedException {
	id: string;
	queue: string;
	key?: string;
	status: 'open' | 'replayed' | 'resolved';
	attempts: number;
	replays: number;
	errorClass: string;
	message: string;
	system?: string;
	entity?: string;
	node?: string;
	workflowId?: string;
	workflowName?: string;
	executionId?: string;
	payload: { json: Record<string, unknown> };
	history: Array<{ message: string; errorClass: string }>;
	resolution?: string;
}

/** The exceptions of a queue through an inspector workflow. */
export async function queueItems(n8n: N8nInstance, inspectorPath: string, queue: string): Promise<QueuedException[]> {
	const response = await n8n.callWebhook<Array<QueuedException | Record<string, never>>>(inspectorPath, { method: 'GET', query: { queue } });
	if (response.status !== 200) throw new Error(`queue inspector: HTTP ${response.status} ${response.text.slice(0, 300)}`);
	const items = Array.isArray(response.body) ? response.body : [response.body];
	return items.filter((item): item is QueuedException => typeof (item as QueuedException).id === 'string');
}

interface ExecutionSummary {
	id: string;
	finished: boolean;
	status: string;
	workflowId: string;
	stoppedAt: string | null;
}

/** The workflow's executions, newest first. */
export async function executions(n8n: N8nInstance, workflowId: string): Promise<ExecutionSummary[]> {
	const response = await n8n.publicApi<{ data: ExecutionSummary[] }>('GET', `executions?workflowId=${workflowId}&limit=250`);
	if (response.status !== 200) throw new Error(`listing executions failed: HTTP ${response.status}`);
	return response.body.data;
}

/** Waits until the workflow has at least `count` executions and none is still running. */
export async function settled(n8n: N8nInstance, workflowId: string, count: number, timeoutMs = 60_000): Promise<ExecutionSummary[]> {
	return await waitFor(
		`${count} finished execution(s) of ${workflowId}`,
		async () => {
			const list = await executions(n8n, workflowId);
			return list.length >= count && list.every((e) => e.stoppedAt !== null && e.status !== 'running' && e.status !== 'new') ? list : undefined;
		},
		timeoutMs,
	);
}

let store: StateStore | undefined;

/** The n8n instance's file state store (the templates' Interop State Store credential points there). */
export function stateStore(n8n: N8nInstance): StateStore {
	store ??= createStateStore({ backend: 'file', folder: join(n8n.userFolder, '.n8n', 'erp-interop-state') });
	return store;
}

export async function closeStateStore(): Promise<void> {
	await store?.close();
	store = undefined;
}

/** Every exception of a queue (all statuses). */
export async function exceptions(n8n: N8nInstance, queue: string): Promise<ExceptionItem[]> {
	return await new ExceptionQueue(stateStore(n8n), queue).list({});
}

/** Waits until n8n has stored a finished execution of the workflow that is not in `before`, and returns it. */
export async function nextExecution(n8n: N8nInstance, workflowId: string, before: Set<string>, timeoutMs = 90_000): Promise<ExecutionSummary> {
	return await waitFor(
		`an execution of ${workflowId}`,
		async () => (await executions(n8n, workflowId)).find((e) => !before.has(e.id) && e.stoppedAt),
		timeoutMs,
	);
}

export async function executionIds(n8n: N8nInstance, workflowId: string): Promise<Set<string>> {
	return new Set((await executions(n8n, workflowId)).map((e) => e.id));
}
