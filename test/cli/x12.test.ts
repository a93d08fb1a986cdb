import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../cli';
import { parseX12 } from '../../nodes/X12/core/tokenizer';
import { validateX12 } from '../../nodes/X12/core/validate';

const CORPUS = join(__dirname, '..', 'fixtures', 'x12', 'corpus');
const BASIC = join(CORPUS, '850-4010VICS-nodex12-basic.edi');
const WRONG_COUNTS = join(CORPUS, 'invalid-940-ediengine-wrong-counts.edi');

function fixtureFiles(): string[] {
	const dirs = [CORPUS, join(__dirname, '..', 'fixtures', 'x12', 'edge')];
	return dirs.flatMap((d) => readdirSync(d).filter((f) => !f.endsWith('.md') && !f.endsWith('.json')).map((f) => join(d, f)));
}

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs the CLI in-process with stdout/stderr captured (and optionally stdin replaced). */
async function run(argv: string[], stdin?: string): Promise<Run> {
	const out: string[] = [];
	const err: string[] = [];
	const spyOut = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
		out.push(String(chunk));
		return true;
	});
	const spyErr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
		err.push(String(chunk));
		return true;
	});
	const original = Object.getOwnPropertyDescriptor(process, 'stdin') as PropertyDescriptor;
	if (stdin !== undefined) Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(stdin)]), configurable: true });
	try {
		const code = await main(argv);
		return { code, stdout: out.join(''), stderr: err.join('') };
	} finally {
		spyOut.mockRestore();
		spyErr.mockRestore();
		if (stdin !== undefined) Object.defineProperty(process, 'stdin', original);
	}
}

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'x12-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('erp-interop x12', () => {
	it('is listed in the overview and prints the usage of every subcommand with --help', async () => {
		expect((await run(['--help'])).stdout).toMatch(/x12\s+parse, validate, acknowledge and generate X12/);
		for (const sub of ['parse', 'validate', 'ack', 'generate', 'corpus']) {
			const result = await run(['x12', sub, '--help']);
			expect(result.code).toBe(0);
			expect(result.stdout).toContain(`erp-interop x12 ${sub} <`);
		}
	});

	it('rejects a missing or unknown subcommand, a missing file and bad flags with exit 2', async () => {
		expect((await run(['x12'])).code).toBe(2);
		const unknown = await run(['x12', 'frob']);
		expect(unknown).toMatchObject({ code: 2, stdout: '' });
		expect(unknown.stderr).toContain('unknown subcommand "frob"');
		expect((await run(['x12', 'validate'])).stderr).toContain('give a file');
		const missing = await run(['x12', 'validate', join(dir, 'nope.edi'), '--json']);
		expect(missing).toMatchObject({ code: 2, stdout: '' });
		expect((await run(['x12', 'ack', BASIC, '--type', '998'])).stderr).toContain('--type must be 997 or 999');
	});
});

describe('x12 validate', () => {
	it('--json prints exactly one JSON object equal to validateX12, exit 0 on a valid file', async () => {
		const result = await run(['x12', 'validate', BASIC, '--json']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout.trim().split('\n')).toHaveLength(1);
		const json = JSON.parse(result.stdout) as Record<string, unknown>;
		expect(Object.keys(json)).toEqual(['valid', 'interchanges', 'groups', 'transactionSets', 'diagnostics']);
		expect(json).toEqual(JSON.parse(JSON.stringify(validateX12(readFileSync(BASIC)))));
		expect(json).toMatchObject({ valid: true, interchanges: 1, groups: 1, transactionSets: { '850': 1 } });
	});

	it('--json exits 1 on error diagnostics, with severity/code/message in each', async () => {
		const result = await run(['x12', 'validate', WRONG_COUNTS, '--json']);
		expect(result.code).toBe(1);
		const json = JSON.parse(result.stdout) as { valid: boolean; diagnostics: Array<{ severity: string; code: string; message: string }> };
		expect(json.valid).toBe(false);
		expect(json.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).sort()).toEqual(['GE_COUNT', 'IEA_COUNT']);
		for (const d of json.diagnostics) expect(typeof d.message).toBe('string');
	});

	it('exits 0 with only warnings (a test interchange)', async () => {
		const file = join(dir, 'test-usage.edi');
		writeFileSync(file, readFileSync(BASIC, 'utf8').replace('*0*P*>', '*0*T*>'));
		const result = await run(['x12', 'validate', file, '--json']);
		expect(result.code).toBe(0);
		expect((JSON.parse(result.stdout) as { diagnostics: Array<{ severity: string; code: string }> }).diagnostics).toEqual([
			expect.objectContaining({ severity: 'warning', code: 'ISA_TEST_DATA' }),
		]);
	});

	it('without --json prints a summary and the diagnostics on stderr', async () => {
		const result = await run(['x12', 'validate', WRONG_COUNTS]);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/INVALID, 1 interchange\(s\), 1 group\(s\), sets: 940x1; 2 error\(s\)/);
		expect(result.stderr).toMatch(/^error GE_COUNT: .*\(interchange 1, group 1, segment \d+ GE, element 1\)$/m);
		const ok = await run(['x12', 'validate', BASIC]);
		expect(ok).toMatchObject({ code: 0, stderr: '' });
	});

	it('reads stdin with -', async () => {
		const result = await run(['x12', 'validate', '-', '--json'], readFileSync(BASIC, 'utf8'));
		expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, transactionSets: { '850': 1 } });
	});
});

