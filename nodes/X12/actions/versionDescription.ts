import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { controlNumbersField } from './context';
import { operations } from './operations';

/**
 * Parse and To Canonical have a second output, "Rejected". n8n evaluates this expression in the editor and the engine;
 * the function is inlined as text, so it must not refer to anything outside itself.
 */
const configuredOutputs = (parameters: INodeParameters) =>
	['parse', 'toCanonical'].includes(parameters.operation as string)
		? [
				{ type: 'main', displayName: 'Sets' },
				{ type: 'main', displayName: 'Rejected' },
			]
		: [{ type: 'main' }];

const MANUAL_CONTROL_NUMBERS =
	'Select an Interop State Store credential to take control numbers from its counters and to report control numbers received before as duplicates. Without one, Generate and Acknowledge use the control numbers set below and no history is checked.';

/** What version 1 of the node adds to the base description in X12Edi.node.ts. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version' | 'credentials'> = {
	defaults: { name: 'X12 EDI' },
	inputs: ['main'],
	outputs: `={{(${configuredOutputs})($parameter)}}`,
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Acknowledge',
					value: 'acknowledge',
					description: 'Write the 997 or 999 (and TA1) for a received file',
					action: 'Acknowledge an interchange',
				},
				{
					name: 'From Canonical',
					value: 'fromCanonical',
					description: 'Write canonical records (orders, shipments, invoices, inventory, items) as an X12 interchange',
					action: 'Convert canonical records to X12',
				},
				{
					name: 'Generate',
					value: 'generate',
					description: 'Build an interchange for a trading partner from segments or an X12 tree',
					action: 'Generate an interchange',
				},
				{
					name: 'Parse',
					value: 'parse',
					description: 'Split a file into one item per transaction set, with envelope data',
					action: 'Parse an interchange',
				},
				{
					name: 'Send to Partner',
					value: 'send',
					description: 'POST an interchange to the trading partner’s HTTPS endpoint, signed',
					action: 'Send an interchange to the partner',
				},
				{
					name: 'To Canonical',
					value: 'toCanonical',
					description: 'Read 850, 855, 856, 810, 846 and 832 sets as canonical records',
					action: 'Convert X12 to canonical records',
				},
				{
					name: 'Validate',
					value: 'validate',
					description: 'Check envelopes, counts and control numbers',
					action: 'Validate an interchange',
				},
			],
			default: 'parse',
		},
		{
			displayName: MANUAL_CONTROL_NUMBERS,
			name: 'stateStoreNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { operation: ['acknowledge', 'fromCanonical', 'generate', 'parse', 'toCanonical', 'validate'] } },
		},
		{
			displayName:
				'Sets with an envelope error (wrong SE01, SE02 ≠ ST02, duplicate control number, …) leave on the Rejected output with their raw text, the reasons and the input file; the good sets of the same file still leave on Sets',
			name: 'rejectedNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { operation: ['parse', 'toCanonical'] } },
		},
		...operations.parse.description,
		...operations.validate.description,
		...operations.acknowledge.description,
		...operations.generate.description,
		...operations.toCanonical.description,
		...operations.fromCanonical.description,
		...operations.send.description,
		controlNumbersField,
	],
};
