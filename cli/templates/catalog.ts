/**
 * The node and credential types a template may use: n8n's own (read from the n8n-nodes-base of a
 * cached n8n install) and this package's (read from the built classes that package.json declares).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface NodeTypeInfo {
	versions: number[];
	trigger: boolean;
}

export interface TypeCatalog {
	/** Full type name (`n8n-nodes-base.set`, `n8n-nodes-erp-interop.deltaSync`) → versions and kind. */
	nodes: Map<string, NodeTypeInfo>;
	credentials: Set<string>;
	/** Where the types came from, for messages. */
	sources: string[];
}

interface TypeDescription {
	name: string;
	version: number | number[];
	group?: string[];
}

interface PackageJson {
	name: string;
	version: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export function emptyCatalog(): TypeCatalog {
	return { nodes: new Map(), credentials: new Set(), sources: [] };
}

function addNode(catalog: TypeCatalog, name: string, versions: number[], trigger: boolean): void {
	const known = catalog.nodes.get(name);
	if (known) {
		known.versions = [...new Set([...known.versions, ...versions])].sort((a, b) => a - b);
		known.trigger ||= trigger;
	} else {
		catalog.nodes.set(name, { versions: [...new Set(versions)].sort((a, b) => a - b), trigger });
	}
}

/** `dist/nodes/If/If.node.js` → `if`: the type name n8n gives a node file when no description is at hand. */
export function typeNameFromFile(file: string): string {
	const className = basename(file).replace(/\.node\.js$/, '');
	return className.charAt(0).toLowerCase() + className.slice(1);
}

/**
 * n8n-nodes-base of an n8n install (`<n8n home>/node_modules/n8n-nodes-base`): the nodes its package.json
 * declares, with names and versions from the descriptions it ships (`dist/types/*.json`, generated from
 * those same files). Without the descriptions, names come from the file names and any version passes.
 */
export function addN8nBase(catalog: TypeCatalog, n8nHome: string): TypeCatalog {
	const root = join(n8nHome, 'node_modules', 'n8n-nodes-base');
	const pkgFile = join(root, 'package.json');
	if (!existsSync(pkgFile)) throw new Error(`n8n-nodes-base is not installed under ${n8nHome}`);
	const pkg = readJson<PackageJson>(pkgFile);
	const declared = pkg.n8n?.nodes ?? [];
	if (declared.length === 0) throw new Error(`${pkgFile} declares no nodes`);
	const described = join(root, 'dist', 'types', 'nodes.json');
	if (existsSync(described)) {
		for (const d of readJson<TypeDescription[]>(described)) {
			addNode(catalog, `${pkg.name}.${d.name}`, ([] as number[]).concat(d.version), (d.group ?? []).includes('trigger'));
		}
	} else {
		for (const file of declared) addNode(catalog, `${pkg.name}.${typeNameFromFile(file)}`, [], /Trigger\.node\.js$|Webhook\.node\.js$/.test(file));
	}
	const credentials = join(root, 'dist', 'types', 'credentials.json');
	if (existsSync(credentials)) for (const c of readJson<Array<{ name: string }>>(credentials)) catalog.credentials.add(c.name);
	else for (const file of pkg.n8n?.credentials ?? []) catalog.credentials.add(typeNameFromFile(file.replace(/\.credentials\.js$/, '.node.js')));
	catalog.sources.push(`${pkg.name}@${pkg.version} (${declared.length} node files)`);
	return catalog;
}

interface NodeClass {
	new (): { description?: TypeDescription & { defaultVersion?: number }; nodeVersions?: Record<string, unknown> };
}

/** This package's nodes and credentials, from the built files its package.json declares. */
export function addPackage(catalog: TypeCatalog, projectRoot: string): TypeCatalog {
	const pkg = readJson<PackageJson>(join(projectRoot, 'package.json'));
	for (const file of pkg.n8n?.nodes ?? []) {
		const path = join(projectRoot, file);
		if (!existsSync(path)) throw new Error(`${file} is missing: build the project first (npm run build)`);
		const className = basename(file).replace(/\.node\.js$/, '');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const NodeType = (require(path) as Record<string, NodeClass | undefined>)[className];
		if (!NodeType) throw new Error(`${file} does not export ${className}`);
		const instance = new NodeType();
		const description = instance.description;
		if (!description) throw new Error(`${file}: ${className} has no description`);
		const versions = instance.nodeVersions ? Object.keys(instance.nodeVersions).map(Number) : ([] as number[]).concat(description.version);
		addNode(catalog, `${pkg.name}.${description.name}`, versions, (description.group ?? []).includes('trigger'));
	}
	for (const file of pkg.n8n?.credentials ?? []) {
		const path = join(projectRoot, file);
		if (!existsSync(path)) throw new Error(`${file} is missing: build the project first (npm run build)`);
		const className = basename(file).replace(/\.credentials\.js$/, '');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const Credential = (require(path) as Record<string, (new () => { name: string }) | undefined>)[className];
		if (!Credential) throw new Error(`${file} does not export ${className}`);
		catalog.credentials.add(new Credential().name);
	}
	catalog.sources.push(`${pkg.name}@${pkg.version}`);
	return catalog;
}
