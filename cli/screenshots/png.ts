/**
 * Just enough PNG reading to tell a real screenshot from a blank one: 8-bit greyscale, RGB or RGBA,
 * not interlaced (what Chromium writes), unfiltered into raw pixels.
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export interface DecodedPng {
	width: number;
	height: number;
	/** Bytes per pixel. */
	channels: number;
	/** Rows of width × channels bytes, top to bottom. */
	pixels: Buffer;
}

export function decodePng(png: Buffer): DecodedPng {
	if (png.length < SIGNATURE.length || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
	let width = 0;
	let height = 0;
	let channels = 0;
	const idat: Buffer[] = [];
	for (let at = 8; at + 8 <= png.length; ) {
		const length = png.readUInt32BE(at);
		const type = png.toString('latin1', at + 4, at + 8);
		const data = png.subarray(at + 8, at + 8 + length);
		if (type === 'IHDR') {
			width = data.readUInt32BE(0);
			height = data.readUInt32BE(4);
			const [depth, colorType, , , interlace] = data.subarray(8, 13);
			channels = CHANNELS[colorType] ?? 0;
			if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`unsupported PNG (bit depth ${depth}, colour type ${colorType}, interlace ${interlace})`);
		} else if (type === 'IDAT') {
			idat.push(data);
		} else if (type === 'IEND') {
			break;
		}
		at += 12 + length;
	}
	if (width === 0 || height === 0) throw new Error('PNG without IHDR');
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * channels;
	if (raw.length < height * (stride + 1)) throw new Error('truncated PNG data');
	const pixels = Buffer.alloc(height * stride);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
		const out = pixels.subarray(y * stride, (y + 1) * stride);
		const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
		for (let x = 0; x < stride; x++) {
			const a = x >= channels ? out[x - channels] : 0;
			const b = prev[x];
			const c = x >= channels ? prev[x - channels] : 0;
			let value: number;
			switch (filter) {
				case 0:
					value = line[x];
					break;
				case 1:
					value = line[x] + a;
					break;
				case 2:
					value = line[x] + b;
					break;
				case 3:
					value = line[x] + ((a + b) >> 1);
					break;
				case 4: {
					const p = a + b - c;
					const pa = Math.abs(p - a);
					const pb = Math.abs(p - b);
					const pc = Math.abs(p - c);
					value = line[x] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
					break;
				}
				default:
					throw new Error(`unknown PNG filter ${filter} in row ${y}`);
			}
			out[x] = value & 0xff;
		}
	}
	return { width, height, channels, pixels };
}

export interface ImageStats {
	width: number;
	height: number;
	/** Distinct colours (RGB, alpha ignored), counted up to 10,000. */
	colours: number;
	/** Share of pixels that have the most common colour (1 = a single flat colour). */
	dominantShare: number;
}

export function imageStats(png: Buffer): ImageStats {
	const { width, height, channels, pixels } = decodePng(png);
	const counts = new Map<number, number>();
	for (let i = 0; i < pixels.length; i += channels) {
		const colour = channels >= 3 ? (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2] : pixels[i];
		counts.set(colour, (counts.get(colour) ?? 0) + 1);
		if (counts.size > 10_000) break;
	}
	// Past 10,000 colours the count stops early: the share is then a lower bound, which is all a blank check needs.
	return { width, height, colours: counts.size, dominantShare: Math.max(...counts.values()) / (width * height) };
}

/** Why a screenshot looks blank, or undefined when it does not: a canvas with nodes has many colours and no single one above 97 %. */
export function blankReason(stats: ImageStats): string | undefined {
	if (stats.colours < 16) return `only ${stats.colours} colours`;
	if (stats.dominantShare > 0.97) return `${(stats.dominantShare * 100).toFixed(1)} % of the pixels have one colour`;
	return undefined;
}
