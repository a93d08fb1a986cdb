import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { closeSharedStateStores } from '../../nodes/common/state';
import { configuredOutputs } from '../../nodes/RebateEngine/actions/versionDescription';
import { RebateEngine } from '../../nodes/RebateEngine/RebateEngine.node';
import { createExecuteContext } from '../helpers/fakeContext';
import { fixture, sha } from './helpers';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'rebate-node-'));
});
afterAll(async () => {
	await closeSharedStateStores();
	rmSync(folder, { recursive: true, force: true });
});

const config = fixture<IDataObject>('q1-2025-config.json');
const quarter = fixture<{ items: IDataObject[] }>('q1-2025-lines.json').items.map((json) => ({ json }));

async function run(parameters: IDataObject, items: INodeExecutionData[], { continueOnFail = false, onError }: { continueOnFail?: boolean; onError?: string } = {}) {
	const ctx = createExecuteContext({
		parameters: {
			operation: 'calculate',
			programs: JSON.stringify(config.programs),
			certifications: JSON.stringify(config.certifications),
			baselines: JSON.stringify(config.baselines),
			period: 'quarter',
			recordClaims: true,
			ledger: 'node-test',
			options: {},
			...parameters,
		},
		items,
		credentials: { interopStateStore: { backend: 'file', folder } },
		node: { type: 'n8n-nodes-erp-interop.rebateEngine', ...(onError ? { onError: onError as 'continueErrorOutput' } : {}) },
		continueOnFail,
	});
	return await new RebateEngine().execute.call(ctx);
}

describe('Rebate Engine node', () => {
	it('declares two outputs for Calculate and one for Release Claims', () => {
		expect(new RebateEngine().description.outputs).toBe(`={{(${configuredOutputs})($parameter)}}`);
		expect(configuredOutputs({ operation: 'calculate' })).toEqual([
			{ type: 'main', displayName: 'Accruals' },
			{ type: 'main', displayName: 'Exceptions' },
		]);
		expect(configuredOutputs({ operation: 'releaseClaims' })).toEqual([{ type: 'main' }]);
	});

	it('routes the seeded quarter to Accruals and Exceptions, paired with the items they came from', async () => {
		const [accruals, exceptions] = await run({}, quarter);
		expect(accruals).toHaveLength(12);
		expect(exceptions).toHaveLength(9);
		const alpha = accruals[0];
		expect(alpha.json).toMatchObject({ id: sha('acr', 'P-ALPHA|VOL-RETRO|2025-Q1'), amount: '1500.00', claims: 'recorded' });
		expect(alpha.json.items).toBeUndefined();
		expect(alpha.pairedItem).toEqual(Array.from({ length: 31 }, (_, item) => ({ item })));
		const duplicate = exceptions.find((e) => e.json.reason === 'DUPLICATE_CLAIM')!;
		expect(duplicate.pairedItem).toEqual([{ item: 80 }, { item: 143 }]);
		expect(exceptions.every((e) => Array.isArray(e.pairedItem) && e.pairedItem.length > 0)).toBe(true);

		// Run again: same output (same ids), nothing flagged as claimed elsewhere.
		const [again, againExceptions] = await run({}, quarter);
		expect(again.map((i) => i.json)).toEqual(accruals.map((i) => i.json));
		expect(againExceptions.map((i) => i.json.id)).toEqual(exceptions.map((i) => i.json.id));
	});

	it('accepts programs as an array from an expression, and marks a preview', async () => {
		const items = [{ json: { partner: 'P-9', invoiceNumber: 'X-1', lineNumber: 1, date: '2025-05-05', amount: 500, currency: 'USD' } }];
		const [accruals] = await run({ programs: [{ id: 'ALL', currency: 'USD', tiers: [{ from: '0', rate: '1' }] }], certifications: [], baselines: [], recordClaims: false }, items);
		expect(accruals.map((a) => [a.json.key, a.json.amount, a.json.claims, a.pairedItem])).toEqual([['P-9|ALL|2025-Q2', '5.00', 'preview', [{ item: 0 }]]]);
	});

	it('fails on a bad program with the program and field named, and a hint to the docs', async () => {
		const programs = JSON.stringify([{ id: 'VOL', currency: 'USD', tiers: [{ from: '0', rate: 'two' }] }]);
		await expect(run({ programs }, quarter)).rejects.toThrow('Program "VOL" tiers[0]: "rate" is not a number: "two"');
		await expect(run({ programs }, quarter)).rejects.toMatchObject({ description: expect.stringContaining('docs/nodes/rebate-engine.md') });
		await expect(run({ period: 'fixed', periodStart: '2025-01-01', periodEnd: '' }, quarter)).rejects.toThrow('A fixed period needs Period Start and Period End');
	});

	it('fails on an unreadable line naming the item, or reports it as INVALID_LINE with Continue On Fail', async () => {
		const items = [quarter[61], { json: { partner: 'P-CHARLIE', invoiceNumber: 'C-9', lineNumber: '1', date: '2025-02-02', amount: 'lots' } }];
		await expect(run({}, items)).rejects.toThrow('Item 1 (C-9 line 1): amount is not a number: "lots"');
		const [accruals, exceptions] = await run({ ledger: 'invalid' }, items, { continueOnFail: true });
		expect(accruals.map((a) => a.json.key)).toEqual(['P-CHARLIE|VOL-RETRO|2025-Q1']);
		expect(exceptions.map((e) => [e.json.reason, e.json.partner, e.json.error, e.pairedItem])).toEqual([
			['INVALID_LINE', 'P-CHARLIE', 'Item 1 (C-9 line 1): amount is not a number: "lots"', [{ item: 1 }]],
		]);
		expect(exceptions[0].error).toBeUndefined();
		const [, routed] = await run({ ledger: 'invalid' }, items, { continueOnFail: true, onError: 'continueErrorOutput' });
		expect(routed[0].error?.message).toBe('Item 1 (C-9 line 1): amount is not a number: "lots"');
	});

	it('releases the claims of an accrual so its lines can be claimed under another period', async () => {
		const line = { partner: 'P-R', invoiceNumber: 'R-1', lineNumber: '1', date: '2025-03-20', amount: '100', currency: 'USD' };
		const programs = [{ id: 'R', currency: 'USD', tiers: [{ from: '0', rate: '1' }] }];
		const base = { programs, certifications: [], baselines: [], ledger: 'release' };
		const [[q1]] = await run(base, [{ json: line }]);
		const [, flagged] = await run(base, [{ json: { ...line, date: '2025-04-20' } }]);
		expect(flagged.map((e) => e.json.reason)).toEqual(['DUPLICATE_CLAIM']);

		const [released] = await run({ operation: 'releaseClaims', accrualId: q1.json.id, ledger: 'release' }, [q1]);
		expect(released.map((r) => [r.json, r.pairedItem])).toEqual([
			[{ accrualId: q1.json.id, key: 'P-R|R|2025-Q1', ledger: 'release', released: 1, lines: ['INV:R-1:1'], found: true }, { item: 0 }],
		]);
		const [[q2], clean] = await run(base, [{ json: { ...line, date: '2025-04-20' } }]);
		expect([q2.json.key, clean]).toEqual(['P-R|R|2025-Q2', []]);
	});
});
