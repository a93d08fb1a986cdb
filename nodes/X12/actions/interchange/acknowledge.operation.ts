import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EnvelopeValidator, tokenizeX12Batches, type ControlNumberRef, type DiagnosticCodeInfo, type EnvelopeReport } from '../../core';
import { buildAcknowledgements, InboundEnvelopes, type AckDiagnostic, type AckType } from '../../core/ack';
import { claimReceived, receivedHistory } from '../analyse';
import { controlNumberSource, getPartner, optionalStore } from '../context';
import { inputFields, readInput } from '../input';
import type { OperationResult } from '../items';

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
	const options = this.getNodeParameter('options', itemIndex, {}) as { ta1?: boolean; binaryPropertyName?: string; recordReceived?: boolean };
	const profile = await getPartner(this, itemIndex);
	const choice = this.getNodeParameter('ackType', itemIndex, 'partner') as string;
	const policy = choice === 'partner' ? profile.ackPolicy : choice;
	const store = await optionalStore(this, itemIndex);
	const record = store !== undefined && options.recordReceived !== false;
	const claims = store && record ? await claimReceived(input.open, store, new Date().toISOString()) : undefined;
	const seen = claims ? claims.seen : store ? await receivedHistory(input.open, store) : undefined;
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
			controlNumbers: controlNumberSource(this, itemIndex, store, profile.partnerKey),
			diagnostics: unexpectedSets(report, profile.expectedSets),
			codeInfo: (code) => (code === UNEXPECTED_SET ? UNEXPECTED_SET_INFO : undefined),
		});
	} catch (error) {
		await claims?.settle(undefined, refs);
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	await claims?.settle(report, refs);
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
	if (!text) return { items: [{ json }] };
	const binary = await this.helpers.prepareBinaryData(Buffer.from(text, 'utf8'), 'ack.edi', 'application/edi-x12');
	return { items: [{ json, binary: { [options.binaryPropertyName || 'data']: binary } }] };
}
