import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSandbox } from '../../sandbox';

export interface BcClient {
	root: string;
	companyRoot: string;
	token: string;
	call(path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<Response>;
	json<T = Record<string, unknown>>(path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<T>;
}

/** Fetches a client-credentials token the way Entra ID is called, from the credential values only. */
export async function bcToken(sandbox: RunningSandbox, overrides: Record<string, string> = {}): Promise<Response> {
	const c = sandbox.systems.businesscentral.credentials;
	return await fetch(`${c.loginUrl}/${overrides.tenantId ?? c.tenantId}/oauth2/v2.0/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: c.clientId,
			client_secret: c.clientSecret,
			scope: c.scope,
			...overrides,
		}),
	});
}

export async function bcClient(sandbox: RunningSandbox): Promise<BcClient> {
	const c = sandbox.systems.businesscentral.credentials;
	const token = ((await (await bcToken(sandbox)).json()) as { access_token: string }).access_token;
	const root = c.apiRoot;
	const companyRoot = `${root}/companies(${c.companyId})`;
	const call = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
		fetch(path.startsWith('http') ? path : `${companyRoot}${path}`, {
			...init,
			headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
		});
	return {
		root,
		companyRoot,
		token,
		call,
		json: async <T>(path: string, init?: RequestInit & { headers?: Record<string, string> }) => {
			const res = await call(path, init);
			if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
			return (await res.json()) as T;
		},
	};
}

export interface Subscriber {
	url: string;
	received: Array<{ url: string; body: string }>;
	close(): Promise<void>;
}

/** A notification endpoint: echoes validation tokens unless told not to, and records notifications. */
export async function startBcSubscriber(options: { echo?: boolean; status?: number } = {}): Promise<Subscriber> {
	const received: Array<{ url: string; body: string }> = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			const token = url.searchParams.get('validationToken');
			received.push({ url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
			if (token !== null) {
				res.writeHead(200, { 'content-type': 'text/plain' });
				res.end(options.echo === false ? 'wrong' : token);
				return;
			}
			res.writeHead(options.status ?? 202);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/notify`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
