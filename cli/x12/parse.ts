/**
 * `x12 parse`: the file as JSON (interchanges → groups → sets → segments), written while it is read, so memory
 * stays bounded by the envelope report, not the file. Segments are rows: `["PO1", "1", "2", ["A", "B"]]`
 * (composites as arrays, repeated elements as arrays of arrays), the same form `x12 generate` takes.
 */
import { tokenizeX12Batches, type ChunkSource } from '../../nodes/X12/core/stream';
import type { X12Event } from '../../nodes/X12/core/tokenizer';
import type { Element, Segment } from '../../nodes/X12/core/types';
import { EnvelopeValidator, summarize, type ValidationResult } from '../../nodes/X12/core/validate';

export type Row = Array<string | string[] | string[][]>;

function plain(element: Element): string | string[] | string[][] {
	if (element.length === 1) return element[0].length === 1 ? element[0][0] : element[0];
	return element;
}

export function segmentRow(segment: Segment): Row {
	return [segment.id, ...segment.elements.map(plain)];
}

/** Streams events into the nested JSON document; `out` receives the text piece by piece. */
class ParseJsonWriter {
	private interchange?: { groups: number; other: Row[]; trailer?: Row };
	private group?: { sets: number; other: Row[]; trailer?: Row };
	private inSet = false;
	private setSegments = 0;
	private interchanges = 0;

	constructor(private readonly out: (text: string) => void) {
		out('{"interchanges":[');
	}

	onEvent(event: X12Event): void {
		if (event.kind === 'interchange') {
			this.closeInterchange();
			this.out(`${this.interchanges++ ? ',' : ''}\n{"index":${event.interchange},"delimiters":${JSON.stringify(event.delimiters)},"header":`);
			this.interchange = { groups: 0, other: [] };
			return;
		}
		if (event.kind !== 'segment') return;
		const { segment } = event;
		const row = segmentRow(segment);
		const ix = this.interchange;
		if (!ix) return;
		if (segment.id === 'ISA') {
			this.out(`${JSON.stringify(row)},"groups":[`);
			return;
		}
		if (ix.trailer) {
			ix.other.push(row);
			return;
		}
		switch (segment.id) {
			case 'GS':
				this.closeGroup();
				this.out(`${ix.groups++ ? ',' : ''}\n{"header":${JSON.stringify(row)},"sets":[`);
				this.group = { sets: 0, other: [] };
				return;
			case 'ST':
				if (!this.group) break;
				this.closeSet();
				this.out(`${this.group.sets++ ? ',' : ''}\n{"id":${JSON.stringify(row[1] ?? '')},"controlNumber":${JSON.stringify(row[2] ?? '')},"segments":[${JSON.stringify(row)}`);
				this.inSet = true;
				this.setSegments = 1;
				return;
			case 'GE':
				if (!this.group) break;
				this.closeSet();
				this.group.trailer = row;
				this.closeGroup();
				return;
			case 'IEA':
				this.closeGroup();
				ix.trailer = row;
				return;
		}
		if (this.inSet) {
			this.out(`,\n${JSON.stringify(row)}`);
			this.setSegments++;
			if (segment.id === 'SE') this.closeSet();
		} else if (this.group) {
			this.group.other.push(row);
		} else {
			ix.other.push(row);
		}
	}

	private closeSet(): void {
		if (!this.inSet) return;
		this.out(`],"segmentCount":${this.setSegments}}`);
		this.inSet = false;
	}

	private closeGroup(): void {
		this.closeSet();
		const group = this.group;
		if (!group) return;
		this.out(`],"trailer":${JSON.stringify(group.trailer ?? null)},"other":${JSON.stringify(group.other)}}`);
		this.group = undefined;
	}

	private closeInterchange(): void {
		this.closeGroup();
		const ix = this.interchange;
		if (!ix) return;
		this.out(`],"trailer":${JSON.stringify(ix.trailer ?? null)},"other":${JSON.stringify(ix.other)}}`);
		this.interchange = undefined;
	}

	finish(summary: ValidationResult): void {
		this.closeInterchange();
		const { diagnostics, ...counts } = summary;
		this.out(`\n],"summary":${JSON.stringify(counts)},"diagnostics":${JSON.stringify(diagnostics)}}\n`);
	}
}

/** Parses and validates in one pass, writing the JSON document; resolves to the validation summary. */
export async function writeParseJson(source: ChunkSource, write: (text: string) => Promise<void>): Promise<ValidationResult> {
	const validator = new EnvelopeValidator();
	let pending: string[] = [];
	const writer = new ParseJsonWriter((text) => pending.push(text));
	const flush = async () => {
		if (pending.length === 0) return;
		const text = pending.join('');
		pending = [];
		await write(text);
	};
	for await (const batch of tokenizeX12Batches(source)) {
		for (const event of batch) {
			validator.onEvent(event);
			writer.onEvent(event);
		}
		await flush();
	}
	const summary = summarize(validator.finish());
	writer.finish(summary);
	await flush();
	return summary;
}
