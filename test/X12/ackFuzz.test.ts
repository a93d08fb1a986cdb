import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acknowledgeX12, validateX12 } from '../../nodes/X12/core';
import { DATE, FIXED } from './ackHelpers';

const DIRS = [join(__dirname, '..', 'fixtures', 'x12', 'corpus'), join(__dirname, '..', 'fixtures', 'x12', 'edge')];
const FILES = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => !f.endsWith('.md') && !f.endsWith('.json')).map((f) => join(dir, f)));

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

const ALPHABET = '*~:^|>\n\r ISAGSTEAK0123456789';

function mutate(text: string, next: () => number): string {
	let out = text;
	const edits = 1 + Math.floor(next() * 4);
	for (let i = 0; i < edits; i++) {
		const at = Math.floor(next() * out.length);
		const kind = next();
		if (kind < 0.4) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 5));
		else if (kind < 0.8) out = out.slice(0, at) + ALPHABET[Math.floor(next() * ALPHABET.length)] + out.slice(at);
		else out = out.slice(0, at) + out.slice(at, at + 40) + out.slice(at);
	}
	return out;
}

describe('acknowledgements of damaged files', () => {
	it.each(FILES.map((f) => [f.split('/').pop() as string, f]))('%s: mutated copies never crash; every reply is valid X12', async (_name, file) => {
		const original = readFileSync(file, 'utf8');
		const next = random(original.length);
		let replies = 0;
		for (let round = 0; round < 25; round++) {
			const text = mutate(original, next);
			for (const type of ['997', '999'] as const) {
				const result = await acknowledgeX12(text, { type, ta1: round % 2 === 0, controlNumbers: FIXED, date: DATE });
				replies += result.replies.length;
				for (const reply of result.replies) {
					const errors = validateX12(reply.text).diagnostics.filter((d) => d.severity === 'error');
					expect({ round, type, errors }).toEqual({ round, type, errors: [] });
				}
				expect(result.unanswered.every((u) => typeof u.reason === 'string')).toBe(true);
			}
		}
		// Most damaged copies are still answered (with rejections): the check above is not vacuous.
		expect(replies).toBeGreaterThan(10);
	});
});
