import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensureBuilt } from './build';
import { npmEnv } from './npm';
import { cacheRoot } from './paths';
import { runChecked } from './processes';

interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
}

function readPackageJson(dir: string): PackageJson {
	return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** `npm pack` of a package folder into outDir; returns the tarball's path. */
export async function packDirectory(packageDir: string, outDir: string): Promise<string> {
	mkdirSync(outDir, { recursive: true });
	const { stdout } = await runChecked(
		`npm pack ${packageDir}`,
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', resolve(outDir)],
		{ cwd: packageDir },
	);
	// npm prints the JSON array last; anything before it is lifecycle noise.
	const packed = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
	return join(resolve(outDir), packed[0].filename);
}

/**
 * Packs this project the way it is published: builds first when dist/ is missing or stale, then
 * `npm pack` into `<projectRoot>/.e2e/`.
 */
export async function packProject(
	projectRoot: string,
	options: { outDir?: string; log?: (line: string) => void } = {},
): Promise<string> {
	await ensureBuilt(projectRoot, options.log);
	return await packDirectory(projectRoot, options.outDir ?? join(projectRoot, '.e2e'));
}

/** The arguments n8n's own community-package installer passes to `npm install`. */
const N8N_INSTALL_ARGS = [
	'install',
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

/**
 * Installs a packed community-node tarball into `<userFolder>/.n8n/nodes/node_modules/<name>/` as n8n's
 * installer does (extract, drop dev/peer/optional dependencies, `npm install --ignore-scripts`), so the
 * node types are `<name>.<node>`. The installed node_modules are cached per dependency set, which makes
 * later installs offline and fast. Returns the installed package folder.
 */
export async function installPackedTarball(tarball: string, userFolder: string): Promise<string> {
	const modulesDir = join(userFolder, '.n8n', 'nodes', 'node_modules');
	mkdirSync(modulesDir, { recursive: true });
	const staging = mkdtempSync(join(modulesDir, '.staging-'));
	try {
		await runChecked('extracting the package tarball', 'tar', ['-xzf', resolve(tarball), '-C', staging, '--strip-components=1']);
		const pkg = readPackageJson(staging);
		for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies'] as const) delete pkg[key];
		writeFileSync(join(staging, 'package.json'), JSON.stringify(pkg, null, 2));
		const target = join(modulesDir, pkg.name);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(dirname(target), { recursive: true });
		renameSync(staging, target);
		await installDependencies(target, pkg);
		registerInNodesPackageJson(join(userFolder, '.n8n', 'nodes'), pkg);
		return target;
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

async function installDependencies(target: string, pkg: PackageJson): Promise<void> {
	const dependencies = pkg.dependencies ?? {};
	if (Object.keys(dependencies).length === 0) return;
	const sorted = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
	const hash = createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
	const cached = join(cacheRoot(), 'package-deps', `${pkg.name.replace(/[@/]/g, '_')}-${hash}`, 'node_modules');
	if (existsSync(cached)) {
		cpSync(cached, join(target, 'node_modules'), { recursive: true });
		return;
	}
	await runChecked(`npm install (dependencies of ${pkg.name})`, 'npm', N8N_INSTALL_ARGS, { cwd: target, env: npmEnv() });
	// Publish into the cache atomically so a concurrent reader never sees half a tree.
	mkdirSync(dirname(cached), { recursive: true });
	const tmp = mkdtempSync(`${cached}.tmp-`);
	cpSync(join(target, 'node_modules'), tmp, { recursive: true });
	try {
		renameSync(tmp, cached);
	} catch {
		rmSync(tmp, { recursive: true, force: true });
	}
}

/** n8n keeps `<userFolder>/.n8n/nodes/package.json` listing the installed community packages. */
function registerInNodesPackageJson(nodesDir: string, pkg: PackageJson): void {
	const path = join(nodesDir, 'package.json');
	const current: { dependencies?: Record<string, string>; [key: string]: unknown } = existsSync(path)
		? JSON.parse(readFileSync(path, 'utf8'))
		: { name: 'installed-nodes', private: true };
	const next = { ...current, dependencies: { ...(current.dependencies ?? {}), [pkg.name]: pkg.version } };
	writeFileSync(path, JSON.stringify(next, null, 2));
}
