/**
 * The NetSuite sandbox's rebate quarter (sandbox/netsuite/rebateSeed.ts) read the way the
 * rebate-governance template reads it — SuiteQL for the partners, REST Get Many with the template's q
 * filter, the canonical mapping, the partner code and category added — and run through the Rebate Engine
 * with the template's own Configuration: the accruals and exceptions worked out by hand in
 * workflows/rebate-governance.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { oauth1Header, requestParameters } from '../../nodes/common/auth/oauth1';
import { fromNetSuiteCreditMemo, fromNetSuiteInvoice } from '../../nodes/NetSuite/mapping';
import { calculateRebates, linesOfItem, parseConfig } from '../../nodes/RebateEngine/core';
import { startSandbox, type RunningSandbox } from '../../sandbox';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['netsuite'], seed: 42 });
});
afterAll(async () => await sandbox.close());

interface Assignment {
	name: string;
	value: unknown;
	type: string;
}

/** The Configuration node of the shipped template, its JSON-typed values parsed. */
function templateConfiguration(): Record<string, unknown> {
	const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', 'rebate-governance.json'), 'utf8')) as {
		nodes: Array<{ name: string; parameters: { assignments: { assignments: Assignment[] } } }>;
	};
	const node = workflow.nodes.find((n) => n.name === 'Configuration');
	if (!node) throw new Error('the template has no Configuration node');
	return Object.fromEntries(
		node.parameters.assignments.assignments.map((a) => [a.name, (a.type === 'array' || a.type === 'object') && typeof a.value === 'string' ? JSON.parse(a.value) : a.value]),
	);
}

