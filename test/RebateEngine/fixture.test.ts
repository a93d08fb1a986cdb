/**
 * The seeded quarter (test/fixtures/rebate): the engine's output must equal the hand-computed expected
 * file (q1-2025-expected.json, arithmetic in q1-2025-expected.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createStateStore, type StateStore } from '../../nodes/common/state';
import { ClaimLedger } from '../../nodes/RebateEngine/core/claims';
import { parseConfig, type RawConfig } from '../../nodes/RebateEngine/core/config';
import { calculateRebates } from '../../nodes/RebateEngine/core/engine';
import { linesOfItem } from '../../nodes/RebateEngine/core/lines';
import { expectMatchesFixture } from './expected';
import { fixture } from './helpers';

const items = fixture<{ items: unknown[] }>('q1-2025-lines.json').items;
const config = parseConfig(fixture<RawConfig>('q1-2025-config.json'));
const lines = items.flatMap((item, i) => linesOfItem(item, i, 'UTC'));

let folder: string;
let store: StateStore;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'rebate-fixture-'));
	store = createStateStore({ backend: 'file', folder });
});
afterAll(async () => {
	await store.close();
	rmSync(folder, { recursive: true, force: true });
});

describe('Rebate Engine over the seeded quarter 2025-Q1', () => {
	it('reads 166 lines of 5 partners from 144 items', () => {
		expect(lines).toHaveLength(166);
		expect(new Set(lines.map((l) => l.partner)).size).toBe(5);
	});

	it('produces exactly the hand-computed accruals and exceptions', async () => {
		expectMatchesFixture(await calculateRebates(lines, config, { claims: new ClaimLedger(store, 'fixture'), record: true }));
	});

	it('gives the same result on a re-run of the same quarter (no cross-run duplicates)', async () => {
		const again = await calculateRebates(lines, config, { claims: new ClaimLedger(store, 'fixture'), record: true });
		expectMatchesFixture(again);
		expect(again.exceptions.filter((e) => e.figures.source === 'claim_ledger')).toEqual([]);
	});

	it('gives the same result without a ledger', async () => {
		expectMatchesFixture(await calculateRebates(lines, config));
	});
});
