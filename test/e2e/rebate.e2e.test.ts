/**
 * The Rebate Engine in a real n8n with the file state store, over the seeded quarter
 * (test/fixtures/rebate): the accruals and exceptions must be exactly the hand-computed expected file.
 * A second run of the same workflow must raise no cross-run duplicate; one line of that quarter fed again
 * under another period, or to a program that does not stack, must raise DUPLICATE_CLAIM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { stableId } from '../../cli/workflows';
import { expectMatchesFixture } from '../RebateEngine/expected';
import { sha } from '../RebateEngine/helpers';
import { useN8n } from './harness';

const PKG = 'n8n-nodes-erp-interop';
const FIXTURES = join(__dirname, '..', 'fixtures', 'rebate');
const read = <T>(name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
const config = read<{ programs: unknown[]; certifications: unknown[]; baselines: unknown[] }>('q1-2025-config.json');
const quarter = read<{ items: Array<Record<string, unknown>> }>('q1-2025-lines.json').items;

const store: CredentialJson = { id: stableId('credential:e2e-rebate-store'), name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } };
const storeRef = { interopStateStore: { id: store.id, name: store.name } };

type Node = WorkflowJson['nodes'][number];
const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number, extra: Partial<Node> = {}): Node => ({
	id: stableId(`node:rebate:${name}`),
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});
const link = (to: string) => ({ node: to, type: 'main', index: 0 });

/** Manual trigger → Set (the lines as JSON) → Split Out → Rebate Engine (Calculate). */
function rebateWorkflow(id: string, name: string, rows: unknown[], programs: unknown[], baselines: unknown[] = config.baselines): WorkflowJson {
	return {
		id,
		name,
		active: false,
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
			node('Invoice Lines', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} }, 200),
			node('Split', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'rows', options: {} }, 400),
			node(
				'Rebate Engine',
				`${PKG}.rebateEngine`,
				1,
				{
					operation: 'calculate',
					programs: JSON.stringify(programs, null, 2),
					certifications: JSON.stringify(config.certifications),
					baselines: JSON.stringify(baselines),
					period: 'quarter',
					recordClaims: true,
					ledger: 'e2e-rebates',
					options: {},
				},
				600,
				{ credentials: storeRef },
			),
		],
		connections: { Start: { main: [[link('Invoice Lines')]] }, 'Invoice Lines': { main: [[link('Split')]] }, Split: { main: [[link('Rebate Engine')]] } },
		settings: { executionOrder: 'v1' },
	};
}

// One ALPHA line of the quarter (INV-A-1001 line 1, claimed in 2025-Q1 by VOL-RETRO and GROWTH-YOY), as a flat row.
const alphaLine = { partner: 'P-ALPHA', invoiceNumber: 'INV-A-1001', lineNumber: '1', sku: 'SW-24', category: 'networking', quantity: '4', amount: '2000.00', cost: '1600.00', currency: 'USD' };

const quarterWorkflow = rebateWorkflow('e2eRebateQ12025', 'E2E rebates 2025-Q1', quarter, config.programs);
// The same line re-dated into the next quarter (a prior figure for 2024-Q2 so the growth program claims too).
const movedWorkflow = rebateWorkflow('e2eRebateMoved01', 'E2E rebates line moved to Q2', [{ ...alphaLine, date: '2025-04-03' }], config.programs, [
	{ partner: 'P-ALPHA', period: '2024-Q2', amount: '0' },
]);
// The same line, same date, offered to a new promotion that does not stack.
const promoWorkflow = rebateWorkflow('e2eRebatePromo01', 'E2E rebates promo', [{ ...alphaLine, date: '2025-01-02' }], [
	{ id: 'PROMO-X', currency: 'USD', stackable: false, categories: ['networking'], tiers: [{ from: '0', rate: '1' }] },
]);

describe('Rebate Engine in a real n8n', () => {
	const n8n = useN8n(() => ({ credentials: [store], workflows: [quarterWorkflow, movedWorkflow, promoWorkflow] }), { start: false });

	it('accrues the seeded quarter exactly as hand-computed, idempotently, and flags a line claimed again elsewhere', async () => {
		const first = await n8n().execute(quarterWorkflow.id!);
		expect(first.error).toBeUndefined();
		const accruals = nodeItems(first, 'Rebate Engine', { output: 0 });
		const exceptions = nodeItems(first, 'Rebate Engine', { output: 1 });
		expect([accruals.length, exceptions.length]).toEqual([12, 9]);
		expectMatchesFixture({ accruals, exceptions });
		expect(accruals.every((a) => a.claims === 'recorded')).toBe(true);

		// A retried run of the same quarter: identical output, no cross-run duplicate.
		const second = await n8n().execute(quarterWorkflow.id!);
		expect(second.error).toBeUndefined();
		const again = nodeItems(second, 'Rebate Engine', { output: 1 });
		expect(nodeItems(second, 'Rebate Engine', { output: 0 })).toEqual(accruals);
		expect(again.map((e) => e.id)).toEqual(exceptions.map((e) => e.id));
		expect(again.filter((e) => (e.figures as Record<string, unknown>).source === 'claim_ledger')).toEqual([]);

		// The line under another period: claimed by the Q1 accruals of both of its programs.
		const moved = await n8n().execute(movedWorkflow.id!);
		expect(moved.error).toBeUndefined();
		expect(nodeItems(moved, 'Rebate Engine', { output: 0 })).toEqual([]);
		const duplicates = nodeItems(moved, 'Rebate Engine', { output: 1 });
		expect(duplicates.map((e) => [e.reason, e.program, e.period, e.lines, (e.figures as { claimedBy: unknown }).claimedBy])).toEqual([
			['DUPLICATE_CLAIM', 'VOL-RETRO', '2025-Q2', ['INV:INV-A-1001:1'], { accrualId: sha('acr', 'P-ALPHA|VOL-RETRO|2025-Q1'), accrualKey: 'P-ALPHA|VOL-RETRO|2025-Q1', program: 'VOL-RETRO' }],
			['DUPLICATE_CLAIM', 'GROWTH-YOY', '2025-Q2', ['INV:INV-A-1001:1'], { accrualId: sha('acr', 'P-ALPHA|GROWTH-YOY|2025-Q1'), accrualKey: 'P-ALPHA|GROWTH-YOY|2025-Q1', program: 'GROWTH-YOY' }],
		]);

		// The line offered to a program that does not stack with the ones that claimed it.
		const promo = await n8n().execute(promoWorkflow.id!);
		expect(promo.error).toBeUndefined();
		const blocked = nodeItems(promo, 'Rebate Engine', { output: 1 });
		expect(blocked.map((e) => [e.reason, e.program, e.period, (e.figures as { conflict: string }).conflict])).toEqual([['DUPLICATE_CLAIM', 'PROMO-X', '2025-Q1', 'not_stackable']]);
	});
});
