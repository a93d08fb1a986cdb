import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Delimiters, Diagnostic, EnvelopeReport, GroupReport, InterchangeReport, Segment, TransactionSetReport } from '../core';
import { elementValue, formatSegments } from '../core';
import { treeSegment } from '../core/tree';
import type { CollectedSet } from './analyse';
import type { X12Input } from './input';

/** What an operation returns for one input item: its main output, and items for the Rejected output. */
export interface OperationResult {
	items: INodeExecutionData[];
	rejected?: INodeExecutionData[];
}

const json = (value: unknown) => value as IDataObject;

export function interchangeInfo(ic: InterchangeReport): IDataObject {
	return {
		index: ic.interchange,
		controlNumber: ic.controlNumber,
		senderQualifier: ic.senderQualifier,
		sender: ic.sender,
		receiverQualifier: ic.receiverQualifier,
		receiver: ic.receiver,
		date: ic.date,
		time: ic.time,
		version: ic.version,
		usage: ic.usage,
		delimiters: json(ic.delimiters),
	};
}

export function groupInfo(group: GroupReport, gs: Segment | undefined): IDataObject {
	return {
		index: group.group,
		functionalId: group.functionalId,
		controlNumber: group.controlNumber,
		sender: gs ? elementValue(gs, 2) : '',
		receiver: gs ? elementValue(gs, 3) : '',
		date: gs ? elementValue(gs, 4) : '',
		time: gs ? elementValue(gs, 5) : '',
		version: group.version,
	};
}

/** Whether a set can be used: neither it nor its group or interchange envelope has an error. */
export function setAccepted(report: EnvelopeReport, set: TransactionSetReport): boolean {
	const group = report.groups.find((g) => g.interchange === set.interchange && g.group === set.group);
	const ic = report.interchanges.find((i) => i.interchange === set.interchange);
	return set.accepted && (group?.accepted ?? false) && (ic?.accepted ?? false);
}

/** The diagnostics that concern a set: its own, and those of its group and interchange envelopes. */
export function setDiagnostics(report: EnvelopeReport, set: TransactionSetReport): Diagnostic[] {
	const group = report.groups.find((g) => g.interchange === set.interchange && g.group === set.group);
	const ic = report.interchanges.find((i) => i.interchange === set.interchange);
	return [...(ic?.diagnostics ?? []), ...(group?.diagnostics ?? []), ...set.diagnostics];
}

/** One parsed transaction set as an output item. */
export function setItem(report: EnvelopeReport, index: number, collected: CollectedSet | undefined, includeRaw: boolean): IDataObject {
	const set = report.transactionSets[index];
	const ic = report.interchanges.find((i) => i.interchange === set.interchange);
	const group = report.groups.find((g) => g.interchange === set.interchange && g.group === set.group);
	const segments = collected?.segments ?? [];
	const st = segments[0];
	const out: IDataObject = {
		transactionSet: set.code,
		controlNumber: set.controlNumber,
		...(st && elementValue(st, 3) ? { implementationReference: elementValue(st, 3) } : {}),
		interchange: ic ? interchangeInfo(ic) : {},
		group: group ? groupInfo(group, collected?.gs) : {},
		transactionIndex: set.transaction,
		segmentCount: set.segmentCount,
		segments: json(segments.map(treeSegment)),
		diagnostics: json(setDiagnostics(report, set)),
	};
	if (includeRaw && collected) out.raw = rawText(segments, collected.delimiters);
	return out;
}

/** The segments in the file's delimiters; of the layout after terminators only line breaks are kept (indentation is not X12). */
export function rawText(segments: Segment[], delimiters: Delimiters): string {
	const suffix = (delimiters.suffix ?? '').replace(/[^\r\n]/g, '');
	const rest: Delimiters = { ...delimiters };
	delete rest.suffix;
	return formatSegments(segments, suffix ? { ...rest, suffix } : rest);
}

/** An item for the Rejected output: the set's raw text, why it was rejected, and the input file. */
export function rejectedItem(body: IDataObject, input: X12Input): INodeExecutionData {
	const item: INodeExecutionData = { json: { rejected: true, ...body } };
	if (input.binary) item.binary = { [input.binary.property]: input.binary.data };
	return item;
}

export const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
