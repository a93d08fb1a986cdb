/**
 * Every template in workflows/ against the conventions (cli/templates/validate.ts), with the node types of
 * the pinned n8n (its installed n8n-nodes-base) and of the packed project; then all of them imported
 * into one real n8n as the demo does it: every node type is one n8n has loaded, and every active template
 * activates (its webhooks answer) without an activation error.
 */
import { join } from 'node:path';

import { addN8nBase, addPackage, emptyCatalog } from '../../../cli/templates/catalog';
import { checkLibrary, formatFindings } from '../../../cli/templates/validate';
import { demoCredentials } from '../../../cli/sandboxCredentials';
import { bindCredentials, loadTemplates, stableId } from '../../../cli/workflows';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { e2eRuntime, PROJECT_ROOT, useN8n } from '../harness';

const WORKFLOWS = join(PROJECT_ROOT, 'workflows');

describe('the template library', () => {
	it('keeps the template conventions (node types from the pinned n8n and this package)', async () => {
		const runtime = await e2eRuntime();
		const catalog = addPackage(addN8nBase(emptyCatalog(), runtime.home), PROJECT_ROOT);
		expect(catalog.nodes.get('n8n-nodes-base.webhook')?.versions).toContain(2);
		expect(catalog.nodes.get('n8n-nodes-erp-interop.exceptionQueue')?.versions).toEqual([1]);

		const reports = checkLibrary(WORKFLOWS, catalog);

		expect(reports.map((r) => r.file)).toEqual(expect.arrayContaining(['exception-handling.json', 'supplier-sync.json', 'x12-850-to-997.json']));
		expect(formatFindings(reports)).toEqual([]);
	});

	describe('imported into a real n8n', () => {
		const templates = loadTemplates(WORKFLOWS);
		let sandbox: RunningSandbox | undefined;
		// The demo's credentials against a sandbox: triggers that register webhooks with a vendor can activate.
		const n8n = useN8n(async () => {
			sandbox = await startSandbox({ shiphero: { products: 16 } });
			const credentials = demoCredentials(sandbox);
			return { credentials, workflows: templates.map((t) => bindCredentials(t, credentials)) };
		});
		afterAll(async () => await sandbox?.close());

		it('uses only node types n8n has loaded', async () => {
			const loaded = new Set(await n8n().nodeTypes());
			const used = [...new Set(templates.flatMap((t) => t.nodes.map((node) => node.type)))];
			expect(used.filter((type) => !loaded.has(type))).toEqual([]);
		});

		it('activates every active template, each under the id derived from its file name', async () => {
			const response = await n8n().publicApi<{ data: Array<{ id: string; name: string; active: boolean }> }>('GET', 'workflows?limit=250');
			expect(response.status).toBe(200);
			const byId = new Map(response.body.data.map((w) => [w.id, w]));
			for (const template of templates) {
				const id = stableId(`workflow:${template.file.replace(/\.json$/, '')}`);
				expect({ file: template.file, active: byId.get(id)?.active }).toEqual({ file: template.file, active: template.active === true });
			}
			expect(n8n().logs()).not.toMatch(/^error .*activat/im);
		});
	});
});
