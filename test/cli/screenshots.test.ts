/**
 * The screenshot tool's own parts: the PNG reader and blank check (on PNGs written here with every row
 * filter), and the DevTools pipe protocol (NUL-framed JSON, answers matched to commands, events).
 */
import { PassThrough } from 'node:stream';
import { deflateSync } from 'node:zlib';

import { main } from '../../cli';
import { CdpConnection, NulFramer } from '../../cli/screenshots/cdp';
import { blankReason, decodePng, imageStats } from '../../cli/screenshots/png';

function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of data) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/** An RGB PNG whose row y uses filter `filters[y % filters.length]` (encoded here, so the reader must undo each). */
function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number], filters = [0, 1, 2, 3, 4]): Buffer {
	const stride = width * 3;
	const rows: Buffer[] = [];
	const raw = (y: number) => Buffer.from(Array.from({ length: width }, (_, x) => pixel(x, y)).flat());
	for (let y = 0; y < height; y++) {
		const line = raw(y);
		const prev = y > 0 ? raw(y - 1) : Buffer.alloc(stride);
		const filter = filters[y % filters.length];
		const out = Buffer.alloc(stride + 1);
		out[0] = filter;
		for (let i = 0; i < stride; i++) {
			const a = i >= 3 ? line[i - 3] : 0;
			const b = prev[i];
			const c = i >= 3 ? prev[i - 3] : 0;
			const p = a + b - c;
			const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
			const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
			out[i + 1] = (line[i] - predictor) & 0xff;
		}
		rows.push(out);
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8;
	ihdr[9] = 2;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

const gradient = (x: number, y: number): [number, number, number] => [(x * 7) & 0xff, (y * 11) & 0xff, (x * y) & 0xff];

describe('PNG reading', () => {
	it('undoes every row filter', () => {
		const png = encodePng(40, 25, gradient);
		const { width, height, channels, pixels } = decodePng(png);
		expect([width, height, channels]).toEqual([40, 25, 3]);
		for (const [x, y] of [[0, 0], [39, 0], [5, 3], [17, 4], [39, 24], [21, 13]]) {
			expect([...pixels.subarray((y * 40 + x) * 3, (y * 40 + x) * 3 + 3)]).toEqual(gradient(x, y));
		}
	});

	it('calls a flat image blank and a varied one not', () => {
		const flat = imageStats(encodePng(64, 64, () => [250, 250, 250]));
		expect(flat).toMatchObject({ width: 64, height: 64, colours: 1, dominantShare: 1 });
		expect(blankReason(flat)).toBe('only 1 colours');
		// A canvas of one background colour with a few small marks is still blank.
		const almost = imageStats(encodePng(100, 100, (x, y) => (x < 5 && y < 5 ? gradient(x * 9, y * 9) : [240, 240, 240])));
		expect(blankReason(almost)).toMatch(/% of the pixels have one colour/);
		expect(blankReason(imageStats(encodePng(64, 64, gradient)))).toBeUndefined();
	});

	it('refuses what is not a PNG', () => {
		expect(() => decodePng(Buffer.from('<html></html>'))).toThrow('not a PNG');
	});
});

describe('DevTools pipe', () => {
	it('splits NUL-terminated messages across and within chunks', () => {
		const seen: string[] = [];
		const framer = new NulFramer((text) => seen.push(text));
		framer.push(Buffer.from('{"a":1}\0{"b":'));
		framer.push(Buffer.from('2}\0'));
		framer.push(Buffer.from('{"c":3}\0{"d":4}\0'));
		expect(seen).toEqual(['{"a":1}', '{"b":2}', '{"c":3}', '{"d":4}']);
	});

	it('matches answers to commands by id, rejects errors, and passes events on', async () => {
		const toBrowser = new PassThrough();
		const fromBrowser = new PassThrough();
		const cdp = new CdpConnection(toBrowser, fromBrowser);
		const sent: Array<{ id: number; method: string; sessionId?: string }> = [];
		toBrowser.on('data', (data: Buffer) => {
			for (const text of data.toString().split('\0').filter(Boolean)) sent.push(JSON.parse(text) as { id: number; method: string });
		});
		const events: string[] = [];
		cdp.on((event) => events.push(`${event.method}@${event.sessionId}`));

		const version = cdp.send<{ product: string }>('Browser.getVersion');
		const shot = cdp.send('Page.captureScreenshot', { format: 'png' }, 'S1');
		await new Promise((resolve) => setImmediate(resolve));
		expect(sent.map((m) => [m.method, m.sessionId])).toEqual([['Browser.getVersion', undefined], ['Page.captureScreenshot', 'S1']]);
		// Answers in the other order, an event between them.
		fromBrowser.write(`{"id":${sent[1].id},"error":{"code":-32000,"message":"no page"}}\0{"method":"Page.loadEventFired","params":{},"sessionId":"S1"}\0`);
		fromBrowser.write(`{"id":${sent[0].id},"result":{"product":"Chrome/150"}}\0`);

		await expect(shot).rejects.toThrow('Page.captureScreenshot: no page');
		await expect(version).resolves.toEqual({ product: 'Chrome/150' });
		expect(events).toEqual(['Page.loadEventFired@S1']);

		fromBrowser.end();
		await new Promise((resolve) => setImmediate(resolve));
		await expect(cdp.send('Browser.getVersion')).rejects.toThrow(/closed the DevTools pipe/);
	});
});

describe('erp-interop screenshots', () => {
	it('prints its usage with --help and starts nothing', async () => {
		const chunks: string[] = [];
		const spy = jest.spyOn(process.stdout, 'write').mockImplementation((text: string | Uint8Array) => {
			chunks.push(String(text));
			return true;
		});
		const code = await main(['screenshots', '--help']);
		spy.mockRestore();
		expect(code).toBe(0);
		expect(chunks.join('')).toContain('erp-interop screenshots [options]');
	});
});
