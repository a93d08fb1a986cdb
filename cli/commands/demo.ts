import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { numberFlag, parseArgs } from '../args';
import { Progress } from '../demo/progress';
import { DEMO_SANDBOX_OPTIONS, prepareSandbox, SCENARIO } from '../demo/scenario';
import { DEFAULT_OWNER, defaultN8nVersion, ensureBuilt, ensureN8n, N8nInstance, packProject } from '../runtime';
import { demoCredentials } from '../sandboxCredentials';
import { bindCredentials, loadTemplates } from '../workflows';
import type { Command } from './types';

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Build, sandbox, n8n install, n8n start. */
const SETUP_STEPS = 4;

export const demoCommand: Command = {
	name: 'demo',
	summary: 'sandbox + a real n8n with this pack and the example workflows; runs a scenario and prints the editor URL',
	usage: `erp-interop demo [options]

Builds and packs this project, starts the vendor sandbox, installs the pinned n8n (once, into
~/.cache/n8n-nodes-erp-interop), installs the packed pack into a fresh n8n user folder, imports a sandbox
credential and every workflow in workflows/, runs a scripted scenario against the sandbox, and prints the
editor URL and login. Keeps running until Ctrl+C.

Options:
  --port N           n8n editor port (default 5678)
  --sandbox-port N   sandbox port (default 4010)
  --n8n-version V    n8n version (default ${defaultN8nVersion()})
  --exit             run the scenario, then stop everything (for scripts and CI)`,
	async run(argv) {
		const { flags } = parseArgs(argv, ['exit']);
		const port = numberFlag(flags, 'port', 5678);
		const sandboxPort = numberFlag(flags, 'sandbox-port', 4010);
		const version = typeof flags['n8n-version'] === 'string' ? flags['n8n-version'] : defaultN8nVersion();
		const started = Date.now();
		const progress = new Progress(SETUP_STEPS + SCENARIO.length);
		const stack: Array<() => Promise<void>> = [];
		const stopAll = async () => {
			for (const stop of stack.reverse()) await stop().catch(() => undefined);
		};

		let n8n: N8nInstance;
		let sandbox: RunningSandbox;
		try {
			const tarball = await progress.step('building and packing the pack', async () => {
				await ensureBuilt(PROJECT_ROOT, () => undefined);
				return await packProject(PROJECT_ROOT);
			});
			sandbox = await progress.step('starting the vendor sandbox', async (print) => {
				const running = await startSandbox({ port: sandboxPort, ...DEMO_SANDBOX_OPTIONS });
				stack.push(async () => await running.close());
				const items = await prepareSandbox(running);
				print(`${Object.keys(running.systems).length} systems on ${running.url}; ${items} items in the NetSuite item master`);
				return running;
			});
			const runtime = await progress.step(`installing n8n ${version} (first run only: a few minutes)`, async () => await ensureN8n(version));
			n8n = await progress.step('starting n8n with the pack, the sandbox credentials and every template', async (print) => {
				const credentials = demoCredentials(sandbox);
				const workflows = loadTemplates(join(PROJECT_ROOT, 'workflows')).map((w) => bindCredentials(w, credentials));
				// A fresh n8n each run: the state store (dedupe, control numbers) matches the fresh sandbox.
				const userFolder = join(PROJECT_ROOT, '.demo', 'n8n');
				rmSync(userFolder, { recursive: true, force: true });
				mkdirSync(userFolder, { recursive: true });
				const instance = await N8nInstance.create({ runtime, userFolder, keepUserFolder: true, port, packages: [tarball], credentials, workflows });
				stack.push(async () => await instance.stop());
				await instance.start();
				await instance.setupOwner();
				print(`${workflows.length} workflows imported, ${workflows.filter((w) => w.active).length} active; ${credentials.length} credentials`);
				return instance;
			});
			for (const step of SCENARIO) await progress.step(step.title, async (print) => await step.run({ n8n, sandbox }, print));
		} catch (error) {
			await stopAll();
			throw error;
		}

		log('');
		log(`scenario finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		log(`n8n editor: http://127.0.0.1:${port}/  (login ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password})`);
		log(`sandbox:    ${sandbox.url}/__sandbox/health`);
		if (flags.exit) {
			await stopAll();
			return 0;
		}
		log('Press Ctrl+C to stop.');
		await new Promise<void>((done) => {
			process.once('SIGINT', () => done());
			process.once('SIGTERM', () => done());
		});
		await stopAll();
		return 0;
	},
};
