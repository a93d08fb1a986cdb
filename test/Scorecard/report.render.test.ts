/**
 * The HTML report as a browser renders it: headless Chromium takes a screenshot (decoded here and
 * checked for ink, the status colours and the SVG bars) and dumps the DOM (every KPI value must be
 * in the text, outside the SVG); Tesseract reads headline numbers from a screenshot of the report
 * with its SVG removed, as e-mail clients that strip SVG show it. Needs the Debian packages
 * `chromium` and `tesseract-ocr`: without them the test fails with the install command.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { formatValue } from '../../nodes/Scorecard/core/format';
import { qualifier } from '../../nodes/Scorecard/core/report/sections';
import { STATUS_COLOURS, TRACK } from '../../nodes/Scorecard/core/report/palette';
import { dumpDom, findChromium, ocr, screenshot } from './render/chromium';
import { colourStats, decodePng } from './render/png';
import { sampleReport } from './render/sampleReport';

jest.setTimeout(120_000);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const stripSvg = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, '');
/** The visible text of an HTML fragment: tags removed, entities decoded, whitespace collapsed. */
const textOf = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
		.replace(/\s+/g, ' ')
		.trim();

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'scorecard-render-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the HTML report in a real browser', () => {
	const { html, rows } = sampleReport();

	it('finds Chromium (apt-get install -y chromium)', () => {
		expect(findChromium()).toBeTruthy();
	});

	it('renders a page with text, the status colours and the SVG bars (not blank)', () => {
		const file = join(dir, 'report.html');
		writeFileSync(file, html);
		screenshot(file, join(dir, 'report.png'), 1000, 2600);
		const image = decodePng(readFileSync(join(dir, 'report.png')));
		expect([image.width, image.height]).toEqual([1000, 2600]);
		const stats = colourStats(image, [STATUS_COLOURS.green.fill, STATUS_COLOURS.amber.fill, STATUS_COLOURS.red.fill, TRACK]);
		expect(stats.nonWhite / stats.total).toBeGreaterThan(0.05);
		expect(stats.distinct).toBeGreaterThan(100);
		for (const colour of [STATUS_COLOURS.green.fill, STATUS_COLOURS.amber.fill, STATUS_COLOURS.red.fill]) expect(stats.counts[colour]).toBeGreaterThan(500);
		// The bar track colour is drawn only by the SVG charts.
		expect(stats.counts[TRACK]).toBeGreaterThan(2000);

		// Control: without its SVG the page has no bar track pixels (so the check above can fail).
		writeFileSync(join(dir, 'nosvg.html'), stripSvg(html));
		screenshot(join(dir, 'nosvg.html'), join(dir, 'nosvg.png'), 1000, 2600);
		expect(colourStats(decodePng(readFileSync(join(dir, 'nosvg.png'))), [TRACK]).counts[TRACK]).toBe(0);
	});

	it('shows every KPI value, target, status and change as text outside the SVG, in the row of its KPI', () => {
		const file = join(dir, 'dom.html');
		writeFileSync(file, html);
		const dom = dumpDom(file);
		expect(dom).toContain('<svg');
		expect(dom).not.toMatch(/<script/i);
		// Each section starts with its <h2> title; its table rows follow.
		const sections = new Map(
			stripSvg(dom)
				.split('<h2')
				.slice(1)
				.map((chunk) => {
					const [title, ...tableRows] = chunk.split(/<tr[\s>]/).map(textOf);
					return [title.replace(/^[^>]*>\s*/, ''), tableRows] as const;
				}),
		);
		expect([...sections.keys()]).toEqual(['Partner: Acme IT', 'Partner: Bolt Systems']);
		expect(rows.length).toBe(35);
		for (const { result, comparison } of rows) {
			const { kpi, current } = result;
			const label = qualifier(result) ? `${kpi.name} · ${qualifier(result)}` : kpi.name;
			const candidates = (sections.get(`Partner: ${result.group[0][1]}`) ?? []).filter((text) => text.startsWith(`${label} `));
			expect(candidates).toHaveLength(1);
			const row = candidates[0];
			expect(row).toContain(` ${formatValue(current.value, kpi)} `);
			expect(row).toContain(`${kpi.direction === 'up' ? '≥' : '≤'} ${formatValue(kpi.target, kpi)}`);
			expect(row).toContain(STATUS_COLOURS[current.status].label);
			if (current.reason) expect(row).toContain(current.reason);
			if (comparison.previousPeriod) expect(row).toContain(`was ${formatValue(comparison.previousValue, kpi)} in ${comparison.previousPeriod}`);
		}
	});

	it('shows the headline numbers as text a reader sees when the client strips SVG (OCR)', () => {
		const file = join(dir, 'head.html');
		writeFileSync(file, stripSvg(html));
		screenshot(file, join(dir, 'head.png'), 1000, 640);
		const seen = ocr(join(dir, 'head.png')).replace(/\s+/g, '');
		const acme = rows.filter((row) => row.result.group[0][1] === 'Acme IT').slice(0, 6);
		const headline = ['Partnerscorecard', 'Period2026-10', 'Partner:AcmeIT', ...acme.map((row) => formatValue(row.result.current.value, row.result.kpi).replace(/\s+/g, ''))];
		expect(headline).toEqual(['Partnerscorecard', 'Period2026-10', 'Partner:AcmeIT', '66.7%', '35.0%', '55.0%', '20.0%', '48.0%', '32.5%']);
		for (const text of headline) expect(seen).toContain(text);
	});
});
