import { homedir } from 'node:os';
import { join } from 'node:path';

/** The newest n8n whose `engines` accept Node 20 (see docs/e2e-harness.md). */
export const DEFAULT_N8N_VERSION = '2.8.4';

/** From this release on n8n requires Node 24, which is then installed from the npm registry. */
const NODE24_FROM = [2, 36] as const;

export function defaultN8nVersion(): string {
	return process.env.N8N_VERSION || DEFAULT_N8N_VERSION;
}

/** `${ERP_INTEROP_CACHE:-${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-erp-interop}`: shared by every run and checkout. */
export function cacheRoot(): string {
	if (process.env.ERP_INTEROP_CACHE) return process.env.ERP_INTEROP_CACHE;
	return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-erp-interop');
}

/** Where one n8n version lives: `<cache>/n8n-<version>/` with a `.installed` marker once complete. */
export function n8nHome(version: string): string {
	return join(cacheRoot(), `n8n-${version}`);
}

export function needsNode24(version: string): boolean {
	const [major, minor] = version.split('.').map((part) => Number.parseInt(part, 10));
	if (!Number.isFinite(major) || !Number.isFinite(minor)) {
		throw new Error(`Not an n8n version: ${version}`);
	}
	return major > NODE24_FROM[0] || (major === NODE24_FROM[0] && minor >= NODE24_FROM[1]);
}
