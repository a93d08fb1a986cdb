import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { CredentialJson, WorkflowJson } from './runtime';

interface TemplateNode {
	type: string;
	credentials?: Record<string, { id?: string; name: string }>;
	[key: string]: unknown;
}

export interface Template extends WorkflowJson {
	file: string;
}

/** A stable 16-character id from a name, so re-importing a template updates it instead of duplicating it. */
export function stableId(name: string): string {
	return createHash('sha256').update(name).digest('hex').slice(0, 16);
}

/** The workflow templates of a folder (`*.json`), with ids derived from their file names. */
export function loadTemplates(dir: string): Template[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowJson;
			return { ...workflow, id: stableId(`workflow:${basename(file, '.json')}`), file };
		});
}

/**
 * Points every node's credential slot at the instance's credential of that type. Templates ship
 * without credential ids (they differ per n8n instance), so this is done at import time.
 */
export function bindCredentials(workflow: WorkflowJson, credentials: CredentialJson[]): WorkflowJson {
	const byType = new Map(credentials.map((c) => [c.type, c]));
	const nodes = (workflow.nodes as TemplateNode[]).map((node) => {
		if (!node.credentials) return node;
		const bound = Object.fromEntries(
			Object.entries(node.credentials).map(([type, ref]) => {
				const credential = byType.get(type);
				return [type, credential ? { id: credential.id, name: credential.name } : ref];
			}),
		);
		return { ...node, credentials: bound };
	});
	return { ...workflow, nodes };
}
