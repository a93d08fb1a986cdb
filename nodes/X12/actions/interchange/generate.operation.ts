import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	buildInterchange,
	elementValue,
	FUNCTIONAL_IDS,
	partnerInterchange,
	type GroupInput,
	type Segment,
} from '../../core';
import { segmentFromTree, type TreeSegment, type X12Tree } from '../../core/tree';
import { controlNumberSource, getPartner, optionalStore } from '../context';
import type { OperationResult } from '../items';
import { buildOnce } from '../once';

const show = { operation: ['generate'] };

/** Keep the input item's fields beside the output, for later steps (and a replay) that need them. */
export const includeInputFieldsOption: INodeProperties = {
	displayName: 'Include Input Fields',
	name: 'includeInputFields',
	type: 'boolean',
	default: false,
	description: 'Whether to keep the input item’s fields next to the output (e.g. the order number and keys later steps need)',
};

/** The output-file options Generate and From Canonical share. */
export const fileOptions: INodeProperties[] = [
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description: 'Empty: the set ID and ISA13, e.g. 850-000000001.edi',
	},
	idempotencyKeyOption('e.g. 855:{{ $json.poNumber }}'),
	includeInputFieldsOption,
];

/** Remember the built document per key (needs the Interop State Store credential). */
export function idempotencyKeyOption(placeholder: string): INodeProperties {
	return {
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		placeholder,
		description:
			'A key for this document, e.g. the set and the order number. The first run builds it and keeps it in the state store; a run with the same key (a replay, a redelivery) outputs the same interchange with the same control numbers and uses no new ones. Needs the Interop State Store credential.',
	};
}

export const description: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Segments', value: 'segments', description: 'One transaction set as a list of segments (e.g. the output of Parse)' },
			{ name: 'X12 Tree', value: 'tree', description: 'A generic X12 tree of an interchange; its groups and sets are re-enveloped' },
		],
		default: 'segments',
		displayOptions: { show },
	},
	{
		displayName: 'Segments Field',
		name: 'segmentsField',
		type: 'string',
		default: 'segments',
		description: 'Input field holding the list of segments, as Parse outputs them. ST and SE, if present, are replaced.',
		displayOptions: { show: { ...show, source: ['segments'] } },
	},
	{
		displayName: 'Transaction Set ID',
		name: 'transactionSet',
		type: 'string',
		default: '={{ $json.transactionSet }}',
		placeholder: '850',
		description: 'ST01; empty: taken from the ST segment in the segments',
		displayOptions: { show: { ...show, source: ['segments'] } },
	},
	{
		displayName: 'Tree Field',
		name: 'treeField',
		type: 'string',
		default: 'tree',
		description: 'Input field holding the X12 tree (`{ "interchange": { "ISA": [...], "groups": [...] } }`)',
		displayOptions: { show: { ...show, source: ['tree'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Functional ID (GS01)',
				name: 'functionalId',
				type: 'string',
				default: '',
				placeholder: 'PO',
				description: 'For Segments; empty: from the set (850 → PO, 856 → SH, 810 → IN ...)',
			},
			...fileOptions,
		],
	},
];

