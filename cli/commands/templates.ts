import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { parseArgs } from '../args';
import { defaultN8nVersion, ensureN8n, n8nHome } from '../runtime';
import { addN8nBase, addPackage, emptyCatalog, type TypeCatalog } from '../templates/catalog';
import { checkLibrary, formatFindings, RULES, templateFiles } from '../templates/validate';
import { stableId } from '../workflows';
import type { Command } from './types';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** The checkout or installed package this CLI belongs to (the folder with its package.json). */
export function projectRoot(from = __dirname): string {
	for (let dir = from; ; dir = dirname(dir)) {
		const pkg = join(dir, 'package.json');
		if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'n8n-nodes-erp-interop') return dir;
		if (dirname(dir) === dir) throw new Error('cannot find the n8n-nodes-erp-interop package root');
	}
}

interface ListedNode {
	type?: string;
	name?: string;
	parameters?: Record<string, unknown>;
	disabled?: boolean;
}

/** What starts a template: webhook paths, schedules, the error trigger, sub-workflow calls. */
function entryPoints(nodes: ListedNode[]): string[] {
	return nodes.flatMap((node) => {
		if (node.disabled) return [];
		switch (node.type) {
			case 'n8n-nodes-base.webhook':
				return [`${String(node.parameters?.httpMethod ?? 'GET')} /webhook/${String(node.parameters?.path ?? '')}`];
			case 'n8n-nodes-base.scheduleTrigger':
				return ['schedule'];
			case 'n8n-nodes-base.errorTrigger':
				return ['error workflow'];
			case 'n8n-nodes-base.executeWorkflowTrigger':
				return ['sub-workflow'];
			case 'n8n-nodes-base.manualTrigger':
				return ['manual'];
			default:
				return node.type && /Trigger$/.test(node.type) ? [node.type.replace(/^.*\./, '')] : [];
		}
	});
}

function list(dir: string): number {
	const rows = templateFiles(dir).map((file) => {
		const name = file.replace(/\.json$/, '');
		try {
			const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { name?: string; nodes?: ListedNode[]; active?: boolean };
			const nodes = workflow.nodes ?? [];
			return [name, stableId(`workflow:${name}`), workflow.active ? 'active' : '-', String(nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').length), entryPoints(nodes).join(', '), workflow.name ?? ''];
		} catch (error) {
			return [name, stableId(`workflow:${name}`), '?', '?', `not JSON: ${(error as Error).message}`, ''];
		}
	});
	const header = ['template', 'workflow id', 'state', 'nodes', 'started by', 'name'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	for (const row of [header, ...rows]) out(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
	return 0;
}

async function catalogFor(root: string, version: string, install: boolean): Promise<TypeCatalog> {
	const home = n8nHome(version);
	if (!existsSync(join(home, '.installed'))) {
		if (!install) throw new Error(`n8n ${version} is not installed in ${home}; add --install (a few minutes, once) or run npm run test:e2e`);
		await ensureN8n(version, out);
	}
	return addPackage(addN8nBase(emptyCatalog(), home), root);
}

export const templatesCommand: Command = {
	name: 'templates',
	summary: 'list the workflow templates, or check them against the template conventions',
	usage: `erp-interop templates list|validate [options]

list      every template in the folder: its workflow id (as imported), state, size and what starts it
validate  checks every template (exit 1 on a finding):
${Object.entries(RULES)
	.map(([rule, text]) => `            ${rule.padEnd(15)} ${text}`)
	.join('\n')}
          Node types are checked against n8n-nodes-base of the cached n8n (see docs/e2e-harness.md) and the
          built nodes of this package (npm run build).

Options:
  --dir DIR          template folder (default: the package's workflows/)
  --n8n-version V    n8n whose nodes count as known (default ${defaultN8nVersion()})
  --install          install that n8n into the cache when it is missing`,
	async run(argv) {
		const { positionals, flags } = parseArgs(argv, ['install']);
		const root = projectRoot();
		const dir = resolve(typeof flags.dir === 'string' ? flags.dir : join(root, 'workflows'));
		const [action] = positionals;
		if (action === 'list') return list(dir);
		if (action !== 'validate') {
			process.stderr.write(`erp-interop templates: expected "list" or "validate", got ${action ? `"${action}"` : 'nothing'}\n`);
			return 2;
		}
		const version = typeof flags['n8n-version'] === 'string' ? flags['n8n-version'] : defaultN8nVersion();
		const catalog = await catalogFor(root, version, flags.install === true);
		const reports = checkLibrary(dir, catalog);
		for (const report of reports) out(`${report.findings.length === 0 ? 'ok  ' : 'FAIL'}  ${report.file}`);
		const findings = formatFindings(reports);
		if (findings.length > 0) {
			out('');
			for (const line of findings) out(line);
		}
		out(`\n${reports.length} templates, ${findings.length} findings (types: ${catalog.sources.join(', ')})`);
		return findings.length === 0 ? 0 : 1;
	},
};
