import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';
import { parseX12 } from '../../nodes/X12/core/tokenizer';
import type { Segment } from '../../nodes/X12/core/types';

export const FIXED = { interchange: 7, group: 70, set: 700 };
export const DATE = new Date('2026-03-04T05:06:00Z');

export interface SetSpec {
	id: string;
	control: string;
	/** Body segments as text, without ST/SE. */
	body: string[];
	/** SE01 override (to corrupt the count). */
	se01?: string;
	st03?: string;
}

/** An inbound interchange written by hand (so the tests do not depend on the generator under test). */
export function inbound(
	groups: Array<{ fid: string; control: string; version?: string; sets: SetSpec[]; ge01?: string }>,
	options: { isaVersion?: string; isa13?: string; iea02?: string; usage?: string } = {},
): string {
	const isa13 = options.isa13 ?? '000000123';
	const version = options.isaVersion ?? '00401';
	const isa11 = version >= '00402' ? '^' : 'U';
	const lines = [
		`ISA*00*          *00*          *ZZ*THEM           *ZZ*US             *260301*1200*${isa11}*${version}*${isa13}*1*${options.usage ?? 'P'}*:`,
	];
	for (const group of groups) {
		lines.push(`GS*${group.fid}*THEMAPP*USAPP*20260301*1200*${group.control}*X*${group.version ?? '004010'}`);
		for (const set of group.sets) {
			lines.push(set.st03 ? `ST*${set.id}*${set.control}*${set.st03}` : `ST*${set.id}*${set.control}`, ...set.body);
			lines.push(`SE*${set.se01 ?? set.body.length + 2}*${set.control}`);
		}
		lines.push(`GE*${group.ge01 ?? group.sets.length}*${group.control}`);
	}
	lines.push(`IEA*${groups.length}*${options.iea02 ?? isa13}`);
	return lines.map((line) => `${line}~\n`).join('');
}

export const PO_BODY = ['BEG*00*SA*PO-1**20260301', 'PO1*1*2*EA*3.5**VP*A1', 'CTT*1'];

export function segmentsOf(text: string): Segment[] {
	return parseX12(text).interchanges.flatMap((i) => i.segments);
}

/** Segment ids and plain element values (composites joined by ":") of every segment with one of the ids. */
export function lines(text: string, ids: string[]): string[] {
	return segmentsOf(text)
		.filter((s) => ids.includes(s.id))
		.map((s) => [s.id, ...s.elements.map((e) => e.map((c) => c.join(':')).join('^'))].join('*'));
}

/** node-x12's reading of one interchange as flat [tag, ...values] rows (an independent parser). */
export function oracleRows(text: string): string[][] {
	const interchange = new X12Parser().parse(text) as X12Interchange;
	const rows: X12Segment[] = [interchange.header];
	for (const group of interchange.functionalGroups) {
		rows.push(group.header);
		for (const set of group.transactions) rows.push(set.header, ...set.segments, set.trailer);
		rows.push(group.trailer);
	}
	rows.push(interchange.trailer);
	return rows.map((segment) => [segment.tag, ...segment.elements.map((element) => element.value)]);
}
