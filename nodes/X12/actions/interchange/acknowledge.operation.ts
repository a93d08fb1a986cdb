import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	EnvelopeValidator,
	tokenizeX12Batches,
	type ControlNumberAllocator,
	type ControlNumberRef,
	type DiagnosticCodeInfo,
	type EnvelopeReport,
	type FixedControlNumbers,
	type PartnerProfile,
} from '../../core';
import { buildAcknowledgements, InboundEnvelopes, type AckDiagnostic, type AckType } from '../../core/ack';
import { acceptedKeys, claimReceived, RECEIVED_NAMESPACE, receivedHistory } from '../analyse';
import { controlNumberSource, getPartner, optionalStore } from '../context';
import { inputFields, readInput, type X12Input } from '../input';
import type { OperationResult } from '../items';
import { buildOnce } from '../once';
import { idempotencyKeyOption, includeInputFieldsOption } from './generate.operation';

const show = { operation: ['acknowledge'] };

export const description: INodeProperties[] = [
	...inputFields(['acknowledge']),
	{
		displayName: 'Acknowledgement Type',
		name: 'ackType',
		type: 'options',
		options: [
			{ name: 'From Trading Partner', value: 'partner', description: 'The acknowledgement policy of the X12 Trading Partner credential' },
			{ name: '997 Functional Acknowledgment', value: '997' },
			{ name: '999 Implementation Acknowledgment', value: '999' },
		],
		default: 'partner',
		displayOptions: { show },
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
				displayName: 'Send TA1',
				name: 'ta1',
				type: 'boolean',
				default: false,
				description:
					'Whether to add a TA1 for every interchange (also when the trading partner asks for it). Rejected interchanges always get one.',
			},
			{
				displayName: 'Put Acknowledgement File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
			},
			{
				displayName: 'Record Control Numbers as Received',
				name: 'recordReceived',
				type: 'boolean',
				default: true,
				description:
					'Whether to remember the control numbers of accepted interchanges and groups in the state store, so a resend is rejected as a duplicate (needs an Interop State Store credential)',
			},
			{
				...idempotencyKeyOption('e.g. 997:{{ $json.messageId }}'),
				description:
					'A key for the received file (e.g. its message ID). The first run writes the acknowledgement and keeps it in the state store; a run with the same key (a replay, a redelivery) outputs the same acknowledgement with the same control numbers instead of treating the file as a resend. Needs the Interop State Store credential.',
			},
			includeInputFieldsOption,
		],
	},
];

const UNEXPECTED_SET = 'UNEXPECTED_SET';
/** AK502/IK502 1: transaction set not supported. */
const UNEXPECTED_SET_INFO: DiagnosticCodeInfo = { severity: 'error', level: 'transaction', summary: 'Transaction set not expected from this partner', ak5: '1' };

/** Sets the trading partner credential does not list under Expected Transaction Sets (none listed: any is fine). */
function unexpectedSets(report: EnvelopeReport, expected: string[]): AckDiagnostic[] {
	if (expected.length === 0) return [];
	return report.transactionSets
		.filter((set) => set.group >= 0 && !expected.includes(set.code))
		.map((set) => ({
			severity: 'error',
			code: UNEXPECTED_SET,
			message: `Transaction set ${set.code} is not expected from this trading partner (expected: ${expected.join(', ')})`,
			interchange: set.interchange,
			group: set.group,
			transaction: set.transaction,
			segmentIndex: set.segmentIndex,
			segmentId: 'ST',
			ack: { set: '1' },
		}));
}

