/**
 * The conventions every template in workflows/ keeps (docs/templates.md): a clean n8n export that any
 * instance can import, known node types, no credential or instance ids, sticky notes around every stage,
 * one Configuration node after the triggers, an error path into the Exception Queue, the
 * exception-handling template as error workflow, no code evaluated from data, and a guide (its own or
 * one shared by the workflows of a template) with each workflow's screenshot. Each rule is a function
 * of the parsed file, so a broken workflow fails exactly one rule.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { stableId } from '../workflows';
import type { TypeCatalog } from './catalog';

export const EXCEPTION_HANDLING = 'exception-handling';
export const EXCEPTION_QUEUE_TYPE = 'n8n-nodes-erp-interop.exceptionQueue';
const STICKY_NOTE = 'n8n-nodes-base.stickyNote';
const SET = 'n8n-nodes-base.set';
const WEBHOOK = 'n8n-nodes-base.webhook';
const CODE_TYPES = ['n8n-nodes-base.code', 'n8n-nodes-base.function', 'n8n-nodes-base.functionItem'];
/** Sticky notes are drawn from their position with these sizes unless the note sets its own. */
const STICKY_DEFAULT = { width: 240, height: 160 };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type RuleId =
	| 'export'
	| 'node-types'
	| 'credentials'
	| 'instance-data'
	| 'webhook-ids'
	| 'sticky-notes'
	| 'configuration'
	| 'error-path'
	| 'error-workflow'
	| 'no-code-eval'
	| 'guide';

export const RULES: Record<RuleId, string> = {
	export: 'a valid n8n export: name, nodes with unique ids and names, type, typeVersion, position, parameters; connections between existing nodes',
	'node-types': 'every node type and typeVersion exists in the pinned n8n or in this package',
	credentials: 'credential slots hold only a name (bound by type at import) and name a known credential type',
	'instance-data': 'no workflow id, version id, instance id, pinned data or sharing data',
	'webhook-ids': 'every Webhook node has a webhookId',
	'sticky-notes': 'sticky notes explain every stage: each node sits inside a sticky note with text',
	configuration: 'one Set node named "Configuration" directly after every trigger, read by expressions elsewhere',
	'error-path': 'an Exception Queue Add node, and every error output leads into one',
	'error-workflow': 'settings.errorWorkflow is the exception-handling template (which itself has none)',
	'no-code-eval': 'no eval/Function and no legacy Function nodes: nothing evaluates data as code',
	guide: 'a guide <name>.md (or, for <prefix>-<part>.json, a shared <prefix>.md) beside the file that shows screenshots/<name>.png, which exists and is a PNG',
};

export interface Finding {
	rule: RuleId;
	message: string;
	node?: string;
}

export interface TemplateReport {
	file: string;
	name: string;
	findings: Finding[];
}

interface Node {
	id?: unknown;
	name?: unknown;
	type?: unknown;
	typeVersion?: unknown;
	position?: unknown;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, unknown>;
	webhookId?: unknown;
	onError?: unknown;
	disabled?: unknown;
}

interface Connection {
	node: string;
	type: string;
	index: number;
}

