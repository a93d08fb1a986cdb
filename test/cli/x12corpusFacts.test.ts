import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli';
import { compareFacts, formatFactMismatches, loadFacts, runFacts } from '../../cli/x12/corpus';

const CORPUS = join(__dirname, '..', 'fixtures', 'x12', 'corpus');
const FACTS = join(__dirname, '..', 'fixtures', 'x12', 'corpus-facts.json');
const BASIC = '850-4010VICS-nodex12-basic.edi';

describe('corpus facts', () => {
	const facts = loadFacts(FACTS);

	it('covers every data file of the fixture corpus and finds no mismatch', () => {
		const dataFiles = readdirSync(CORPUS).filter((f) => !f.endsWith('.md') && !f.endsWith('.json'));
		const report = runFacts(CORPUS, facts);
		expect(report.checked.sort()).toEqual(dataFiles.sort());
		expect(report.mismatches).toEqual([]);
		expect(formatFactMismatches(report)).toBe(`facts: ${dataFiles.length} files match, 0 differ`);
	});

	it('reports each wrong fact with file, fact, expected and got', () => {
		const input = readFileSync(join(CORPUS, BASIC));
		const wrong = { ...facts[BASIC], lines: [7], amounts: [100], diagnostics: ['SE_COUNT'] };
		const mismatches = compareFacts(BASIC, wrong, input);
		expect(mismatches).toEqual([
			{ file: BASIC, fact: 'lines[0]', expected: 7, got: 6 },
			{ file: BASIC, fact: 'amounts[0]', expected: 100, got: 13045.94 },
			{ file: BASIC, fact: 'diagnostics', expected: 'SE_COUNT', got: expect.any(Array) as unknown },
		]);
	});

	it('reports a diagnostic that must be absent', () => {
		const file = 'invalid-940-ediengine-wrong-counts.edi';
		const mismatches = compareFacts(file, { absentDiagnostics: ['GE_COUNT'] }, readFileSync(join(CORPUS, file)));
		expect(mismatches).toEqual([{ file, fact: 'absentDiagnostics', expected: 'no GE_COUNT', got: expect.arrayContaining(['GE_COUNT', 'IEA_COUNT']) as unknown }]);
	});

	it('checks envelope shape, segment count, HL levels and SN1 units of an 856', () => {
		const file = '856-4010-ediengine-crossdock-sopi.edi';
		const input = readFileSync(join(CORPUS, file));
		expect(compareFacts(file, { segments: [56], hl: [12], hlLevels: [{ S: 1, O: 1 }], units: [61], setsPerGroup: [2], interchanges: 2 }, input).map((m) => [m.fact, m.got])).toEqual([
			['interchanges', 1],
			['setsPerGroup', [1]],
			['segments[0]', 57],
			['hl[0]', 13],
			['hlLevels[0]', { S: 1, O: 2, P: 5, I: 5 }],
			['units[0]', 60],
		]);
	});

	it('makes `x12 corpus --facts` exit 1 and print the mismatch when a fact is wrong', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'corpus-facts-'));
		const factsFile = `${folder}-facts.json`;
		try {
			copyFileSync(join(CORPUS, BASIC), join(folder, BASIC));
			writeFileSync(join(folder, 'expectations.json'), JSON.stringify({ [BASIC]: { sets: { '850': 1 }, validity: 'valid' } }));
			writeFileSync(factsFile, JSON.stringify({ source: 'test', files: { [BASIC]: { sets: { '850': 1 }, lines: [5] } } }));
			const out: string[] = [];
			const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
				out.push(String(chunk));
				return true;
			});
			let code: number;
			try {
				code = await main(['x12', 'corpus', folder, '--facts', factsFile]);
			} finally {
				spy.mockRestore();
			}
			const text = out.join('');
			expect(code).toBe(1);
			expect(text).toContain('1 passed, 0 failed');
			expect(text).toContain(`${BASIC}: lines[0] expected 5, got 6`);
			expect(text).toContain('facts: 0 files match, 1 differ');
		} finally {
			rmSync(folder, { recursive: true, force: true });
			rmSync(factsFile, { force: true });
		}
	});
});
