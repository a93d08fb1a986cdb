import { compareWithPrevious } from '../../nodes/Scorecard/core/change';
import { compileKpis } from '../../nodes/Scorecard/core/definitions';
import { computeScorecard } from '../../nodes/Scorecard/core/engine';
import { formatChange, formatValue, groupThousands } from '../../nodes/Scorecard/core/format';
import { renderReport } from '../../nodes/Scorecard/core/report/html';
import { findChromium } from './render/chromium';

const kpis = compileKpis([
	{ id: 'rev', name: 'Revenue "><script>alert(1)</script>', domain: 'Money & <b>', formula: 'sum(rev)', unit: 'currency', currency: 'USD', target: 1000, red: 500 },
	{ id: 'ratio', name: 'Ratio', formula: 'sum(a) / sum(b)', unit: 'ratio', target: 1, direction: 'down', red: 2 },
]);
const rows = [
	{ period: '2026-09', item: 0, values: { partner: '<img src=x onerror=alert(1)>', rev: '900', a: 1, b: 1 } },
	{ period: '2026-10', item: 1, values: { partner: '<img src=x onerror=alert(1)>', rev: '1234567.891', a: 3, b: 0 } },
];

function render() {
	const { results } = computeScorecard({ rows, kpis, groupBy: ['partner'] });
	return renderReport(
		results.map((result) => ({ result, comparison: compareWithPrevious(result, [], 12) })),
		{ title: 'Q&A <scorecard>', period: '2026-10', generatedAt: new Date('2026-11-01T06:00:00Z') },
	);
}

describe('HTML report', () => {
	it('escapes every user value and has no script, no external file, no event handler', () => {
		const html = render();
		// The markup itself (tags with their quoted attribute values blanked): only the expected elements and attributes.
		const markup = (html.match(/<[^>]*>/g) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
		const elements = new Set(markup.map((tag) => /^<\/?([a-z0-9!]+)/i.exec(tag)?.[1].toLowerCase()));
		expect([...elements].sort()).toEqual(['!doctype', 'body', 'br', 'circle', 'div', 'h1', 'h2', 'head', 'html', 'meta', 'polyline', 'rect', 'span', 'svg', 'table', 'td', 'th', 'title', 'tr']);
		expect(markup.join('')).not.toMatch(/\s(on\w+|src|href|xlink:href)=/i);
		expect(html).not.toMatch(/url\(|@import|javascript:/i);
		expect(html).toContain('Revenue &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('Partner: &lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('<title>Q&amp;A &lt;scorecard&gt; 2026-10</title>');
		expect(html).toContain('Money &amp; &lt;b&gt;');
	});

	it('writes values, targets, changes and reasons as text, and draws bars and trend lines in SVG', () => {
		const html = render();
		expect(html).toContain('>USD 1,234,567.89<');
		expect(html).toContain('&ge; USD 1,000.00');
		expect(html).toContain('&#9650; +USD 1,233,667.89 (+137074.2%)');
		expect(html).toContain('was USD 900.00 in 2026-09');
		expect(html).toContain('division by zero: sum(b) is 0');
		expect(html).toContain('was 1.00 in 2026-09');
		expect(html.match(/<svg /g)).toHaveLength(3); // two bars, one trend line (the ratio has one value only)
		expect(html).toContain('<polyline points="3,21 87,3"');
		expect(html).toContain('aria-label="Revenue &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;: USD 1,234,567.89, target USD 1,000.00"');
	});

	it('formats units, thousands and signed changes', () => {
		expect(groupThousands('-1234567.5')).toBe('-1,234,567.5');
		expect(formatValue('12.5', { unit: 'days', decimals: 1 })).toBe('12.5 days');
		expect(formatValue('3', { unit: 'hours', decimals: 1 })).toBe('3.0 h');
		expect(formatValue('0.456', { unit: 'ratio', decimals: 2 })).toBe('0.46');
		expect(formatValue('1204', { unit: 'count', decimals: 0 })).toBe('1,204');
		expect(formatValue(undefined, { unit: '%', decimals: 1 })).toBe('n/a');
		expect(formatChange('-2.5', { unit: '%', decimals: 1 })).toBe('-2.5 pts');
		expect(formatChange('0', { unit: 'count', decimals: 0 })).toBe('±0');
	});

	it('fails (does not skip) the browser test without Chromium, naming the package to install', () => {
		const saved = { path: process.env.PATH, bin: process.env.CHROMIUM_BIN };
		process.env.PATH = '/nonexistent';
		delete process.env.CHROMIUM_BIN;
		try {
			expect(() => findChromium()).toThrow('Install it with `apt-get install -y chromium` (Debian)');
		} finally {
			process.env.PATH = saved.path;
			if (saved.bin !== undefined) process.env.CHROMIUM_BIN = saved.bin;
		}
	});
});
