import type { SystemInfo } from './core/server';

/** Human-readable summary of a running sandbox: where it listens and what to type into each n8n credential. */
export function formatSandboxInfo(sandbox: { url: string; seed: number; systems: Record<string, SystemInfo> }): string {
	const lines = [`Sandbox listening on ${sandbox.url} (seed ${sandbox.seed})`, `Admin API: ${sandbox.url}/__sandbox/health`, ''];
	for (const info of Object.values(sandbox.systems)) {
		lines.push(`${info.name}: ${info.baseUrl}`);
		// These are the sandbox's own fixed, public test credentials, printed so a user can paste them into n8n.
		const width = Math.max(...Object.keys(info.credentials).map((k) => k.length));
		for (const [key, value] of Object.entries(info.credentials)) lines.push(`  ${key.padEnd(width)}  ${value}`);
		lines.push('');
	}
	return lines.join('\n');
}
