/**
 * NetSuite SuiteQL Return All throughput: the node's own transport and pagination code
 * (`suiteQlRows`: concurrent offset pages under the account's concurrency limit, OAuth 1.0a signing by
 * the credential) reading 100,000 rows from the sandbox, whose NetSuite concurrency governance is 5
 * requests in flight per account and whose modelled latency makes concurrency matter.
 *
 * The bound: NetSuite serves at most 5 requests at once, each takes ≥ LATENCY_MS, so 100 pages of
 * 1,000 rows cannot take less than ceil(100 / 5) × LATENCY_MS. "vs bound" = bound ÷ measured time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { NetSuiteTbaApi } from '../credentials/NetSuiteTbaApi.credentials';
import type { RequestContext } from '../nodes/common/transport';
import { suiteQlRows } from '../nodes/NetSuite/transport/suiteql';
import type { SandboxOptions, SandboxStats, SystemInfo } from '../sandbox';
import { formatTable } from './table';

const ROWS = 100_000;
const PAGE = 1000;
const CONCURRENCY = 5;
/**
 * Server time per 1,000-row SuiteQL page. Real NetSuite takes one to several seconds for such a page; 800 ms
 * is on the fast side. Overheads beyond it (signing, parsing, the first page running alone) are what the
 * ratio measures, so a shorter modelled latency only makes them weigh more.
 */
const LATENCY_MS = 800;
/** Rows of the sequential reference run (a sample: its time per page is what matters). */
const SEQUENTIAL_ROWS = 10_000;
const WORKER = join(__dirname, 'netsuiteSandboxWorker.js');
const QUERY = 'SELECT id, custrecord_item, custrecord_quantity FROM customrecord_stock_ledger ORDER BY id';

/** The sandbox running in a child process, driven over IPC. */
class RemoteSandbox {
	private next = 1;
	private readonly waiting = new Map<number, (value: unknown) => void>();
	systems: Record<string, SystemInfo> = {};

	private constructor(private readonly child: ChildProcess) {
		child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
			const resolve = this.waiting.get(message.id);
			this.waiting.delete(message.id);
			resolve?.(message.error ? Promise.reject(new Error(message.error)) : message.result);
		});
	}

	static async start(options: SandboxOptions): Promise<RemoteSandbox> {
		const remote = new RemoteSandbox(fork(WORKER, [], { stdio: 'inherit' }));
		const started = (await remote.call('start', options)) as { systems: Record<string, SystemInfo> };
		remote.systems = started.systems;
		return remote;
	}

	call(op: string, options?: SandboxOptions): Promise<unknown> {
		const id = this.next++;
		return new Promise((resolve) => {
			this.waiting.set(id, resolve);
			this.child.send({ id, op, options });
		});
	}

	async resetStats(): Promise<void> {
		await this.call('resetStats');
	}

	async stats(): Promise<SandboxStats> {
		return (await this.call('stats')) as SandboxStats;
	}

	async close(): Promise<void> {
		await this.call('close');
	}
}

/**
 * The smallest part of n8n's execution context the transport uses: the node, its credential, and
 * `httpRequestWithAuthentication` with the credential's own `authenticate` (as n8n-core applies it).
 */
function context(sandbox: RemoteSandbox, maxConcurrent: number): RequestContext {
	const c = sandbox.systems.netsuite.credentials;
	const credentials: ICredentialDataDecryptedObject = {
		accountId: c.accountId,
		consumerKey: c.consumerKey,
		consumerSecret: c.consumerSecret,
		tokenId: c.tokenId,
		tokenSecret: c.tokenSecret,
		baseUrl: c.baseUrl,
		maxConcurrent,
	};
	const credentialType = new NetSuiteTbaApi();
	const node = { name: 'NetSuite', type: 'n8n-nodes-erp-interop.netSuiteErp', credentials: { netSuiteTbaApi: { id: 'bench', name: 'bench' } } };
	const httpRequestWithAuthentication = async (_type: string, options: IHttpRequestOptions) => {
		const signed = await credentialType.authenticate(credentials, options);
		const body = signed.body === undefined ? undefined : typeof signed.body === 'string' ? signed.body : JSON.stringify(signed.body);
		const response = await fetch(signed.url, { method: signed.method ?? 'GET', headers: signed.headers as Record<string, string>, body });
		const text = await response.text();
		return { statusCode: response.status, headers: Object.fromEntries(response.headers.entries()), body: text ? (JSON.parse(text) as IDataObject) : undefined };
	};
	return {
		getNode: () => node,
		getCredentials: async () => credentials,
		helpers: { httpRequestWithAuthentication },
	} as unknown as RequestContext;
}