describe('x12 parse', () => {
	it('prints interchanges, groups and sets with segments as rows', async () => {
		const result = await run(['x12', 'parse', join(CORPUS, 'mixed-810-850-staedi-two-groups.edi')]);
		expect(result.code).toBe(0);
		const json = JSON.parse(result.stdout) as {
			interchanges: Array<{ header: string[]; trailer: string[]; groups: Array<{ header: string[]; trailer: string[]; sets: Array<{ id: string; segments: unknown[][]; segmentCount: number }> }> }>;
			summary: { valid: boolean; transactionSets: Record<string, number> };
		};
		const [interchange] = json.interchanges;
		expect(interchange.header[0]).toBe('ISA');
		expect(interchange.trailer[0]).toBe('IEA');
		expect(interchange.groups.map((g) => g.sets.map((s) => s.id))).toEqual([['810', '810'], ['850']]);
		const parsed = parseX12(readFileSync(join(CORPUS, 'mixed-810-850-staedi-two-groups.edi'))).interchanges[0].segments;
		const rows = interchange.groups.flatMap((g) => [g.header, ...g.sets.flatMap((s) => s.segments), g.trailer]);
		expect(rows.map((r) => r[0])).toEqual(parsed.slice(1, -1).map((s) => s.id));
		for (const set of interchange.groups.flatMap((g) => g.sets)) {
			expect(set.segments[0][0]).toBe('ST');
			expect(set.segments.at(-1)?.[0]).toBe('SE');
			expect(set.segmentCount).toBe(set.segments.length);
		}
		expect(json.summary).toMatchObject({ valid: true, transactionSets: { '810': 2, '850': 1 } });
	});

	it.each(fixtureFiles())('%s: well-formed JSON with as many sets as validate counts', async (file) => {
		const result = await run(['x12', 'parse', file]);
		const json = JSON.parse(result.stdout) as { interchanges: Array<{ groups: Array<{ sets: unknown[] }> }>; summary: { transactionSets: Record<string, number> } };
		const sets = json.interchanges.reduce((n, ix) => n + ix.groups.reduce((m, g) => m + g.sets.length, 0), 0);
		const counted = Object.values(validateX12(readFileSync(file)).transactionSets).reduce((a, b) => a + b, 0);
		expect(sets).toBe(counted);
		expect(json.summary.transactionSets).toEqual(validateX12(readFileSync(file)).transactionSets);
	});

	it('writes composites as arrays', async () => {
		const result = await run(['x12', 'parse', join(CORPUS, '850-4010-ediengine-sln-composite.edi')]);
		const json = JSON.parse(result.stdout) as { interchanges: Array<{ groups: Array<{ sets: Array<{ segments: unknown[][] }> }> }> };
		const sln = json.interchanges[0].groups[0].sets[0].segments.find((row) => row[0] === 'SLN') as unknown[];
		expect(sln[5]).toEqual(['PC', '11.1', '12.2', 'EA', '13.3', '14.4']);
	});

	it('exits 1 with diagnostics on stderr for an invalid file, and still prints the JSON', async () => {
		const result = await run(['x12', 'parse', WRONG_COUNTS]);
		expect(result.code).toBe(1);
		expect(JSON.parse(result.stdout)).toHaveProperty('diagnostics');
		expect(result.stderr).toContain('GE_COUNT');
	});
});