interface Workflow {
	name?: unknown;
	nodes?: unknown;
	connections?: unknown;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CheckContext {
	catalog: TypeCatalog;
	/** The folder of the file (for the guide and screenshot); no guide check without it. */
	dir?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const nodesOf = (workflow: Workflow): Node[] => (Array.isArray(workflow.nodes) ? (workflow.nodes.filter(isObject) as Node[]) : []);
const nameOf = (node: Node): string => (typeof node.name === 'string' ? node.name : '(unnamed)');

/** `connections[source].main[output]` as a list of targets per output. */
function outputsOf(workflow: Workflow, source: string): Connection[][] {
	const connections = isObject(workflow.connections) ? workflow.connections : {};
	const main = isObject(connections[source]) ? (connections[source] as Record<string, unknown>).main : undefined;
	if (!Array.isArray(main)) return [];
	return main.map((targets) => (Array.isArray(targets) ? (targets.filter(isObject) as unknown as Connection[]) : []));
}

/** Every string inside a value (parameters are nested objects and arrays). */
function* strings(value: unknown): Generator<string> {
	if (typeof value === 'string') yield value;
	else if (Array.isArray(value)) for (const entry of value) yield* strings(entry);
	else if (isObject(value)) for (const entry of Object.values(value)) yield* strings(entry);
}

const isTrigger = (node: Node, catalog: TypeCatalog): boolean => catalog.nodes.get(String(node.type))?.trigger === true;
const isExceptionAdd = (node: Node): boolean =>
	node.type === EXCEPTION_QUEUE_TYPE && (node.parameters?.operation === undefined || node.parameters.operation === 'add');

function checkExport(workflow: Workflow): Finding[] {
	const out: Finding[] = [];
	const fail = (message: string, node?: string) => out.push({ rule: 'export', message, node });
	if (typeof workflow.name !== 'string' || workflow.name.trim() === '') fail('the workflow has no name');
	if (!Array.isArray(workflow.nodes) || workflow.nodes.length === 0) fail('"nodes" is not a non-empty array');
	if (!isObject(workflow.connections)) fail('"connections" is not an object');
	if (workflow.settings !== undefined && !isObject(workflow.settings)) fail('"settings" is not an object');
	const names = new Set<string>();
	const ids = new Set<string>();
	for (const node of nodesOf(workflow)) {
		const name = nameOf(node);
		if (typeof node.name !== 'string' || node.name === '') fail('a node has no name');
		else if (names.has(node.name)) fail(`two nodes are named "${node.name}"`, node.name);
		else names.add(node.name);
		if (typeof node.id !== 'string' || node.id === '') fail('the node has no id', name);
		else if (ids.has(node.id)) fail(`the node id ${node.id} is used twice`, name);
		else ids.add(node.id);
		if (typeof node.type !== 'string' || !node.type.includes('.')) fail('the node has no type', name);
		if (typeof node.typeVersion !== 'number') fail('the node has no typeVersion', name);
		if (!Array.isArray(node.position) || node.position.length !== 2 || !node.position.every((n) => typeof n === 'number')) fail('the node has no [x, y] position', name);
		if (!isObject(node.parameters)) fail('the node has no parameters object', name);
	}
	for (const [source, byType] of Object.entries(isObject(workflow.connections) ? workflow.connections : {})) {
		if (!names.has(source)) fail(`connections start at "${source}", which is no node`);
		if (!isObject(byType)) continue;
		for (const targets of Object.values(byType)) {
			for (const target of (Array.isArray(targets) ? targets : []).flat()) {
				if (!isObject(target) || typeof target.node !== 'string' || !names.has(target.node)) {
					fail(`"${source}" connects to ${isObject(target) ? `"${String(target.node)}"` : 'nothing'}, which is no node`, source);
				}
			}
		}
	}
	return out;
}

function checkNodeTypes(workflow: Workflow, catalog: TypeCatalog): Finding[] {
	const out: Finding[] = [];
	for (const node of nodesOf(workflow)) {
		const info = catalog.nodes.get(String(node.type));
		if (!info) out.push({ rule: 'node-types', message: `unknown node type "${String(node.type)}"`, node: nameOf(node) });
		else if (info.versions.length > 0 && !info.versions.includes(Number(node.typeVersion))) {
			out.push({ rule: 'node-types', message: `${String(node.type)} has no version ${String(node.typeVersion)} (known: ${info.versions.join(', ')})`, node: nameOf(node) });
		}
	}
	return out;
}

function checkCredentials(workflow: Workflow, catalog: TypeCatalog): Finding[] {
	const out: Finding[] = [];
	for (const node of nodesOf(workflow)) {
		if (node.credentials === undefined) continue;
		if (!isObject(node.credentials)) {
			out.push({ rule: 'credentials', message: '"credentials" is not an object', node: nameOf(node) });
			continue;
		}
		for (const [type, slot] of Object.entries(node.credentials)) {
			if (catalog.credentials.size > 0 && !catalog.credentials.has(type)) out.push({ rule: 'credentials', message: `unknown credential type "${type}"`, node: nameOf(node) });
			if (!isObject(slot) || typeof slot.name !== 'string' || slot.name === '') {
				out.push({ rule: 'credentials', message: `the ${type} slot has no credential name`, node: nameOf(node) });
			} else if (Object.keys(slot).some((key) => key !== 'name')) {
				out.push({ rule: 'credentials', message: `the ${type} slot holds ${Object.keys(slot).filter((k) => k !== 'name').join(', ')} besides its name (credential ids differ per instance)`, node: nameOf(node) });
			}
		}
	}
	return out;
}

function checkInstanceData(workflow: Workflow): Finding[] {
	const out: Finding[] = [];
	const fail = (message: string) => out.push({ rule: 'instance-data', message });
	for (const key of ['id', 'versionId', 'activeVersionId', 'shared', 'homeProject', 'createdAt', 'updatedAt']) {
		if (workflow[key] !== undefined) fail(`the export carries "${key}" of the instance it came from`);
	}
	if (isObject(workflow.meta) && workflow.meta.instanceId !== undefined) fail('the export carries meta.instanceId');
	if (workflow.pinData !== undefined && !(isObject(workflow.pinData) && Object.keys(workflow.pinData).length === 0)) fail('the export carries pinned data');
	if (Array.isArray(workflow.tags) && workflow.tags.some((tag) => isObject(tag) && tag.id !== undefined)) fail('the export carries tag ids');
	return out;
}

function checkWebhookIds(workflow: Workflow): Finding[] {
	return nodesOf(workflow)
		.filter((node) => node.type === WEBHOOK && (typeof node.webhookId !== 'string' || node.webhookId === ''))
		.map((node) => ({ rule: 'webhook-ids' as const, message: 'the Webhook node has no webhookId (n8n then cannot register its production path)', node: nameOf(node) }));
}

function checkStickyNotes(workflow: Workflow): Finding[] {
	const notes = nodesOf(workflow)
		.filter((node) => node.type === STICKY_NOTE)
		.map((node) => {
			const [x, y] = Array.isArray(node.position) ? (node.position as number[]) : [0, 0];
			const width = Number(node.parameters?.width ?? STICKY_DEFAULT.width);
			const height = Number(node.parameters?.height ?? STICKY_DEFAULT.height);
			return { x, y, width, height, text: String(node.parameters?.content ?? '').trim() };
		});
	if (notes.length === 0) return [{ rule: 'sticky-notes', message: 'the workflow has no sticky notes' }];
	const out: Finding[] = [];
	if (notes.some((note) => note.text === '')) out.push({ rule: 'sticky-notes', message: 'a sticky note is empty' });
	for (const node of nodesOf(workflow)) {
		if (node.type === STICKY_NOTE || !Array.isArray(node.position)) continue;
		const [x, y] = node.position as number[];
		const inside = notes.some((note) => note.text !== '' && x >= note.x && x <= note.x + note.width && y >= note.y && y <= note.y + note.height);
		if (!inside) out.push({ rule: 'sticky-notes', message: 'the node is outside every sticky note: its stage is not explained', node: nameOf(node) });
	}
	return out;
}

function checkConfiguration(workflow: Workflow, catalog: TypeCatalog): Finding[] {
	const out: Finding[] = [];
	const nodes = nodesOf(workflow);
	const configs = nodes.filter((node) => node.name === 'Configuration');
	if (configs.length !== 1 || configs[0].type !== SET) {
		return [{ rule: 'configuration', message: configs.length === 0 ? 'no node is named "Configuration"' : 'the "Configuration" node is not one Set node' }];
	}
	const triggers = nodes.filter((node) => isTrigger(node, catalog));
	if (triggers.length === 0) out.push({ rule: 'configuration', message: 'the workflow has no trigger' });
	for (const trigger of triggers) {
		const next = outputsOf(workflow, nameOf(trigger)).flat().map((c) => c.node);
		if (!next.includes('Configuration')) out.push({ rule: 'configuration', message: 'the trigger does not lead straight into Configuration', node: nameOf(trigger) });
	}
	const readers = nodes.filter((node) => node.name !== 'Configuration' && [...strings(node.parameters)].some((s) => /\$\(\s*['"]Configuration['"]\s*\)/.test(s)));
	if (readers.length === 0) out.push({ rule: 'configuration', message: "no node reads Configuration ($('Configuration').item.json...)" });
	return out;
}

function checkErrorPath(workflow: Workflow): Finding[] {
	const nodes = nodesOf(workflow);
	const byName = new Map(nodes.map((node) => [nameOf(node), node]));
	if (!nodes.some((node) => isExceptionAdd(node) && node.disabled !== true)) return [{ rule: 'error-path', message: 'no Exception Queue node adds failures (operation Add)' }];
	/** Whether an Exception Queue Add is reachable from these nodes. */
	const reachesQueue = (start: string[]): boolean => {
		const seen = new Set<string>();
		const stack = [...start];
		while (stack.length > 0) {
			const name = stack.pop() as string;
			if (seen.has(name)) continue;
			seen.add(name);
			const node = byName.get(name);
			if (node && isExceptionAdd(node)) return true;
			stack.push(...outputsOf(workflow, name).flat().map((c) => c.node));
		}
		return false;
	};
	const out: Finding[] = [];
	for (const node of nodes.filter((n) => n.onError === 'continueErrorOutput')) {
		const outputs = outputsOf(workflow, nameOf(node));
		// The error output is the node's last output; n8n adds it after the node's own outputs.
		const errorTargets = outputs.length > 1 ? outputs[outputs.length - 1].map((c) => c.node) : [];
		if (errorTargets.length === 0) out.push({ rule: 'error-path', message: 'the error output is not connected', node: nameOf(node) });
		else if (!reachesQueue(errorTargets)) out.push({ rule: 'error-path', message: 'the error output does not lead into an Exception Queue Add', node: nameOf(node) });
	}
	return out;
}

function checkErrorWorkflow(workflow: Workflow, file: string): Finding[] {
	const name = basename(file, '.json');
	const errorWorkflow = workflow.settings?.errorWorkflow;
	if (name === EXCEPTION_HANDLING) {
		return errorWorkflow === undefined || errorWorkflow === '' ? [] : [{ rule: 'error-workflow', message: 'the exception-handling template must not name an error workflow' }];
	}
	const expected = stableId(`workflow:${EXCEPTION_HANDLING}`);
	if (errorWorkflow === expected) return [];
	return [
		{
			rule: 'error-workflow',
			message: `settings.errorWorkflow is ${errorWorkflow === undefined ? 'not set' : `"${String(errorWorkflow)}"`}; it must be "${expected}" (the ${EXCEPTION_HANDLING} template)`,
		},
	];
}

/** eval(…), new Function(…) / Function(…), Python's exec(…), and timers given code as a string; `re.exec(…)` is a method, not this. */
const EVAL = /(^|[^.\w$])(eval|Function|exec)\s*\(|\bset(Timeout|Interval)\s*\(\s*['"`]/;

function checkCodeEval(workflow: Workflow): Finding[] {
	const out: Finding[] = [];
	for (const node of nodesOf(workflow)) {
		if (node.type === CODE_TYPES[1] || node.type === CODE_TYPES[2]) {
			out.push({ rule: 'no-code-eval', message: `${String(node.type)} is the legacy Function node; use built-in nodes (or a Code node that does not evaluate data)`, node: nameOf(node) });
			continue;
		}
		for (const text of strings(node.parameters)) {
			if (EVAL.test(text)) {
				out.push({ rule: 'no-code-eval', message: `evaluates text as code (${(EVAL.exec(text) as RegExpExecArray)[0].replace(/^[^\w]/, '').trim()}…)`, node: nameOf(node) });
				break;
			}
		}
	}
	return out;
}

/**
 * The guide of `<name>.json`: `<name>.md`, or for a template made of several workflows
 * (`<prefix>-<part>.json`) the shared `<prefix>.md` (the longest prefix that has one).
 */
function guideOf(name: string, dir: string): string | undefined {
	if (existsSync(join(dir, `${name}.md`))) return `${name}.md`;
	const parts = name.split('-');
	for (let end = parts.length - 1; end > 0; end--) {
		const shared = `${parts.slice(0, end).join('-')}.md`;
		if (existsSync(join(dir, shared))) return shared;
	}
	return undefined;
}

function checkGuide(file: string, dir: string): Finding[] {
	const name = basename(file, '.json');
	const guide = guideOf(name, dir);
	if (!guide) return [{ rule: 'guide', message: `${name}.md is missing` }];
	const text = readFileSync(join(dir, guide), 'utf8');
	// Each workflow shows its own screenshot, also in a shared guide.
	const image = `screenshots/${name}.png`;
	if (!new RegExp(`!\\[[^\\]]*\\]\\(\\.?/?${image.replace(/[.]/g, '\\.')}\\)`).test(text)) {
		return [{ rule: 'guide', message: `${guide} does not show the screenshot (![...](${image}))` }];
	}
	const png = join(dir, image);
	if (!existsSync(png) || statSync(png).size < PNG_SIGNATURE.length) return [{ rule: 'guide', message: `${image} is missing` }];
	if (!readFileSync(png).subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return [{ rule: 'guide', message: `${image} is not a PNG` }];
	return [];
}

/** Every finding of one template file's text (a file that is not JSON fails the export rule only). */
export function checkTemplate(file: string, text: string, context: CheckContext): Finding[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		return [{ rule: 'export', message: `not JSON: ${(error as Error).message}` }];
	}
	if (!isObject(parsed)) return [{ rule: 'export', message: 'the file is not a JSON object' }];
	const workflow = parsed as Workflow;
	return [
		...checkExport(workflow),
		...checkNodeTypes(workflow, context.catalog),
		...checkCredentials(workflow, context.catalog),
		...checkInstanceData(workflow),
		...checkWebhookIds(workflow),
		...checkStickyNotes(workflow),
		...checkConfiguration(workflow, context.catalog),
		...checkErrorPath(workflow),
		...checkErrorWorkflow(workflow, file),
		...checkCodeEval(workflow),
		...(context.dir ? checkGuide(file, context.dir) : []),
	];
}

/** The template files of a folder (`*.json`, sorted). */
export function templateFiles(dir: string): string[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort();
}

export function checkLibrary(dir: string, catalog: TypeCatalog): TemplateReport[] {
	const folder = resolve(dir);
	return templateFiles(folder).map((file) => {
		const text = readFileSync(join(folder, file), 'utf8');
		let name = basename(file, '.json');
		try {
			const parsed = JSON.parse(text) as { name?: unknown };
			if (typeof parsed.name === 'string') name = parsed.name;
		} catch {
			// reported by the export rule
		}
		return { file, name, findings: checkTemplate(file, text, { catalog, dir: folder }) };
	});
}

/** One line per finding: `file: [rule] node: message`. */
export function formatFindings(reports: TemplateReport[]): string[] {
	return reports.flatMap((report) =>
		report.findings.map((f) => `${report.file}: [${f.rule}] ${f.node ? `${f.node}: ` : ''}${f.message}`),
	);
}