/**
 * The 997/999 (and TA1s) for one input file: as text in `ack`, as a binary file `ack.edi`, and the
 * status of every group and set, so a workflow can route on what was rejected.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const input = readInput(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as AckOptionValues;
	const profile = await getPartner(this, itemIndex);
	const choice = this.getNodeParameter('ackType', itemIndex, 'partner') as string;
	const policy = choice === 'partner' ? profile.ackPolicy : choice;
	const store = await optionalStore(this, itemIndex);
	const record = store !== undefined && options.recordReceived !== false;
	const numbers = controlNumberSource(this, itemIndex, store, profile.partnerKey);
	const key = (options.idempotencyKey ?? '').trim();
	let json: IDataObject;
	let text: string;
	if (store && key && typeof numbers === 'function') {
		// Keyed: the file is answered once; history is read (not claimed) and recorded after the answer is kept,
		// so an attempt that takes over from a crashed one never finds its own numbers as "received before".
		const { value, replayed } = await buildOnce(store, `${profile.partnerKey}|ack|${key}`, numbers, async (allocate) => {
			const seen = record ? await receivedHistory(input.open, store) : undefined;
			const answer = await acknowledge(this, itemIndex, input, profile, policy, options, seen, allocate);
			const received = record && answer.report ? [...acceptedKeys(answer.report, answer.refs)] : [];
			return { json: answer.json, text: answer.text, received };
		});
		if (value.received.length > 0) {
			const at = new Date().toISOString();
			await store.putMany(RECEIVED_NAMESPACE, value.received.map((k) => ({ key: k, value: { receivedAt: at } })));
		}
		json = { ...value.json, idempotencyKey: key, replayed };
		text = value.text;
	} else {
		const claims = store && record ? await claimReceived(input.open, store, new Date().toISOString()) : undefined;
		const seen = claims ? claims.seen : store ? await receivedHistory(input.open, store) : undefined;
		let answer;
		try {
			answer = await acknowledge(this, itemIndex, input, profile, policy, options, seen, numbers);
		} catch (error) {
			await claims?.settle(undefined, (error as { refs?: ControlNumberRef[] }).refs ?? []);
			// Already the node's error (from acknowledge); only observed here to release the claims.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw error;
		}
		await claims?.settle(answer.report, answer.refs);
		({ json, text } = answer);
	}
	if (options.includeInputFields) json = { ...this.getInputData()[itemIndex].json, ...json };
	if (!text) return { items: [{ json }] };
	const binary = await this.helpers.prepareBinaryData(Buffer.from(text, 'utf8'), 'ack.edi', 'application/edi-x12');
	return { items: [{ json, binary: { [options.binaryPropertyName || 'data']: binary } }] };
}

interface AckOptionValues {
	includeInputFields?: boolean;
	ta1?: boolean;
	binaryPropertyName?: string;
	recordReceived?: boolean;
	idempotencyKey?: string;
}

/** Validates the file and writes its acknowledgements; the item JSON, the text, and what the history needs. */
async function acknowledge(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: X12Input,
	profile: PartnerProfile,
	policy: string,
	options: AckOptionValues,
	seen: ((ref: ControlNumberRef) => boolean) | undefined,
	controlNumbers: ControlNumberAllocator | FixedControlNumbers,
): Promise<{ json: IDataObject; text: string; report?: EnvelopeReport; refs: ControlNumberRef[] }> {
	const refs: ControlNumberRef[] = [];
	const type: AckType = policy === '999' ? '999' : '997';
	let result;
	let report: EnvelopeReport | undefined;
	try {
		const validator = new EnvelopeValidator({
			seenControlNumbers: (ref) => {
				refs.push(ref);
				return seen?.(ref) ?? false;
			},
		});
		const envelopes = new InboundEnvelopes(false);
		for await (const batch of tokenizeX12Batches(await input.open())) {
			for (const event of batch) {
				validator.onEvent(event);
				envelopes.onEvent(event);
			}
		}
		report = validator.finish();
		result = await buildAcknowledgements(report, envelopes, {
			type,
			ta1: options.ta1 === true || profile.ta1,
			sender: profile.sender,
			receiver: profile.receiver,
			partnerKey: profile.partnerKey,
			delimiters: profile.delimiters,
			controlNumbers,
			diagnostics: unexpectedSets(report, profile.expectedSets),
			codeInfo: (code) => (code === UNEXPECTED_SET ? UNEXPECTED_SET_INFO : undefined),
		});
	} catch (error) {
		throw Object.assign(new NodeOperationError(ctx.getNode(), (error as Error).message, { itemIndex }), { refs });
	}
	const sets = result.acknowledgements.flatMap((group) =>
		group.sets.map((set) => ({
			transactionSet: set.code,
			controlNumber: set.controlNumber,
			groupControlNumber: group.groupControl,
			status: set.status,
			codes: set.codes,
			errors: set.errors,
		})),
	);
	// A policy of "none" still reports the status; it only writes no acknowledgement.
	const text = policy === 'none' ? '' : result.text;
	const json: IDataObject = {
		ack: text,
		type: policy === 'none' ? 'none' : type,
		accepted: result.interchanges.every((ic) => ic.status !== 'R') && sets.every((set) => set.status !== 'R'),
		groups: result.acknowledgements.map((group) => ({
			functionalId: group.functionalId,
			controlNumber: group.groupControl,
			status: group.status,
			included: group.included,
			received: group.received,
			accepted: group.accepted,
			codes: group.codes,
		})),
		sets: sets as unknown as IDataObject[],
		interchanges: result.interchanges as unknown as IDataObject[],
		controlNumbers: result.replies.map((reply) => String(reply.controlNumber).padStart(9, '0')),
	};
	return { json, text, report, refs };
}

