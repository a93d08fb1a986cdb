/**
 * The wiring of the order-orchestration and inventory-sync templates that the e2e tests cannot see from
 * the outside: every error output reaches the Exception Queue, each queue node reads its record from a
 * node upstream of every failure it receives, and a replay resumes each stage at that same node.
 */
import { join } from 'node:path';

import { loadTemplates, stableId, type Template } from '../../cli/workflows';

const FILES = ['order-orchestration-inbound.json', 'order-orchestration-shipment.json', 'inventory-sync.json'];
const EXCEPTION_QUEUE = 'n8n-nodes-erp-interop.exceptionQueue';

interface Node {
	name: string;
	type: string;
	onError?: string;
	disabled?: boolean;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string; name: string }>;
}
type Connections = Record<string, { main: Array<Array<{ node: string }>> }>;

const templates = loadTemplates(join(__dirname, '..', '..', 'workflows')).filter((t) => FILES.includes(t.file));
const nodesOf = (t: Template) => t.nodes as unknown as Node[];
const connectionsOf = (t: Template) => t.connections as unknown as Connections;

function parentsOf(t: Template): Map<string, Set<string>> {
	const parents = new Map<string, Set<string>>();
	for (const [source, { main }] of Object.entries(connectionsOf(t))) {
		for (const output of main) for (const { node } of output) parents.set(node, (parents.get(node) ?? new Set()).add(source));
	}
	return parents;
}

function ancestors(t: Template, name: string): Set<string> {
	const parents = parentsOf(t);
	const seen = new Set<string>();
	const walk = (n: string) => {
		for (const p of parents.get(n) ?? []) {
			if (!seen.has(p)) {
				seen.add(p);
				walk(p);
			}
		}
	};
	walk(name);
	return seen;
}

/** The node a queue node reads its record from: `$('<entry>').item.json`. */
const entryOf = (queueNode: Node) => /\$\('([^']+)'\)\.item\.json \}\}$/.exec(String(queueNode.parameters.payload ?? ''))?.[1];

describe.each(FILES)('%s', (file) => {
	const t = templates.find((w) => w.file === file) as Template;
	const nodes = nodesOf(t);
	const byName = new Map(nodes.map((n) => [n.name, n]));

	it('is a template: error workflow, one Configuration, no credential ids, no code nodes', () => {
		expect(t.settings).toMatchObject({ executionOrder: 'v1', errorWorkflow: stableId('workflow:exception-handling') });
		expect(nodes.filter((n) => n.name === 'Configuration').map((n) => n.type)).toEqual(['n8n-nodes-base.set']);
		for (const node of nodes) {
			for (const ref of Object.values(node.credentials ?? {})) expect(ref.id).toBeUndefined();
			expect(node.type).not.toMatch(/\.(code|function|functionItem)$/);
		}
		expect(nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').length).toBeGreaterThanOrEqual(4);
	});

	it('sends every error output to the Exception Queue', () => {
		const failing = nodes.filter((n) => n.onError === 'continueErrorOutput');
		expect(failing.length).toBeGreaterThan(3);
		for (const node of failing) {
			const outputs = connectionsOf(t)[node.name]?.main ?? [];
			const errorOutput = outputs[outputs.length - 1] ?? [];
			expect([node.name, errorOutput.map((c) => byName.get(c.node)?.type)]).toEqual([node.name, [EXCEPTION_QUEUE]]);
		}
	});

	it('reads each queued record from a node upstream of every failure, and replays it from there', () => {
		const queues = nodes.filter((n) => n.type === EXCEPTION_QUEUE && n.parameters.operation === 'add' && n.parameters.payloadSource === 'json');
		expect(queues.length).toBeGreaterThanOrEqual(2);
		const resume = connectionsOf(t)['Resume at Stage']?.main.flat().map((c) => c.node) ?? connectionsOf(t)['Claim 846 Exceptions']?.main.flat().map((c) => c.node);
		for (const queue of queues) {
			const entry = entryOf(queue);
			expect(entry && byName.has(entry)).toBe(true);
			expect(String(queue.parameters.key)).toContain(`$('${entry}')`);
			for (const source of parentsOf(t).get(queue.name) ?? []) {
				expect([queue.name, source, ancestors(t, source).has(entry as string) || source === entry]).toEqual([queue.name, source, true]);
			}
			// The stage is resumed where its record was read (inventory levels come back through the reconciliation).
			if (queue.parameters.options && (queue.parameters.options as { entity?: string }).entity !== 'level') expect(resume).toContain(entry);
		}
	});
});
