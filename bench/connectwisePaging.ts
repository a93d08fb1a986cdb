/**
 * ConnectWise PSA paging throughput: the node in a real n8n (packed tarball) reading every ticket from
 * the sandbox, against the sandbox's rate-limit bound and against a hand-written client paced exactly at
 * that bound, both measured in the same run.
 */
import { ensureN8n, N8nInstance, nodeItems, packProject, type CredentialJson, type WorkflowJson } from '../cli/runtime';
import { sandboxCredentials } from '../cli/sandboxCredentials';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { formatTable } from './table';

const TICKETS = 30_000;
const PAGE_SIZE = 1000;
/** The sandbox's rule: requests per second per clientId. */
const BOUND_RPS = 10;
/** Modelled server + network time per page, so that concurrency matters as it does against the real API. */
const LATENCY_MS = 250;
const CONCURRENCY = 4;

interface Measurement {
	label: string;
	ms: number;
	records: number;
	requests: number;
	rateLimited: number;
}

/** A plain client: numbered pages, `CONCURRENCY` in flight, starts spaced to stay exactly within the bound. */
async function baseline(sandbox: RunningSandbox): Promise<Measurement> {
	const info = sandbox.systems.connectwise;
	const c = info.credentials;
	const headers = {
		authorization: `Basic ${Buffer.from(`${c.companyId}+${c.publicKey}:${c.privateKey}`).toString('base64')}`,
		clientId: c.clientId,
	};
	const api = `${c.siteUrl}/v4_6_release/apis/3.0/service/tickets`;
	sandbox.resetStats();
	const started = Date.now();
	const pages = Math.ceil(TICKETS / PAGE_SIZE);
	const spacing = 1000 / BOUND_RPS + 10;
	let next = 1;
	let records = 0;
	let slot = Date.now();
	const worker = async () => {
		while (next <= pages) {
			const page = next++;
			const wait = slot - Date.now();
			slot = Math.max(slot, Date.now()) + spacing;
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			const url = `${api}?page=${page}&pageSize=${PAGE_SIZE}&orderBy=id&fields=id`;
			let res = await fetch(url, { headers });
			// Arrival jitter can still put one request over the window: wait as told and resend.
			while (res.status === 429) {
				await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
				res = await fetch(url, { headers });
			}
			if (!res.ok) throw new Error(`baseline page ${page}: HTTP ${res.status}`);
			records += ((await res.json()) as unknown[]).length;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	const stats = sandbox.stats().systems.connectwise;
	return { label: 'hand-written client at the bound', ms: Date.now() - started, records, requests: stats.requests, rateLimited: stats.rateLimited };
}

function workflow(id: string, credential: CredentialJson, parallelPages: boolean): WorkflowJson {
	return {
		id,
		name: id,
		nodes: [
			{ id: `${id}-s`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-c`,
				name: 'ConnectWise',
				type: 'n8n-nodes-erp-interop.connectWisePsa',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, options: { fields: 'id', parallelPages } },
				credentials: { connectWisePsaApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'ConnectWise', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

async function throughNode(n8n: N8nInstance, sandbox: RunningSandbox, id: string, label: string): Promise<Measurement> {
	sandbox.resetStats();
	const result = await n8n.execute(id);
	if (result.error) throw new Error(`${label}: ${result.error.message}`);
	const stats = sandbox.stats().systems.connectwise;
	return {
		label,
		// The node's own execution time, as n8n measured it (excludes the CLI's start-up).
		ms: result.runData.ConnectWise[0].executionTime ?? 0,
		records: nodeItems(result, 'ConnectWise').length,
		requests: stats.requests,
		rateLimited: stats.rateLimited,
	};
}

export async function benchConnectWisePaging(log: (line: string) => void): Promise<string> {
	const sandbox = await startSandbox({
		connectwise: { tickets: TICKETS },
		rateLimits: { connectwise: { requests: BOUND_RPS, windowMs: 1000, maxConcurrent: 10 } },
		faults: { systems: { connectwise: { latencyMs: LATENCY_MS } } },
	});
	const [credential] = sandboxCredentials(sandbox);
	credential.data.maxConcurrent = CONCURRENCY;
	// The same account, paced by the credential's Max Requests per Minute at exactly the vendor bound.
	const paced: CredentialJson = {
		...credential,
		id: 'benchCwPacedCred',
		name: 'ConnectWise PSA (paced)',
		data: { ...credential.data, requestsPerMinute: BOUND_RPS * 60 },
	};
	let n8n: N8nInstance | undefined;
	try {
		log('connectwise paging: baseline client');
		const base = await baseline(sandbox);
		log('connectwise paging: starting n8n with the packed pack');
		n8n = await N8nInstance.create({
			runtime: await ensureN8n(),
			packages: [await packProject(process.cwd())],
			credentials: [credential, paced],
			workflows: [
				workflow('benchCwSequentl1', credential, false),
				workflow('benchCwParallel1', credential, true),
				workflow('benchCwParPaced1', paced, true),
			],
		});
		const sequential = await throughNode(n8n, sandbox, 'benchCwSequentl1', 'node: Return All (forward-only)');
		const parallel = await throughNode(n8n, sandbox, 'benchCwParallel1', 'node: Return All + Parallel Pages');
		const pacedRun = await throughNode(n8n, sandbox, 'benchCwParPaced1', 'node: Parallel Pages, paced 600/min');

		const pages = Math.ceil(TICKETS / PAGE_SIZE);
		const boundMs = ((pages - 1) / BOUND_RPS) * 1000;
		const rows = [['run', 'records', 'requests', '429s', 'seconds', 'pages/s', 'vs bound', 'vs baseline']];
		for (const m of [base, sequential, parallel, pacedRun]) {
			if (m.records !== TICKETS) throw new Error(`${m.label}: read ${m.records} of ${TICKETS} tickets`);
			const pagesPerSec = pages / (m.ms / 1000);
			rows.push([
				m.label,
				String(m.records),
				String(m.requests),
				String(m.rateLimited),
				(m.ms / 1000).toFixed(2),
				pagesPerSec.toFixed(2),
				(boundMs / m.ms).toFixed(2),
				(base.ms / m.ms).toFixed(2),
			]);
		}
		return [
			`ConnectWise PSA paging: ${TICKETS} tickets, ${PAGE_SIZE} per page, sandbox bound ${BOUND_RPS} requests/s per clientId,`,
			`${LATENCY_MS} ms per page modelled latency, credential concurrency ${CONCURRENCY}. "vs bound" = fastest time the`,
			'rate limit allows ÷ measured time (1.00 = at the bound); "vs baseline" = baseline time ÷ measured time.',
			'',
			formatTable(rows),
		].join('\n');
	} finally {
		await n8n?.stop();
		await sandbox.close();
	}
}
