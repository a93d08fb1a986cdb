/**
 * Helpers for template e2e tests: executions read back through n8n's public API, n8n forms submitted and
 * walked the way the browser does, and a small HTTP server that records what a workflow posts to it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { N8nInstance, WorkflowJson } from '../../../cli/runtime';

type Json = Record<string, unknown>;
type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }> | null> }; error?: { message?: string } }>>;

export interface Execution {
	id: string;
	status: string;
	finished: boolean;
	data?: { resultData?: { runData?: RunData; error?: { message?: string }; lastNodeExecuted?: string } };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A person's browser: approval links ignore bots (link previews), and n8n takes Node's fetch for one. */
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** Opens a link as a person would (GET with a browser's user agent). */
export async function click(url: string): Promise<{ status: number; text: string }> {
	const response = await fetch(url, { headers: { 'user-agent': BROWSER }, signal: AbortSignal.timeout(60_000) });
	return { status: response.status, text: await response.text() };
}

/** Executions of a workflow, newest first (with their run data). */
export async function executions(n8n: N8nInstance, workflowId: string, status?: string): Promise<Execution[]> {
	const query = `executions?workflowId=${workflowId}&includeData=true&limit=50${status ? `&status=${status}` : ''}`;
	const response = await n8n.publicApi<{ data: Execution[] }>('GET', query);
	if (response.status !== 200) throw new Error(`GET ${query}: HTTP ${response.status} ${response.text.slice(0, 200)}`);
	return response.body.data;
}

export async function execution(n8n: N8nInstance, id: string): Promise<Execution> {
	const response = await n8n.publicApi<Execution>('GET', `executions/${id}?includeData=true`);
	if (response.status !== 200) throw new Error(`GET executions/${id}: HTTP ${response.status}`);
	return response.body;
}

/** Polls until the execution's status is one of `statuses` (e.g. success, waiting, error). */
export async function waitForStatus(n8n: N8nInstance, id: string, statuses: string[], timeoutMs = 60_000): Promise<Execution> {
	const deadline = Date.now() + timeoutMs;
	let last: Execution | undefined;
	while (Date.now() < deadline) {
		last = await execution(n8n, id);
		if (statuses.includes(last.status)) return last;
		await delay(250);
	}
	throw new Error(`execution ${id} is ${last?.status ?? 'unknown'}, not ${statuses.join(' or ')}, after ${timeoutMs} ms`);
}

/** The items a node emitted on one output, over all its runs in the execution. */
export function outputOf(run: Execution, nodeName: string, output = 0): Json[] {
	const runs = run.data?.resultData?.runData?.[nodeName] ?? [];
	return runs.flatMap((r) => r.data?.main?.[output] ?? []).map((item) => item.json);
}

export function ranNodes(run: Execution): string[] {
	return Object.keys(run.data?.resultData?.runData ?? {});
}

/** The id at the end of a form-waiting or webhook-waiting URL. */
export function executionIdOf(url: string): string {
	const match = /\/(?:form-waiting|webhook-waiting)\/(\d+)/.exec(url);
	if (!match) throw new Error(`not a waiting URL: ${url}`);
	return match[1];
}

/** A waiting URL as n8n built it, pointed at the instance's real address (n8n may render another host). */
export function local(n8n: N8nInstance, url: string): string {
	const parsed = new URL(url);
	return `${n8n.baseUrl}${parsed.pathname}${parsed.search}`;
}

export interface FormPage {
	executionId: string;
	waitingUrl: string;
	html: string;
}

/**
 * Submits an n8n form (multipart, fields `field-<n>` in the form's order) and follows it like the
 * browser: waits until the execution stops at a form page, then reads that page.
 */
export async function submitForm(n8n: N8nInstance, path: string, values: string[]): Promise<FormPage> {
	const form = new FormData();
	values.forEach((value, index) => form.append(`field-${index}`, value));
	const response = await fetch(`${n8n.baseUrl}/form/${path}`, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) });
	const text = await response.text();
	if (response.status !== 200) throw new Error(`form POST: HTTP ${response.status} ${text.slice(0, 300)}`);
	const { formWaitingUrl } = JSON.parse(text) as { formWaitingUrl?: string };
	if (!formWaitingUrl) throw new Error(`form POST did not answer with a form-waiting URL: ${text.slice(0, 300)}`);
	return await nextFormPage(local(n8n, formWaitingUrl));
}

/** Waits until the execution shows a form page (status form-waiting), then GETs it. */
export async function nextFormPage(waitingUrl: string, timeoutMs = 60_000): Promise<FormPage> {
	const deadline = Date.now() + timeoutMs;
	let status = '';
	while (Date.now() < deadline) {
		status = (await (await fetch(`${waitingUrl}/n8n-execution-status`)).text()).trim();
		if (status === 'form-waiting') break;
		if (['error', 'crashed', 'canceled', 'null'].includes(status)) throw new Error(`the form's execution ended with status ${status}`);
		await delay(200);
	}
	if (status !== 'form-waiting') throw new Error(`no form page after ${timeoutMs} ms (status ${status})`);
	const page = await fetch(waitingUrl);
	return { executionId: executionIdOf(waitingUrl), waitingUrl, html: await page.text() };
}

/** What the completion page's script does once shown: POST back, so the execution goes on. */
export async function confirmFormPage(page: FormPage): Promise<number> {
	const response = await fetch(page.waitingUrl, { method: 'POST', body: '{}' });
	await response.arrayBuffer();
	return response.status;
}

/** The visible text of an n8n completion page (title and message). */
export function pageText(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<br\s*\/?>/g, '\n')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/[ \t]+/g, ' ')
		.trim();
}

/** A local endpoint standing in for a chat webhook (Slack, Teams): keeps every JSON body posted to it. */
export interface Catcher {
	url: string;
	bodies: Json[];
	next(timeoutMs?: number): Promise<Json>;
	close(): Promise<void>;
}

export async function startCatcher(): Promise<Catcher> {
	const bodies: Json[] = [];
	let taken = 0;
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			try {
				bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json);
			} catch {
				bodies.push({ raw: Buffer.concat(chunks).toString('utf8') });
			}
			res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hooks/approvals`,
		bodies,
		async next(timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			while (bodies.length <= taken) {
				if (Date.now() > deadline) throw new Error('nothing was posted to the catcher');
				await delay(100);
			}
			return bodies[taken++];
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** The Configuration node's JSON with changes applied (the way a user edits the template's settings). */
export function withConfiguration(workflow: WorkflowJson, change: (config: Json) => void): WorkflowJson {
	const nodes = workflow.nodes.map((node) => {
		if (node.name !== 'Configuration') return node;
		const config = JSON.parse(String(node.parameters?.jsonOutput)) as Json;
		change(config);
		return { ...node, parameters: { ...node.parameters, jsonOutput: JSON.stringify(config, null, 2) } };
	});
	return { ...workflow, nodes };
}
