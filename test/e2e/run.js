#!/usr/bin/env node
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script: it runs before any build */
/**
 * `npm run test:e2e`: does the steps that need the network first (install the pinned n8n, build, pack,
 * install the package's dependencies into the cache), then runs the e2e jest project inside a
 * loopback-only network namespace, so nothing a test starts (sandbox servers, n8n) can reach outside.
 * With a new PID namespace too, every process left behind dies with the namespace.
 * Extra arguments go to jest. ERP_E2E_NO_NETNS=1 skips the namespace.
 */
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const runtimeEntry = join(root, 'dist', 'cli', 'runtime', 'index.js');
const log = (line) => process.stderr.write(`[e2e] ${line}\n`);

async function timed(label, work) {
	const started = Date.now();
	const result = await work();
	log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

/** unshare flags that work here (root, else an unprivileged user namespace), or undefined. */
function namespaceFlags() {
	if (process.env.ERP_E2E_NO_NETNS === '1') return undefined;
	const base = ['--net', '--pid', '--fork', '--kill-child', '--mount-proc'];
	for (const flags of [base, ['--map-root-user', ...base]]) {
		const probe = spawnSync('unshare', [...flags, 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' });
		if (probe.status === 0) return flags;
	}
	return undefined;
}

async function main() {
	// The runtime ships in dist/; the first build of a fresh clone happens here.
	if (!existsSync(runtimeEntry)) {
		await timed('build', async () => {
			const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
			if (build.status !== 0) throw new Error('npm run build failed');
		});
	}
	let runtime = require(runtimeEntry);
	if (await timed('build check', () => runtime.ensureBuilt(root, log))) {
		for (const key of Object.keys(require.cache)) if (key.startsWith(join(root, 'dist'))) delete require.cache[key];
		runtime = require(runtimeEntry);
	}
	const version = runtime.defaultN8nVersion();
	await timed(`n8n ${version}`, () => runtime.ensureN8n(version, log));
	const tarball = await timed('npm pack', () => runtime.packProject(root, { log }));
	// Fills the dependency cache so the installs inside the namespace need no registry.
	await timed('package install', async () => {
		const scratch = mkdtempSync(join(tmpdir(), 'erp-interop-pack-'));
		try {
			await runtime.installPackedTarball(tarball, scratch);
		} finally {
			rmSync(scratch, { recursive: true, force: true });
		}
	});

	const env = { ...process.env, N8N_VERSION: version, ERP_E2E_PACKAGE_TGZ: tarball };
	// Two files at a time: most of an e2e test is waiting (n8n start, webhooks, polling), so two n8n
	// instances share two cores well. ERP_E2E_WORKERS=1 runs them one by one.
	const workers = Number(process.env.ERP_E2E_WORKERS ?? 2);
	const jest = [require.resolve('jest/bin/jest'), '--selectProjects', 'e2e', workers > 1 ? `--maxWorkers=${workers}` : '--runInBand', ...process.argv.slice(2)];
	const flags = namespaceFlags();
	let command = process.execPath;
	let args = jest;
	if (flags) {
		env.ERP_E2E_NETNS = '1';
		command = 'unshare';
		// sh stays PID 1 (no exec) so that jest gets normal signal handling.
		args = [...flags, 'sh', '-c', 'ip link set lo up || exit 1; "$@"; exit $?', 'sh', process.execPath, ...jest];
	} else {
		log('warning: no loopback-only network namespace (unshare unavailable or ERP_E2E_NO_NETNS=1); e2e tests can reach the network');
	}
	const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
	log(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