export function fail(ctx: IExecuteFunctions, itemIndex: number, message: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

function toSegments(ctx: IExecuteFunctions, itemIndex: number, value: unknown, field: string): Segment[] {
	if (!Array.isArray(value)) fail(ctx, itemIndex, `Field "${field}" must be a list of segments`);
	return value.map((entry, i) => {
		const seg = entry as TreeSegment;
		if (typeof seg?.id !== 'string' || (seg.elements !== undefined && !Array.isArray(seg.elements))) {
			fail(ctx, itemIndex, `Segment ${i + 1} in "${field}" needs an "id" and a list of "elements"`);
		}
		return segmentFromTree(seg);
	});
}

function functionalIdFor(ctx: IExecuteFunctions, itemIndex: number, setId: string, override: string): string {
	const id = override || FUNCTIONAL_IDS[setId];
	if (!id) fail(ctx, itemIndex, `No functional ID (GS01) is known for transaction set ${setId}: set one in the options`);
	return id;
}

/** The groups to send, from the segments of one set or from a tree. */
function groupsOf(ctx: IExecuteFunctions, itemIndex: number, json: IDataObject, functionalId: string): Array<Pick<GroupInput, 'functionalId' | 'sets'>> {
	const source = ctx.getNodeParameter('source', itemIndex) as string;
	if (source === 'tree') {
		const field = ctx.getNodeParameter('treeField', itemIndex, 'tree') as string;
		const tree = json[field] as X12Tree | undefined;
		if (!tree?.interchange || !Array.isArray(tree.interchange.groups)) fail(ctx, itemIndex, `Field "${field}" does not hold an X12 tree`);
		return tree.interchange.groups.map((group) => ({
			functionalId: String(Array.isArray(group.GS) ? (group.GS[0] ?? '') : ''),
			sets: group.sets.map((set) => ({
				id: String(Array.isArray(set.ST) ? (set.ST[0] ?? '') : ''),
				segments: toSegments(ctx, itemIndex, set.segments, `${field}.sets[].segments`),
			})),
		}));
	}
	const field = ctx.getNodeParameter('segmentsField', itemIndex, 'segments') as string;
	let segments = toSegments(ctx, itemIndex, json[field], field);
	const st = segments[0]?.id === 'ST' ? segments[0] : undefined;
	if (st) segments = segments.slice(1);
	if (segments[segments.length - 1]?.id === 'SE') segments = segments.slice(0, -1);
	const setId = String(ctx.getNodeParameter('transactionSet', itemIndex, '') || (st ? elementValue(st, 1) : ''));
	if (!/^\d{3}$/.test(setId)) fail(ctx, itemIndex, `Transaction set ID "${setId}" must be 3 digits (e.g. 850)`);
	return [{ functionalId: functionalIdFor(ctx, itemIndex, setId, functionalId), sets: [{ id: setId, segments }] }];
}

/**
 * One interchange per input item, enveloped for the X12 Trading Partner (parties, version,
 * delimiters); control numbers from the state store's counters, or from the parameters.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const item = this.getInputData()[itemIndex];
	const options = this.getNodeParameter('options', itemIndex, {}) as EnvelopeOptions & { functionalId?: string };
	const groups = groupsOf(this, itemIndex, item.json, (options.functionalId ?? '').trim());
	const out = await envelope(this, itemIndex, groups, options);
	return { items: [options.includeInputFields ? { ...out, json: { ...item.json, ...out.json } } : out] };
}

export interface EnvelopeOptions {
	binaryPropertyName?: string;
	fileName?: string;
	idempotencyKey?: string;
	includeInputFields?: boolean;
}

interface BuiltDocument {
	text: string;
	controlNumbers: { interchange: number; groups: number[]; sets: number[][] };
}

/** Wraps groups in an interchange for the item's trading partner; the output item has the text and the file. */
export async function envelope(
	ctx: IExecuteFunctions,
	itemIndex: number,
	groups: Array<Pick<GroupInput, 'functionalId' | 'sets'>>,
	options: EnvelopeOptions,
): Promise<INodeExecutionData> {
	const profile = await getPartner(ctx, itemIndex);
	const store = await optionalStore(ctx, itemIndex);
	const numbers = controlNumberSource(ctx, itemIndex, store, profile.partnerKey);
	const key = (options.idempotencyKey ?? '').trim();
	let built: BuiltDocument;
	let replayed = false;
	try {
		const make = async (source: typeof numbers): Promise<BuiltDocument> => {
			const { text, controlNumbers } = await buildInterchange(partnerInterchange(profile, groups, source), profile.delimiters);
			return { text, controlNumbers };
		};
		if (store && key && typeof numbers === 'function') {
			({ value: built, replayed } = await buildOnce(store, `${profile.partnerKey}|${key}`, numbers, make));
		} else {
			built = await make(numbers);
		}
	} catch (error) {
		fail(ctx, itemIndex, (error as Error).message);
	}
	const isa13 = String(built.controlNumbers.interchange).padStart(9, '0');
	const setIds = groups.flatMap((group) => group.sets.map((set) => set.id));
	const fileName = options.fileName || `${setIds[0] ?? 'x12'}-${isa13}.edi`;
	const binary = await ctx.helpers.prepareBinaryData(Buffer.from(built.text, 'utf8'), fileName, 'application/edi-x12');
	return {
		json: {
			edi: built.text,
			transactionSets: setIds,
			controlNumbers: { interchange: isa13, groups: built.controlNumbers.groups, sets: built.controlNumbers.sets },
			partnerKey: profile.partnerKey,
			...(key && store ? { idempotencyKey: key, replayed } : {}),
		},
		binary: { [options.binaryPropertyName || 'data']: binary },
	};
}