interface Measurement {
	label: string;
	ms: number;
	rows: number;
	distinct: number;
	requests: number;
	rateLimited: number;
	peak: number;
}

async function measure(sandbox: RemoteSandbox, label: string, concurrency: number, limit?: number): Promise<Measurement> {
	await sandbox.resetStats();
	const started = performance.now();
	const rows = await suiteQlRows(context(sandbox, concurrency), QUERY, limit ? { returnAll: false, limit, pageSize: PAGE } : { returnAll: true });
	const ms = performance.now() - started;
	const stats = (await sandbox.stats()).systems.netsuite;
	const peak = Math.max(0, ...Object.values(stats.credentials).map((s) => s.maxConcurrent));
	return { label, ms, rows: rows.length, distinct: new Set(rows.map((r) => r.id)).size, requests: stats.requests, rateLimited: stats.rateLimited, peak };
}

export async function benchNetSuiteSuiteQl(log: (line: string) => void): Promise<string> {
	const sandbox = await RemoteSandbox.start({
		systems: ['netsuite'],
		netsuite: { ledgerRows: ROWS },
		rateLimits: { netsuite: { maxConcurrent: CONCURRENCY } },
		faults: { systems: { netsuite: { latencyMs: LATENCY_MS } } },
	});
	try {
		log(`netsuite suiteql: sequential pages (first ${SEQUENTIAL_ROWS} rows)`);
		const sequential = await measure(sandbox, `node, sequential (first ${SEQUENTIAL_ROWS} rows)`, 1, SEQUENTIAL_ROWS);
		log('netsuite suiteql: concurrent pages at the account limit');
		const concurrent = await measure(sandbox, `node, Max Concurrent Requests = ${CONCURRENCY}`, CONCURRENCY);
		const pages = Math.ceil(ROWS / PAGE);
		const boundMs = Math.ceil(pages / CONCURRENCY) * LATENCY_MS;
		const rows = [['run', 'rows', 'distinct', 'requests', '429s', 'peak in flight', 'seconds', 'rows/s', 'vs bound']];
		for (const m of [sequential, concurrent]) {
			const wanted = m === sequential ? SEQUENTIAL_ROWS : ROWS;
			if (m.rows !== wanted || m.distinct !== wanted) throw new Error(`${m.label}: read ${m.rows} rows (${m.distinct} distinct) of ${wanted}`);
			const bound = (Math.ceil(m.rows / PAGE / (m === sequential ? 1 : CONCURRENCY)) * LATENCY_MS);
			rows.push([
				m.label,
				String(m.rows),
				String(m.distinct),
				String(m.requests),
				String(m.rateLimited),
				String(m.peak),
				(m.ms / 1000).toFixed(2),
				Math.round(m.rows / (m.ms / 1000)).toString(),
				(bound / m.ms).toFixed(3),
			]);
		}
		const ratio = boundMs / concurrent.ms;
		const verdict = ratio >= 0.9 ? 'PASS' : 'FAIL';
		return [
			`NetSuite SuiteQL Return All: ${ROWS} rows, ${PAGE} per page, sandbox concurrency limit ${CONCURRENCY} per account,`,
			`${LATENCY_MS} ms modelled latency per request. Bound = ceil(${pages} pages / ${CONCURRENCY}) x ${LATENCY_MS} ms = ${(boundMs / 1000).toFixed(2)} s;`,
			'"vs bound" = bound ÷ measured time (1.000 = at the bound). The first page runs alone (it tells the total),',
			`so the best possible is ${(((pages / CONCURRENCY) / (1 + Math.ceil((pages - 1) / CONCURRENCY))) * 100).toFixed(1)} %; the rest of the gap is signing, transfer and parsing per page.`,
			'',
			formatTable(rows),
			'',
			`${verdict}: concurrent Return All reached ${(ratio * 100).toFixed(1)} % of the concurrency bound (target ≥ 90 %).`,
		].join('\n');
	} finally {
		await sandbox.close();
	}
}
