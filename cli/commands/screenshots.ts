import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { startSandbox } from '../../sandbox';
import { numberFlag, parseArgs } from '../args';
import { defaultN8nVersion, ensureN8n, freePort, N8nInstance, packProject, type CredentialJson } from '../runtime';
import { demoCredentials } from '../sandboxCredentials';
import { captureWorkflow } from '../screenshots/capture';
import { launchChromium } from '../screenshots/cdp';
import { bindCredentials, loadTemplates, stableId } from '../workflows';
import { projectRoot } from './templates';
import type { Command } from './types';

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Credentials the sandbox has no system for, so that no template node shows a missing credential. */
const PLACEHOLDERS: CredentialJson[] = [
	{ id: stableId('credential:screenshots-smtp'), name: 'SMTP', type: 'smtp', data: { user: 'n8n', password: 'not-used', host: 'smtp.example.com', port: 587, secure: false } },
	{ id: stableId('credential:screenshots-digest'), name: 'Exception Digest Token', type: 'httpHeaderAuth', data: { name: 'X-Digest-Token', value: 'not-used' } },
];

export const screenshotsCommand: Command = {
	name: 'screenshots',
	summary: 'screenshot every workflow template in the n8n editor (headless Chromium) for the guides',
	usage: `erp-interop screenshots [options]

Starts the sandbox and the pinned n8n with this pack and every template in workflows/ (credentials from
the sandbox, so no node shows a warning), logs in as the owner, opens each template in the editor with
headless Chromium (Debian package "chromium", or CHROMIUM_PATH) over the DevTools protocol on a pipe, and
writes workflows/screenshots/<template>.png. A screenshot that comes out blank is an error.

Options:
  --only a,b         only these templates (file names without .json)
  --out DIR          output folder (default workflows/screenshots)
  --width N          viewport width (default 1920)
  --height N         viewport height (default 1080)
  --n8n-version V    n8n version (default ${defaultN8nVersion()})`,
	async run(argv) {
		const { flags } = parseArgs(argv);
		const root = projectRoot();
		const workflowsDir = join(root, 'workflows');
		const out = resolve(typeof flags.out === 'string' ? flags.out : join(workflowsDir, 'screenshots'));
		const width = numberFlag(flags, 'width', 1920);
		const height = numberFlag(flags, 'height', 1080);
		const only = typeof flags.only === 'string' ? flags.only.split(',').map((s) => s.trim()) : undefined;
		const version = typeof flags['n8n-version'] === 'string' ? flags['n8n-version'] : defaultN8nVersion();

		const templates = loadTemplates(workflowsDir).filter((t) => !only || only.includes(t.file.replace(/\.json$/, '')));
		if (templates.length === 0) throw new Error(`no templates match ${only?.join(', ')}`);
		log('packing the pack and starting the sandbox');
		const tarball = await packProject(root);
		const sandbox = await startSandbox({ port: 0 });
		let n8n: N8nInstance | undefined;
		let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
		try {
			const credentials = [...demoCredentials(sandbox), ...PLACEHOLDERS];
			log(`starting n8n ${version} with ${templates.length} templates`);
			n8n = await N8nInstance.create({
				runtime: await ensureN8n(version),
				port: await freePort(),
				packages: [tarball],
				credentials,
				// Shown as imported: not active, so nothing runs meanwhile.
				workflows: templates.map((t) => ({ ...bindCredentials(t, credentials), active: false })),
			});
			await n8n.start();
			const authCookie = await n8n.setupOwner();
			browser = await launchChromium({ width, height });
			mkdirSync(out, { recursive: true });
			for (const template of templates) {
				const name = template.file.replace(/\.json$/, '');
				const started = Date.now();
				const png = await captureWorkflow(browser, { baseUrl: n8n.baseUrl, authCookie, width, height }, template.id as string, template.nodes.length);
				const file = join(out, `${name}.png`);
				writeFileSync(file, png);
				log(`  ${relative(root, file)}  ${(png.length / 1024).toFixed(0)} KiB  ${Date.now() - started} ms`);
			}
		} finally {
			await browser?.close();
			await n8n?.stop();
			await sandbox.close();
		}
		return 0;
	},
};
