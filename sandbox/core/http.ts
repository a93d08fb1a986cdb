import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxResponse } from './types';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Thrown by `SandboxRequest.json()` when the body is not JSON. */
export class BodyParseError extends Error {}

/** A handler may throw this to answer with a prepared response. */
export class SandboxHttpError extends Error {
	constructor(readonly response: SandboxResponse) {
		super(`HTTP ${response.status}`);
	}
}

export interface ReadBody {
	body: Buffer;
	tooLarge: boolean;
}

/** Reads the whole body, keeping at most `limit` bytes (the rest is drained so the socket stays usable). */
export function readBody(req: IncomingMessage, limit: number): Promise<ReadBody> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
		req.on('error', reject);
	});
}

export function parseJsonBody(raw: Buffer): unknown {
	const text = raw.toString('utf8');
	if (text.trim() === '') throw new BodyParseError('The request body is empty');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new BodyParseError('The request body is not valid JSON');
	}
}

export function json(status: number, body: unknown, headers: Record<string, string | string[]> = {}): SandboxResponse {
	return { status, body, headers };
}

export function empty(status: number, headers: Record<string, string | string[]> = {}): SandboxResponse {
	return { status, headers };
}

export function writeResponse(res: ServerResponse, response: SandboxResponse): void {
	if (res.writableEnded || res.destroyed) return;
	const headers: Record<string, string | string[]> = { ...(response.headers ?? {}) };
	let payload: string | undefined;
	if (response.body !== undefined && response.status !== 204) {
		payload = JSON.stringify(response.body);
		if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8';
	} else if (response.text !== undefined && response.status !== 204) {
		payload = response.text;
		if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'text/plain; charset=utf-8';
	}
	if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
	else if (response.status !== 204) headers['Content-Length'] = '0';
	res.writeHead(response.status, headers);
	res.end(payload);
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
	return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

/** Case-insensitive lookup of a query parameter (ASP.NET-style servers bind them that way). */
export function queryParam(query: URLSearchParams, name: string): string | undefined {
	const lower = name.toLowerCase();
	for (const [k, v] of query) if (k.toLowerCase() === lower) return v;
	return undefined;
}

export function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}
