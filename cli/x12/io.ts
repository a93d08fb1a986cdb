import { once } from 'node:events';
import { createReadStream, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Diagnostic } from '../../nodes/X12/core/types';

/** A file path or "-" (stdin) as a chunk stream, so big files are never held whole. */
export function openInput(path: string): Readable {
	return path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 256 * 1024 });
}

/** A whole input (for small JSON documents). */
export async function readInput(path: string): Promise<string> {
	if (path !== '-') return readFileSync(path, 'utf8');
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** Writes to stdout, waiting when the pipe is full so large outputs stay in bounded memory. */
export async function write(text: string): Promise<void> {
	if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** One diagnostic as a line for people: `error SE_COUNT: … (interchange 1, group 1, set 2, segment 14 SE, element 1)`. */
export function describeDiagnostic(d: Diagnostic): string {
	const where: string[] = [];
	// People count from 1; the JSON keeps the 0-based indexes.
	if (d.interchange !== undefined) where.push(`interchange ${d.interchange + 1}`);
	if (d.group !== undefined) where.push(`group ${d.group + 1}`);
	if (d.transaction !== undefined) where.push(`set ${d.transaction + 1}`);
	if (d.segmentIndex !== undefined) where.push(`segment ${d.segmentIndex + 1}${d.segmentId ? ` ${d.segmentId}` : ''}`);
	if (d.elementIndex !== undefined) where.push(`element ${d.elementIndex}`);
	return `${d.severity} ${d.code}: ${d.message}${where.length ? ` (${where.join(', ')})` : ''}`;
}

export function printDiagnostics(diagnostics: Diagnostic[]): void {
	for (const d of diagnostics) process.stderr.write(`${describeDiagnostic(d)}\n`);
}

/** Thrown for bad command lines: the command prints the message and exits 2. */
export class UsageError extends Error {}