async function netsuite<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
	const c = sandbox.systems.netsuite.credentials;
	const url = `${c.baseUrl}/services/rest${path}`;
	const method = init.method ?? 'GET';
	const authorization = oauth1Header(method, url, requestParameters(url), {
		consumerKey: c.consumerKey,
		consumerSecret: c.consumerSecret,
		token: c.tokenId,
		tokenSecret: c.tokenSecret,
		realm: c.accountId,
	});
	const res = await fetch(url, {
		method,
		headers: { authorization, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const body = (await res.json()) as T;
	expect(res.status).toBe(200);
	return body;
}

interface Page {
	items: Array<Record<string, unknown>>;
}

describe('the NetSuite rebate quarter', () => {
	it('is seeded after everything else, so the rest of the account keeps its ids', async () => {
		const partners = sandbox.records<{ id: string; entityId: string }>('netsuite', 'customer').filter((c) => c.entityId.startsWith('P-'));
		expect(partners.map((c) => c.entityId)).toEqual(['P-ALPHA', 'P-BRAVO', 'P-CHARLIE', 'P-DELTA']);
		const otherIds = sandbox
			.records<{ id: string; entityId: string }>('netsuite', 'customer')
			.filter((c) => !c.entityId.startsWith('P-'))
			.map((c) => Number(c.id));
		expect(Math.min(...partners.map((c) => Number(c.id)))).toBeGreaterThan(Math.max(...otherIds));
		const invoices = sandbox.records<{ tranDate: string; entity: { id: string } }>('netsuite', 'invoice').filter((i) => partners.some((p) => p.id === i.entity.id));
		expect(invoices).toHaveLength(28);
		expect(invoices.every((i) => i.tranDate >= '2025-01-01' && i.tranDate <= '2025-03-31')).toBe(true);
	});

	it('gives the hand-computed accruals and exceptions with the template configuration', async () => {
		const config = templateConfiguration();
		const list = (config.partners as Array<{ partner: string }>).map((p) => `'${p.partner}'`).join(', ');
		const customers = (
			await netsuite<Page>('/query/v1/suiteql', {
				method: 'POST',
				headers: { prefer: 'transient' },
				body: { q: `SELECT id, entityid, companyname FROM customer WHERE entityid IN (${list}) ORDER BY id` },
			})
		).items as Array<{ id: string; entityid: string }>;
		expect(customers.map((c) => c.entityid)).toEqual(['P-ALPHA', 'P-BRAVO', 'P-CHARLIE', 'P-DELTA']);

		const q = `tranDate ON_OR_AFTER "1/1/2025" AND tranDate ON_OR_BEFORE "3/31/2025" AND entity ANY_OF ${customers.map((c) => c.id).join(', ')}`;
		const documents: Array<Record<string, unknown>> = [];
		for (const [type, map] of [
			['invoice', fromNetSuiteInvoice],
			['creditMemo', fromNetSuiteCreditMemo],
		] as const) {
			const page = await netsuite<Page>(`/record/v1/${type}?q=${encodeURIComponent(q)}`);
			for (const ref of page.items) {
				const record = await netsuite<IDataObject>(`/record/v1/${type}/${String(ref.id)}?expandSubResources=true`);
				documents.push(map(record) as unknown as Record<string, unknown>);
			}
		}
		expect(documents.filter((d) => d.type === 'Invoice')).toHaveLength(28);
		expect(documents.filter((d) => d.type === 'CreditMemo')).toHaveLength(1);

		// What the template's "Rebate Lines" node adds: the partner code and each line's rebate category.
		const categories = config.itemCategories as Record<string, string>;
		const lines = documents.flatMap((doc, i) => {
			const customer = doc.customer as { externalIds: { netSuite: string } };
			const withCodes = {
				...doc,
				customer: { ...customer, code: customers.find((c) => c.id === customer.externalIds.netSuite)?.entityid },
				lines: (doc.lines as Array<{ item: { name: string } }>).map((l) => ({ ...l, item: { ...l.item, sku: l.item.name }, category: categories[l.item.name] ?? 'uncategorised' })),
			};
			return linesOfItem(withCodes, i, 'UTC');
		});
		const result = await calculateRebates(
			lines,
			parseConfig({ period: 'quarter', programs: config.programs, certifications: config.certifications, baselines: config.priorFigures } as never),
		);

		const accruals = result.accruals.map((a) => [a.partner, a.program, a.period, a.amount, a.exceptionIds.length]);
		expect(accruals).toEqual([
			['P-ALPHA', 'PT-VOLUME', '2025-Q1', '1500.00', 1], // 53700.00 → 4 % = 2148.00, capped
			['P-ALPHA', 'FAST-UNITS', '2025-Q1', '35.00', 0], // 120 units: 100 × 0.25 + 20 × 0.50
			['P-ALPHA', 'GROWTH-YOY', '2025-Q1', '245.00', 0], // 54900.00 − 50000.00 = 4900.00 → 5 %
			['P-BRAVO', 'PT-VOLUME', '2025-Q1', '480.00', 1], // 4 × 6000.00 up to 2025-02-15 → 2 %
			['P-CHARLIE', 'FAST-UNITS', '2025-Q1', '125.00', 0], // 300 units: 25.00 + 200 × 0.50
			['P-DELTA', 'PT-VOLUME', '2025-Q1', '300.00', 0], // 15000.00 → 2 %
			['P-DELTA', 'FAST-UNITS', '2025-Q1', '55.00', 0], // 160 units: 25.00 + 60 × 0.50
			['P-DELTA', 'GROWTH-YOY', '2025-Q1', '0.00', 0], // 16600.00 is below 20000.00
		]);
		const exceptions = result.exceptions.map((e) => [e.reason, e.partner, e.program, e.accrualIds.length]);
		expect(exceptions).toEqual([
			['CAP_EXCEEDED', 'P-ALPHA', 'PT-VOLUME', 1],
			['CERTIFICATION_EXPIRED', 'P-BRAVO', 'PT-VOLUME', 1],
			['MISSING_BASELINE', 'P-CHARLIE', 'GROWTH-YOY', 0],
		]);
		const cap = result.exceptions[0];
		expect(cap.figures).toMatchObject({ calculatedAmount: '2148.00', cap: '1500.00', excess: '648.00' });
		expect(result.exceptions[1].figures).toMatchObject({ excludedAmount: '12000.00', firstExcludedDate: '2025-02-26' });
	});
});
