/**
 * Helpers for the template e2e tests: load a shipped template as a user imports it, wait for the
 * sandbox to reach a state, read the Exception Queue the workflows write (the file state store in the
 * n8n user folder), and wait until a workflow's executions have all finished.
 */
import { join } from 'node:path';

import { waitFor } from '../../../cli/demo/wait';
import type { CredentialJson, N8nInstance, WorkflowJson } from '../../../cli/runtime';
import { bindCredentials, loadTemplates } from '../../../cli/workflows';
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

interface ExecutionSummary {
	id: string;
	finished: boolean;
	status: string;
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
