/**
 * A minimal PNG reader for screenshots (8-bit RGB/RGBA, not interlaced): enough to count pixels
 * and colours without an image library.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
	width: number;
	height: number;
	/** RGBA, 4 bytes per pixel. */
	pixels: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
	const p = a + b - c;
	const pa = Math.abs(p - a);
	const pb = Math.abs(p - b);
	const pc = Math.abs(p - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(file: Buffer): Image {
	if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
	let offset = 8;
	let width = 0;
	let height = 0;
	let channels = 0;
	const data: Buffer[] = [];
	while (offset < file.length) {
		const length = file.readUInt32BE(offset);
		const type = file.toString('ascii', offset + 4, offset + 8);
		const body = file.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			const [depth, colourType, , , interlace] = body.subarray(8, 13);
			if (depth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) {
				throw new Error(`unsupported PNG: bit depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
			}
			channels = colourType === 6 ? 4 : 3;
		} else if (type === 'IDAT') {
			data.push(body);
		} else if (type === 'IEND') {
			break;
		}
		offset += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(data));
	const stride = width * channels;
	const out = Buffer.alloc(width * height * 4);
	let previous = Buffer.alloc(stride);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
		for (let x = 0; x < stride; x++) {
			const left = x >= channels ? line[x - channels] : 0;
			const up = previous[x];
			const upLeft = x >= channels ? previous[x - channels] : 0;
			const add = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : 0;
			line[x] = (line[x] + add) & 0xff;
		}
		for (let x = 0; x < width; x++) {
			const target = (y * width + x) * 4;
			line.copy(out, target, x * channels, x * channels + 3);
			out[target + 3] = channels === 4 ? line[x * channels + 3] : 255;
		}
		previous = line;
	}
	return { width, height, pixels: out };
}

export interface ColourStats {
	/** Pixels that are not (near) white. */
	nonWhite: number;
	total: number;
	/** Distinct RGB colours. */
	distinct: number;
	/** How many pixels have each of the asked colours exactly ("#rrggbb"). */
	counts: Record<string, number>;
}

export function colourStats(image: Image, colours: string[] = []): ColourStats {
	const wanted = new Map(colours.map((hex) => [parseInt(hex.slice(1), 16), hex]));
	const counts: Record<string, number> = Object.fromEntries(colours.map((hex) => [hex, 0]));
	const seen = new Set<number>();
	let nonWhite = 0;
	for (let i = 0; i < image.pixels.length; i += 4) {
		const [r, g, b] = [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]];
		const rgb = (r << 16) | (g << 8) | b;
		seen.add(rgb);
		if (r < 245 || g < 245 || b < 245) nonWhite++;
		const hex = wanted.get(rgb);
		if (hex) counts[hex]++;
	}
	return { nonWhite, total: image.width * image.height, distinct: seen.size, counts };
}
