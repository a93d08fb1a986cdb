/**
 * The template checker's rules on small workflows: a conforming one passes, and each broken variant fails
 * exactly the rule it breaks. The library itself is checked against the real n8n node list in
 * test/e2e/templates/library.e2e.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { main } from '../../cli';
import { emptyCatalog, typeNameFromFile, type TypeCatalog } from '../../cli/templates/catalog';
import { checkLibrary, checkTemplate, formatFindings, RULES, type RuleId } from '../../cli/templates/validate';
import { stableId } from '../../cli/workflows';

const PKG = 'n8n-nodes-erp-interop';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function catalog(): TypeCatalog {
	const c = emptyCatalog();
	const add = (name: string, versions: number[], trigger = false) => c.nodes.set(name, { versions, trigger });
	add('n8n-nodes-base.webhook', [1, 2], true);
	add('n8n-nodes-base.errorTrigger', [1], true);
	add('n8n-nodes-base.set', [3.3, 3.4]);
	add('n8n-nodes-base.stickyNote', [1]);
	add('n8n-nodes-base.code', [2]);
	add('n8n-nodes-base.function', [1]);
	add(`${PKG}.exceptionQueue`, [1]);
	add(`${PKG}.netSuiteErp`, [1]);
	c.credentials.add('netSuiteTbaApi');
	c.credentials.add('interopStateStore');
	return c;
}

type Json = Record<string, unknown>;
type Wf = { name: string; nodes: Json[]; connections: Json; settings: Json; [key: string]: unknown };

/** A small template that keeps every convention. */
function good(): Wf {
	return {
		name: 'Push vendors',
		nodes: [
			{ id: 'n0', name: 'About', type: 'n8n-nodes-base.stickyNote', typeVersion: 1, position: [-100, -100], parameters: { content: '## Push\nWhat this does.', width: 1000, height: 600 } },
			{ id: 'n1', name: 'Receive', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'w-1', parameters: { path: 'push', httpMethod: 'POST' } },
			{ id: 'n2', name: 'Configuration', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { assignments: { assignments: [{ name: 'prefix', value: 'SUP-', type: 'string' }] } } },
			{
				id: 'n3',
				name: 'Upsert Vendor',
				type: `${PKG}.netSuiteErp`,
				typeVersion: 1,
				position: [400, 0],
				onError: 'continueErrorOutput',
				parameters: { externalId: "={{ $('Configuration').item.json.prefix + $json.code }}" },
				credentials: { netSuiteTbaApi: { name: 'NetSuite' } },
			},
			{ id: 'n4', name: 'Queue Failure', type: `${PKG}.exceptionQueue`, typeVersion: 1, position: [600, 100], parameters: { operation: 'add', key: '={{ $json.code }}' }, credentials: { interopStateStore: { name: 'Interop State Store' } } },
			{ id: 'n5', name: 'Summary', type: 'n8n-nodes-base.code', typeVersion: 2, position: [600, -50], parameters: { jsCode: 'return $input.all().filter((i) => /ok/.exec(i.json.status));' } },
		],
		connections: {
			Receive: { main: [[{ node: 'Configuration', type: 'main', index: 0 }]] },
			Configuration: { main: [[{ node: 'Upsert Vendor', type: 'main', index: 0 }]] },
			'Upsert Vendor': { main: [[{ node: 'Summary', type: 'main', index: 0 }], [{ node: 'Queue Failure', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', errorWorkflow: stableId('workflow:exception-handling') },
	};
}

const node = (wf: Wf, name: string) => wf.nodes.find((n) => n.name === name) as Json;
/** The rules a workflow (or a raw file text) fails. */
const rulesOf = (wf: unknown, file = 'push-vendors.json') =>
	[...new Set(checkTemplate(file, typeof wf === 'string' ? wf : JSON.stringify(wf), { catalog: catalog() }).map((f) => f.rule))];

describe('template rules', () => {
	it('pass a template that keeps every convention', () => {
		expect(checkTemplate('push-vendors.json', JSON.stringify(good()), { catalog: catalog() })).toEqual([]);
	});

	const broken: Array<[RuleId, string, (wf: Wf) => { raw: string } | void]> = [
		['export', 'is not JSON', () => ({ raw: '{"name": ' })],
		['export', 'has two nodes with one name', (wf) => {
			wf.nodes.push({ ...node(wf, 'About'), id: 'n9' });
		}],
		['export', 'connects to a node that does not exist', (wf) => {
			wf.connections.Summary = { main: [[{ node: 'Nowhere', type: 'main', index: 0 }]] };
		}],
		['export', 'has a node without a position', (wf) => {
			delete node(wf, 'Summary').position;
		}],
		['node-types', 'uses a node type n8n does not have', (wf) => {
			node(wf, 'Summary').type = 'n8n-nodes-base.doesNotExist';
		}],
		['node-types', 'uses a version the node does not have', (wf) => {
			node(wf, 'Configuration').typeVersion = 9;
		}],
		['credentials', 'carries a credential id', (wf) => {
			node(wf, 'Upsert Vendor').credentials = { netSuiteTbaApi: { id: 'abc123', name: 'NetSuite' } };
		}],
		['credentials', 'names an unknown credential type', (wf) => {
			node(wf, 'Upsert Vendor').credentials = { noSuchApi: { name: 'X' } };
		}],
		['instance-data', 'carries the instance id', (wf) => {
			wf.meta = { instanceId: 'f00' };
		}],
		['instance-data', 'carries pinned data', (wf) => {
			wf.pinData = { Receive: [{ json: {} }] };
		}],
		['instance-data', 'carries a workflow id', (wf) => {
			wf.id = 'AbCdEf0123456789';
		}],
		['webhook-ids', 'has a webhook without webhookId', (wf) => {
			delete node(wf, 'Receive').webhookId;
		}],
		['sticky-notes', 'has no sticky note', (wf) => {
			wf.nodes = wf.nodes.filter((n) => n.name !== 'About');
		}],
		['sticky-notes', 'has a node outside every note', (wf) => {
			node(wf, 'Queue Failure').position = [2000, 0];
		}],
		['configuration', 'has no Configuration node', (wf) => {
			node(wf, 'Configuration').name = 'Settings';
			wf.connections = JSON.parse(JSON.stringify(wf.connections).replace(/"Configuration"/g, '"Settings"')) as Json;
		}],
		['configuration', 'has a trigger that bypasses Configuration', (wf) => {
			wf.connections.Receive = { main: [[{ node: 'Upsert Vendor', type: 'main', index: 0 }]] };
		}],
		['configuration', 'never reads Configuration', (wf) => {
			node(wf, 'Upsert Vendor').parameters = { externalId: '={{ $json.code }}' };
		}],
		['error-path', 'has no Exception Queue Add', (wf) => {
			(node(wf, 'Queue Failure').parameters as Json).operation = 'getMany';
		}],
		['error-path', 'leaves an error output unconnected', (wf) => {
			(wf.connections['Upsert Vendor'] as { main: Json[][] }).main = [[{ node: 'Summary', type: 'main', index: 0 }], []];
		}],
		['error-path', 'routes an error output elsewhere', (wf) => {
			(wf.connections['Upsert Vendor'] as { main: Json[][] }).main[1] = [{ node: 'Summary', type: 'main', index: 0 }];
		}],
		['error-workflow', 'has no error workflow', (wf) => {
			delete wf.settings.errorWorkflow;
		}],
		['error-workflow', 'names another error workflow', (wf) => {
			wf.settings.errorWorkflow = 'someOtherWorkflow';
		}],
		['no-code-eval', 'evaluates data with eval in a Code node', (wf) => {
			(node(wf, 'Summary').parameters as Json).jsCode = 'return [{ json: eval($json.formula) }];';
		}],
		['no-code-eval', 'builds a function from data in an expression', (wf) => {
			(node(wf, 'Upsert Vendor').parameters as Json).externalId = "={{ $('Configuration').item.json.prefix + new Function($json.code)() }}";
		}],
		['no-code-eval', 'uses the legacy Function node', (wf) => {
			Object.assign(node(wf, 'Summary'), { type: 'n8n-nodes-base.function', typeVersion: 1, parameters: { functionCode: 'return items;' } });
		}],
	];

	it.each(broken)('fail only "%s" for a template that %s', (rule, _what, breakIt) => {
		const wf = good();
		const result = breakIt(wf);
		// A breaker that returns raw text replaces the whole file.
		expect(rulesOf(result ? result.raw : wf)).toEqual([rule]);
	});

	it('let the exception-handling template itself go without an error workflow, and only it', () => {
		const wf = good();
		delete wf.settings.errorWorkflow;
		expect(rulesOf(wf, 'exception-handling.json')).toEqual([]);
		wf.settings.errorWorkflow = 'x';
		expect(rulesOf(wf, 'exception-handling.json')).toEqual(['error-workflow']);
	});

	it('cover every rule with a broken example', () => {
		expect(new Set(broken.map(([rule]) => rule))).toEqual(new Set((Object.keys(RULES) as RuleId[]).filter((rule) => rule !== 'guide')));
	});

	it('derive n8n type names from node file names', () => {
		expect(typeNameFromFile('dist/nodes/If/If.node.js')).toBe('if');
		expect(typeNameFromFile('dist/nodes/ExecuteWorkflow/ExecuteWorkflowTrigger/ExecuteWorkflowTrigger.node.js')).toBe('executeWorkflowTrigger');
	});
});

describe('template guides', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'erp-templates-'));
		writeFileSync(join(dir, 'push-vendors.json'), JSON.stringify(good()));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	const guideRules = () => checkLibrary(dir, catalog()).flatMap((r) => r.findings.map((f) => `${f.rule}: ${f.message}`));
	const withScreenshot = (content: Buffer) => {
		mkdirSync(join(dir, 'screenshots'), { recursive: true });
		writeFileSync(join(dir, 'screenshots', 'push-vendors.png'), content);
	};

	it('pass with a guide that shows an existing PNG', () => {
		writeFileSync(join(dir, 'push-vendors.md'), '# Push vendors\n\n![The workflow](screenshots/push-vendors.png)\n');
		withScreenshot(PNG);
		expect(guideRules()).toEqual([]);
	});

	it('fail without a guide', () => {
		expect(guideRules()).toEqual(['guide: push-vendors.md is missing']);
	});

	it('fail when the guide does not show the screenshot', () => {
		writeFileSync(join(dir, 'push-vendors.md'), '# Push vendors\n\nSee screenshots/push-vendors.png\n');
		withScreenshot(PNG);
		expect(guideRules()).toEqual([expect.stringMatching(/^guide: push-vendors\.md does not show the screenshot/)]);
	});

	it('fail when the screenshot is missing or not a PNG', () => {
		writeFileSync(join(dir, 'push-vendors.md'), '![The workflow](screenshots/push-vendors.png)\n');
		expect(guideRules()).toEqual(['guide: screenshots/push-vendors.png is missing']);
		withScreenshot(Buffer.from('<html>not an image</html>'));
		expect(guideRules()).toEqual(['guide: screenshots/push-vendors.png is not a PNG']);
	});

	it('let the workflows of one template share a guide that shows each screenshot', () => {
		rmSync(join(dir, 'push-vendors.json'));
		for (const part of ['inbound', 'outbound']) writeFileSync(join(dir, `push-vendors-${part}.json`), JSON.stringify(good()));
		mkdirSync(join(dir, 'screenshots'), { recursive: true });
		writeFileSync(join(dir, 'screenshots', 'push-vendors-inbound.png'), PNG);
		writeFileSync(join(dir, 'push-vendors.md'), '![Inbound](screenshots/push-vendors-inbound.png)\n');
		expect(guideRules()).toEqual([expect.stringMatching(/^guide: push-vendors\.md does not show the screenshot \(!\[\.\.\.\]\(screenshots\/push-vendors-outbound\.png\)\)$/)]);
		writeFileSync(join(dir, 'push-vendors.md'), '![Inbound](screenshots/push-vendors-inbound.png)\n\n![Outbound](screenshots/push-vendors-outbound.png)\n');
		expect(guideRules()).toEqual(['guide: screenshots/push-vendors-outbound.png is missing']);
		writeFileSync(join(dir, 'screenshots', 'push-vendors-outbound.png'), PNG);
		expect(guideRules()).toEqual([]);
	});

	it('prefer a workflow\'s own guide to the shared one, and need one of them', () => {
		rmSync(join(dir, 'push-vendors.json'));
		writeFileSync(join(dir, 'push-vendors-inbound.json'), JSON.stringify(good()));
		withScreenshot(PNG);
		expect(guideRules()).toEqual(['guide: push-vendors-inbound.md is missing']);
		writeFileSync(join(dir, 'push-vendors.md'), '![Inbound](screenshots/push-vendors-inbound.png)\n');
		writeFileSync(join(dir, 'push-vendors-inbound.md'), '# Inbound only\n');
		expect(guideRules()).toEqual([expect.stringMatching(/^guide: push-vendors-inbound\.md does not show the screenshot/)]);
	});

	it('print one line per finding with file, rule and node', () => {
		const wf = good();
		node(wf, 'Summary').type = 'n8n-nodes-base.doesNotExist';
		writeFileSync(join(dir, 'push-vendors.json'), JSON.stringify(wf));
		writeFileSync(join(dir, 'push-vendors.md'), '![The workflow](screenshots/push-vendors.png)\n');
		withScreenshot(PNG);
		expect(formatFindings(checkLibrary(dir, catalog()))).toEqual(['push-vendors.json: [node-types] Summary: unknown node type "n8n-nodes-base.doesNotExist"']);
	});
});

describe('erp-interop templates', () => {
	function capture() {
		const chunks: string[] = [];
		const spies = (['stdout', 'stderr'] as const).map((stream) =>
			jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
				chunks.push(String(chunk));
				return true;
			}),
		);
		return { text: () => chunks.join(''), restore: () => spies.forEach((spy) => spy.mockRestore()) };
	}

	it('lists the library with the workflow ids templates get on import', async () => {
		const out = capture();
		const code = await main(['templates', 'list']);
		out.restore();
		expect(code).toBe(0);
		expect(out.text()).toMatch(new RegExp(`exception-handling\\s+${stableId('workflow:exception-handling')}\\s+active`));
		expect(out.text()).toMatch(/x12-850-to-997\s+\w{16}\s+active\s+\d+\s+POST \/webhook\/x12-850-to-997/);
	});

	it('refuses an unknown action with exit code 2', async () => {
		const out = capture();
		const code = await main(['templates', 'frobnicate']);
		out.restore();
		expect(code).toBe(2);
		expect(out.text()).toContain('expected "list" or "validate"');
	});
});
