import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSandbox } from '../../sandbox';

export interface CwClient {
	apiUrl: string;
	headers: Record<string, string>;
	/** Calls the ConnectWise API with the sandbox credentials; `path` is below `/apis/3.0`. */
	call(path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<Response>;
	json<T = unknown>(path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<T>;
}

/** A client built from the credential values only, the way a user fills in n8n. */
export function cwClient(sandbox: RunningSandbox): CwClient {
	const c = sandbox.systems.connectwise.credentials;
	const apiUrl = `${c.siteUrl}/v4_6_release/apis/3.0`;
	const headers = {
		Authorization: `Basic ${Buffer.from(`${c.companyId}+${c.publicKey}:${c.privateKey}`).toString('base64')}`,
		clientId: c.clientId,
		'Content-Type': 'application/json',
	};
	const call = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
		fetch(path.startsWith('http') ? path : `${apiUrl}${path}`, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });
	return {
		apiUrl,
		headers,
		call,
		json: async <T>(path: string, init?: RequestInit & { headers?: Record<string, string> }) => {
			const res = await call(path, init);
			if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
			return (await res.json()) as T;
		},
	};
}

export const q = (value: string): string => encodeURIComponent(value);

/** Parses an RFC 5988 Link header into rel → URL. */
export function parseLinks(header: string | null): Record<string, string> {
	const out: Record<string, string> = {};
	if (!header) return out;
	for (const part of header.split(/,\s*(?=<)/)) {
		const m = /^<([^>]+)>;\s*rel="([^"]+)"$/.exec(part.trim());
		if (m) out[m[2]] = m[1];
	}
	return out;
}

export interface Received {
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

/** A local webhook subscriber that records what it receives and answers with `status(n)` for the n-th request. */
export async function startSubscriber(status: (n: number) => number = () => 200): Promise<{
	url: string;
	received: Received[];
	close(): Promise<void>;
}> {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(status(received.length));
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
