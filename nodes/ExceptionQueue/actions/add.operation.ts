import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { errorClassOf } from '../../common/errors';
import { classifyMessage, isErrorClass } from '../../common/exceptionQueue';
import type { JsonValue } from '../../common/state';
import { errorClassOptions, queueFor, toJson } from './common';

const show = { show: { operation: ['add'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		default: '',
		placeholder: '={{ $json.poNumber }}',
		description:
			'Business key of the record (e.g. the PO number). A record that fails again updates its open exception instead of adding another, and Mark Key Succeeded resolves it.',
		displayOptions: show,
	},
	{
		displayName: 'Payload',
		name: 'payloadSource',
		type: 'options',
		default: 'item',
		options: [
			{
				name: 'Input Item',
				value: 'item',
				description: "The item's JSON without the error fields n8n adds on an error output (error, description, errorClass)",
			},
			{ name: 'Custom JSON', value: 'json', description: 'A JSON value, e.g. from an expression' },
		],
		displayOptions: show,
	},
	{
		displayName: 'Payload JSON',
		name: 'payload',
		type: 'json',
		default: '{}',
		displayOptions: { show: { operation: ['add'], payloadSource: ['json'] } },
	},
	{
		displayName: 'Error Message',
		name: 'message',
		type: 'string',
		default: '',
		description: "Leave empty to take the item's `error` field (what n8n puts on a node's error output)",
		displayOptions: show,
	},
	{
		displayName: 'Error Class',
		name: 'errorClass',
		type: 'options',
		default: 'auto',
		options: [{ name: 'From the Error', value: 'auto', description: "The failing node's errorClass, else classified from the message" }, ...errorClassOptions],
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Entity', name: 'entity', type: 'string', default: '', description: 'What the record is, e.g. salesOrder' },
			{
				displayName: 'Failed Execution ID',
				name: 'executionId',
				type: 'string',
				default: '',
				description: 'The execution that failed, when it is not this one (in an error workflow: the execution ID the Error Trigger gives)',
			},
			{ displayName: 'Failed Node', name: 'node', type: 'string', default: '', description: 'The node that failed (for people reading the queue)' },
			{
				displayName: 'Failed Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				description: 'The workflow that failed, when it is not this one (in an error workflow: the workflow ID the Error Trigger gives). Replays are sent back to it.',
			},
			{
				displayName: 'Failed Workflow Name',
				name: 'workflowName',
				type: 'string',
				default: '',
				description: 'The name of the workflow that failed, when it is not this one (in an error workflow: the name the Error Trigger gives)',
			},
			{
				displayName: 'Keep Binary Data',
				name: 'keepBinary',
				type: 'boolean',
				default: false,
				description: 'Whether to keep the binary data of the item (e.g. the received file) so Replay restores it',
			},
			{ displayName: 'System', name: 'system', type: 'string', default: '', description: 'Where it failed, e.g. netsuite' },
		],
	},
];

const ERROR_FIELDS = ['error', 'description', 'errorClass'];

function messageOf(json: IDataObject): string | undefined {
	const error = json.error;
	if (typeof error === 'string') return error;
	if (error && typeof error === 'object' && typeof (error as IDataObject).message === 'string') return (error as IDataObject).message as string;
	return undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<IDataObject> {
	const source = this.getNodeParameter('payloadSource', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		entity?: string;
		node?: string;
		keepBinary?: boolean;
		system?: string;
		workflowId?: string;
		workflowName?: string;
		executionId?: string;
	};
	let json: JsonValue;
	if (source === 'json') {
		const raw = this.getNodeParameter('payload', itemIndex) as unknown;
		try {
			json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as JsonValue;
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Payload JSON is not valid JSON: ${(error as Error).message}`, { itemIndex });
		}
	} else {
		json = Object.fromEntries(Object.entries(item.json).filter(([name]) => !ERROR_FIELDS.includes(name))) as JsonValue;
	}
	const payload: JsonValue =
		options.keepBinary && item.binary ? ({ json, binary: item.binary } as unknown as JsonValue) : ({ json } as unknown as JsonValue);

	const message = (this.getNodeParameter('message', itemIndex, '') as string) || messageOf(item.json) || 'Failed (no error message given)';
	const chosen = this.getNodeParameter('errorClass', itemIndex) as string;
	// On an error output n8n keeps only the message in the JSON; the node's error, with its class, stays on the item.
	const carried = item.error ? errorClassOf(item.error) : undefined;
	const errorClass =
		chosen !== 'auto' ? chosen : isErrorClass(item.json.errorClass) ? item.json.errorClass : carried && carried !== 'unknown' ? carried : classifyMessage(message);
	if (!isErrorClass(errorClass)) throw new NodeOperationError(this.getNode(), `Unknown error class "${errorClass}"`, { itemIndex });

	const workflow = this.getWorkflow();
	const queue = await queueFor(this, itemIndex);
	const { item: added, created } = await queue.add({
		payload,
		key: (this.getNodeParameter('key', itemIndex, '') as string).trim() || undefined,
		errorClass,
		message,
		description: typeof item.json.description === 'string' ? item.json.description : typeof item.error?.description === 'string' ? item.error.description : undefined,
		system: options.system,
		entity: options.entity,
		node: options.node,
		// An error workflow records the run that failed, not itself.
		workflowId: options.workflowId || workflow.id,
		workflowName: options.workflowName || workflow.name,
		executionId: options.executionId || this.getExecutionId(),
	});
	return { ...toJson(added), created };
}
