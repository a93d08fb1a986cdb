import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runChecked } from './processes';

/** What `npm run build` reads (tsconfig.build.json's include, the assets gulp copies, the build config). */
const SOURCE_DIRS = ['credentials', 'nodes', 'sandbox', 'cli', 'bench'];
const SOURCE_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'gulpfile.js'];
const SOURCE_EXT = /\.(ts|svg|png|json)$/;

function walk(dir: string, visit: (path: string) => void): void {
	if (!existsSync(dir)) return;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'node_modules') continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) walk(path, visit);
		else visit(path);
	}
}

/** Why dist/ cannot be used as is, or undefined when it is current. */
export function buildStaleReason(projectRoot: string): string | undefined {
	const dist = join(projectRoot, 'dist');
	if (!existsSync(dist)) return 'dist/ is missing';
	const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
		if (!existsSync(join(projectRoot, file))) return `${file} is missing`;
	}
	// `npm run build` empties dist/ first, so its oldest compiled file marks when the last build
	// started (copied assets keep their source mtimes, so they do not count).
	let builtAt = Infinity;
	walk(dist, (path) => {
		if (path.endsWith('.js')) builtAt = Math.min(builtAt, statSync(path).mtimeMs);
	});
	if (builtAt === Infinity) return 'dist/ is empty';
	let newest: string | undefined;
	let newestAt = 0;
	const consider = (path: string): void => {
		const at = statSync(path).mtimeMs;
		if (at > newestAt) [newest, newestAt] = [path, at];
	};
	for (const dir of SOURCE_DIRS) walk(join(projectRoot, dir), (path) => SOURCE_EXT.test(path) && consider(path));
	for (const file of SOURCE_FILES) if (existsSync(join(projectRoot, file))) consider(join(projectRoot, file));
	return newest && newestAt > builtAt ? `${newest.slice(projectRoot.length + 1)} changed after the last build` : undefined;
}

/** Runs `npm run build` only when dist/ is missing or older than its sources. */
export async function ensureBuilt(
	projectRoot: string,
	log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<boolean> {
	const reason = buildStaleReason(projectRoot);
	if (!reason) return false;
	log(`building the package: ${reason}`);
	await runChecked('npm run build', 'npm', ['run', 'build'], { cwd: projectRoot });
	return true;
}