describe('x12 ack', () => {
	it('prints a 997 for a valid file (and a 999 with --type 999, with --ta1)', async () => {
		const result = await run(['x12', 'ack', BASIC, '--date', '2026-03-04T05:06:00Z', '--control-number', '42']);
		expect(result.code).toBe(0);
		const segments = parseX12(result.stdout).interchanges[0].segments;
		expect(segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST', 'AK1', 'AK2', 'AK5', 'AK9', 'SE', 'GE', 'IEA']);
		expect(segments[0].elements[12][0][0]).toBe('000000042');
		expect(validateX12(result.stdout).valid).toBe(true);
		const v999 = await run(['x12', 'ack', BASIC, '--type', '999', '--ta1']);
		expect(parseX12(v999.stdout).interchanges[0].segments.map((s) => s.id)).toEqual(['ISA', 'TA1', 'GS', 'ST', 'AK1', 'AK2', 'IK5', 'AK9', 'SE', 'GE', 'IEA']);
	});

	it('rejects only the bad set and exits 1 with diagnostics on stderr', async () => {
		const good = 'ST*850*0001~BEG*00*SA*1**20260301~SE*3*0001~';
		const bad = 'ST*850*0002~BEG*00*SA*2**20260301~SE*9*0002~';
		const file = join(dir, 'one-bad.edi');
		writeFileSync(
			file,
			`ISA*00*          *00*          *ZZ*THEM           *ZZ*US             *260301*1200*U*00401*000000001*0*P*:~GS*PO*THEM*US*20260301*1200*1*X*004010~${good}${bad}GE*2*1~IEA*1*000000001~`,
		);
		const result = await run(['x12', 'ack', file, '--json']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('SE_COUNT');
		const json = JSON.parse(result.stdout) as { text: string; acknowledgements: Array<{ status: string; sets: Array<{ status: string }> }> };
		expect(json.acknowledgements[0].status).toBe('P');
		expect(json.acknowledgements[0].sets.map((s) => s.status)).toEqual(['A', 'R']);
		expect(json.text).toContain('AK9*P*2*2*1~');
	});

	it('says so when there is nothing to acknowledge', async () => {
		const result = await run(['x12', 'ack', join(CORPUS, '997-5010-staedi-rejected.edi')]);
		expect(result).toMatchObject({ code: 1, stdout: '' });
		expect(result.stderr).toContain('nothing to acknowledge');
	});
});

describe('x12 generate', () => {
	const document = {
		sender: { qualifier: 'ZZ', id: 'US' },
		receiver: { qualifier: 'ZZ', id: 'THEM' },
		version: '00401',
		date: '2026-03-04T05:06:00Z',
		groups: [
			{
				functionalId: 'PO',
				appSender: 'USAPP',
				appReceiver: 'THEMAPP',
				version: '004010',
				sets: [{ id: '850', segments: [['BEG', '00', 'SA', 'PO1', '', '20260304'], ['PO1', '1', '2', 'EA', '3.5', '', 'VP', 'A1'], ['SLN', '1', '', 'I', '1', 'EA', ['PC', '11.1']], ['CTT', '1']] }],
			},
		],
	};

	it('writes X12 that validates and parses back to the same rows', async () => {
		const file = join(dir, 'po.json');
		writeFileSync(file, JSON.stringify(document));
		const result = await run(['x12', 'generate', file, '--control-number', '5']);
		expect(result).toMatchObject({ code: 0, stderr: '' });
		expect(validateX12(result.stdout)).toMatchObject({ valid: true, transactionSets: { '850': 1 } });
		expect(result.stdout).toContain('ST*850*0005~\nBEG*00*SA*PO1**20260304~\n');
		expect(result.stdout).toContain('SLN*1**I*1*EA*PC:11.1~\n');
		expect(result.stdout).toMatch(/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*US {13}\*ZZ\*THEM {11}\*260304\*0506\*U\*00401\*000000005\*0\*P\*:~\n/);
		// parse → rows → generate reproduces the body.
		const parsed = JSON.parse((await run(['x12', 'parse', '-'], result.stdout)).stdout) as { interchanges: Array<{ groups: Array<{ sets: Array<{ segments: unknown[][] }> }> }> };
		const body = parsed.interchanges[0].groups[0].sets[0].segments.slice(1, -1);
		expect(body).toEqual(document.groups[0].sets[0].segments);
	});

	it('reads the JSON from stdin and honours custom delimiters', async () => {
		const result = await run(['x12', 'generate', '-'], JSON.stringify({ ...document, delimiters: { element: '|', component: '>', segment: '\n', repetition: '^' } }));
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')[1]).toBe('GS|PO|USAPP|THEMAPP|20260304|0506|1|X|004010');
		expect(validateX12(result.stdout).valid).toBe(true);
	});

	it('reports bad documents by JSON path (exit 2) and data that cannot be written (exit 1)', async () => {
		const bad = await run(['x12', 'generate', '-'], JSON.stringify({ ...document, groups: [{ ...document.groups[0], sets: [{ id: '850', segments: [['BEG', 5, {}]] }] }] }));
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('$.groups[0].sets[0].segments[0][2]');
		const notJson = await run(['x12', 'generate', '-'], '{nope');
		expect(notJson).toMatchObject({ code: 2 });
		const clash = await run(['x12', 'generate', '-'], JSON.stringify({ ...document, groups: [{ ...document.groups[0], sets: [{ id: '850', segments: [['BEG', 'A*B']] }] }] }));
		expect(clash.code).toBe(1);
		expect(clash.stderr).toContain('element separator');
		expect(clash.stdout).toBe('');
	});
});

describe('x12 corpus', () => {
	it('passes on the fixture corpus and prints the table', async () => {
		const result = await run(['x12', 'corpus', CORPUS]);
		expect(result.stdout).toMatch(/(\d+) passed, 0 failed\n$/);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^ok\s+invalid-940-ediengine-wrong-counts\.edi\s+invalid 940x1\s+invalid 940x1\s+GE_COUNT,IEA_COUNT$/m);
	});

	it('fails (exit 1) on a mismatch and on a file without expectation', async () => {
		const folder = join(dir, 'mini');
		mkdirSync(folder);
		copyFileSync(BASIC, join(folder, 'a.edi'));
		copyFileSync(WRONG_COUNTS, join(folder, 'b.edi'));
		copyFileSync(BASIC, join(folder, 'c.edi'));
		writeFileSync(
			join(folder, 'expectations.json'),
			JSON.stringify({ 'a.edi': { sets: { '850': 1 }, validity: 'valid' }, 'b.edi': { sets: { '940': 1 }, validity: 'valid' } }),
		);
		const result = await run(['x12', 'corpus', folder]);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/^ok\s+a\.edi/m);
		expect(result.stdout).toMatch(/^FAIL\s+b\.edi/m);
		expect(result.stdout).toContain('c.edi: no expectation recorded');
		expect(result.stdout).toMatch(/1 passed, 2 failed\n$/);
		const json = JSON.parse((await run(['x12', 'corpus', folder, '--json'])).stdout) as Array<{ file: string; matches: boolean }>;
		expect(json.map((r) => [r.file, r.matches])).toEqual([['a.edi', true], ['b.edi', false], ['c.edi', false]]);
	});

	it('exits 2 with the file named when the expectations or facts file is malformed', async () => {
		const folder = join(dir, 'malformed');
		mkdirSync(folder);
		copyFileSync(BASIC, join(folder, 'a.edi'));
		writeFileSync(join(folder, 'expectations.json'), '{ "a.edi": ');
		const broken = await run(['x12', 'corpus', folder]);
		expect(broken.code).toBe(2);
		expect(broken.stderr).toContain('expectations.json is not JSON');
		writeFileSync(join(folder, 'expectations.json'), JSON.stringify({ 'a.edi': { validity: 'valid' } }));
		const incomplete = await run(['x12', 'corpus', folder]);
		expect(incomplete.code).toBe(2);
		expect(incomplete.stderr).toContain('"a.edi" needs "sets"');
		writeFileSync(join(folder, 'expectations.json'), JSON.stringify({ 'a.edi': { sets: { '850': 1 }, validity: 'valid' } }));
		writeFileSync(join(folder, 'facts.json'), '[]');
		const facts = await run(['x12', 'corpus', folder, '--facts', join(folder, 'facts.json')]);
		expect(facts.code).toBe(2);
		expect(facts.stderr).toContain('needs a "files" object');
	});
});
