/**
 * Helpers for e2e tests against a real n8n. `npm run test:e2e` (test/e2e/run.js) prepares the n8n
 * install and the packed project before jest starts; run directly, jest prepares them here instead.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
	defaultN8nVersion,
	ensureN8n,
	N8nInstance,
	packDirectory,
	packProject,
	type N8nOptions,
	type N8nRuntime,
} from '../../cli/runtime';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
const E2E_DIR = join(PROJECT_ROOT, '.e2e');
/** Preparing n8n, the build and the package may take minutes when nothing is cached yet. */
export const SETUP_TIMEOUT_MS = 20 * 60_000;
/** One `n8n execute` takes 3-5 s; tests that run several need more than jest's 5 s default. */
export const E2E_TEST_TIMEOUT_MS = 120_000;

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

let runtime: Promise<N8nRuntime> | undefined;
let tarball: Promise<string> | undefined;
const fixtures = new Map<string, Promise<string>>();

/** The pinned n8n (N8N_VERSION, default 2.8.4), installed into the cache on first use. */
export function e2eRuntime(): Promise<N8nRuntime> {
	runtime ??= ensureN8n(defaultN8nVersion());
	return runtime;
}

/** The project packed as published (prepared by run.js as ERP_E2E_PACKAGE_TGZ, else built and packed now). */
export function projectTarball(): Promise<string> {
	const prepared = process.env.ERP_E2E_PACKAGE_TGZ;
	tarball ??= prepared ? Promise.resolve(prepared) : packProject(PROJECT_ROOT);
	return tarball;
}

/** A package under test/e2e/fixtures/, packed into .e2e/fixtures/. */
export function fixtureTarball(name: string): Promise<string> {
	let packed = fixtures.get(name);
	if (!packed) {
		packed = packDirectory(join(__dirname, 'fixtures', name), join(E2E_DIR, 'fixtures'));
		fixtures.set(name, packed);
	}
	return packed;
}

/** Creates an instance with the project's package installed (plus options.packages) and starts it unless told not to. */
export async function createE2eN8n(options: N8nOptions = {}, { start = true } = {}): Promise<N8nInstance> {
	const instance = await N8nInstance.create({
		...options,
		runtime: options.runtime ?? (await e2eRuntime()),
		packages: [await projectTarball(), ...(options.packages ?? [])],
	});
	if (start) {
		await instance.start();
	}
	return instance;
}

/**
 * One n8n for a describe block: created in beforeAll, stopped in afterAll (also when tests fail).
 * Set ERP_E2E_LOGS=1 to print the n8n log when it stops.
 */
export function useN8n(options: () => N8nOptions | Promise<N8nOptions>, { start = true } = {}): () => N8nInstance {
	let instance: N8nInstance | undefined;
	beforeAll(async () => {
		instance = await createE2eN8n(await options(), { start });
	}, SETUP_TIMEOUT_MS);
	afterAll(async () => {
		if (instance && process.env.ERP_E2E_LOGS === '1') process.stderr.write(`${instance.logs()}\n`);
		await instance?.stop();
	});
	return () => {
		if (!instance) throw new Error('n8n is not set up (beforeAll failed?)');
		return instance;
	};
}

interface NodeClass {
	new (): { description: { name: string } };
}

/**
 * The node types the package declares (package.json `n8n.nodes`), as n8n names them:
 * `<package name>.<description.name>`, read from the built node classes.
 */
export function packageNodeTypes(): string[] {
	const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		name: string;
		n8n: { nodes: string[] };
	};
	return pkg.n8n.nodes.map((file) => {
		const className = file.replace(/^.*\//, '').replace(/\.node\.js$/, '');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(join(PROJECT_ROOT, file)) as Record<string, NodeClass | undefined>;
		const NodeType = exported[className];
		if (!NodeType) throw new Error(`${file} does not export ${className}`);
		return `${pkg.name}.${new NodeType().description.name}`;
	});
}
