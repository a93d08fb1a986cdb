import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseX12 } from '../../../nodes/X12/core';
import type { MappingContext } from '../../../nodes/X12/core/mapping';
import { envelopeContext } from '../../../nodes/X12/core/mapping';
import type { Segment } from '../../../nodes/X12/core/types';

export interface SetInFile {
	id: string;
	segments: Segment[];
	context: MappingContext;
}

/** Every transaction set of a corpus fixture with its envelope context. */
export function setsOf(file: string): SetInFile[] {
	const parsed = parseX12(readFileSync(join(__dirname, '../../fixtures/x12/corpus', file)));
	const sets: SetInFile[] = [];
	for (const interchange of parsed.interchanges) {
		const isa = interchange.segments[0];
		let gs: Segment | undefined;
		let current: SetInFile | undefined;
		for (const seg of interchange.segments) {
			if (seg.id === 'GS') gs = seg;
			if (seg.id === 'ST') {
				current = { id: seg.elements[0][0][0], segments: [], context: envelopeContext(isa, gs, seg) };
				sets.push(current);
			}
			if (current) current.segments.push(seg);
			if (seg.id === 'SE') current = undefined;
		}
	}
	return sets;
}
