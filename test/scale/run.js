#!/usr/bin/env node
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script: it runs before any build */
/**
 * `npm run test:scale`: the queue-mode suites. Does what needs the network first (redis-server from
 * Debian's packages when it is missing, the pinned n8n, build, pack, the package's dependencies into
 * the cache), then runs jest with test/scale/jest.config.js inside a loopback-only network and PID
 * namespace, so nothing the suites start (PostgreSQL, Redis, n8n main and workers, the sandbox) can
 * reach outside or outlive the run. Extra arguments go to jest. ERP_E2E_NO_NETNS=1 skips the namespace.
 */
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { delimiter, join } = require('node:path');

const root = join(__dirname, '..', '..');
const runtimeEntry = join(root, 'dist', 'cli', 'runtime', 'index.js');
const log = (line) => process.stderr.write(`[scale] ${line}\n`);

async function timed(label, work) {
	const started = Date.now();
	const result = await work();
	log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

function onPath(command) {
	return [...(process.env.PATH || '').split(delimiter), '/usr/bin', '/usr/sbin'].some((dir) => dir && existsSync(join(dir, command)));
}

/** redis-server from Debian when missing (root only); an external server or an explicit folder needs nothing. */
function ensureRedisServer() {
	if (process.env.ERP_INTEROP_TEST_REDIS_URL || process.env.ERP_INTEROP_REDIS_BIN || onPath('redis-server')) return;
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		throw new Error('redis-server is missing: install it (apt-get install -y redis-server) or set ERP_INTEROP_TEST_REDIS_URL');
	}
	log('installing redis-server from the Debian packages');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
	if (install.status !== 0) {
		spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
	}
	if (install.status !== 0) throw new Error('apt-get install redis-server failed');
	// Debian's package starts a system-wide server where an init system runs; the suites start their own.
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
	const started = Date.now();
	await timed('redis-server', async () => ensureRedisServer());
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
	await timed('package install', async () => {
		const scratch = mkdtempSync(join(tmpdir(), 'erp-interop-pack-'));
		try {
			await runtime.installPackedTarball(tarball, scratch);
		} finally {
			rmSync(scratch, { recursive: true, force: true });
		}
	});

	const env = { ...process.env, N8N_VERSION: version, ERP_E2E_PACKAGE_TGZ: tarball };
	const jest = [require.resolve('jest/bin/jest'), '--config', join(__dirname, 'jest.config.js'), '--runInBand', ...process.argv.slice(2)];
	const flags = namespaceFlags();
	let command = process.execPath;
	let args = jest;
	if (flags) {
		env.ERP_E2E_NETNS = '1';
		command = 'unshare';
		// sh stays PID 1 (no exec) so that jest gets normal signal handling.
		args = [...flags, 'sh', '-c', 'ip link set lo up || exit 1; "$@"; exit $?', 'sh', process.execPath, ...jest];
	} else {
		log('warning: no loopback-only network namespace (unshare unavailable or ERP_E2E_NO_NETNS=1); the suites can reach the network');
	}
	const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
	child.on('exit', (code, signal) => {
		log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
		process.exit(code ?? (signal ? 1 : 0));
	});
}

main().catch((error) => {
	log(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
