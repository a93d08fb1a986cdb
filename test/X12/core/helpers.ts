import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Segment } from '../../../nodes/X12/core/types';

export const CORPUS_DIR = join(__dirname, '../../fixtures/x12/corpus');
export const EDGE_DIR = join(__dirname, '../../fixtures/x12/edge');

export function corpusFiles(): string[] {
	return readdirSync(CORPUS_DIR)
		.filter((file) => file !== 'expectations.json' && !file.endsWith('.md'))
		.sort();
}

export function readCorpus(file: string): Buffer {
	return readFileSync(join(CORPUS_DIR, file));
}

export function readEdge(file: string): Buffer {
	return readFileSync(join(EDGE_DIR, file));
}

/** Deterministic PRNG (mulberry32) so random tests are reproducible. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Splits bytes at random positions (sizes 1..max), so splits land inside "ISA" and multi-byte characters. */
export function randomChunks(bytes: Buffer, random: () => number, max: number): Buffer[] {
	const chunks: Buffer[] = [];
	let pos = 0;
	while (pos < bytes.length) {
		const size = 1 + Math.floor(random() * max);
		chunks.push(bytes.subarray(pos, pos + size));
		pos += size;
	}
	return chunks;
}

export function ids(segments: Segment[]): string[] {
	return segments.map((segment) => segment.id);
}
