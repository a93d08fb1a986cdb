import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { postToPartner } from '../../transport';
import { inputFields, readInput } from '../input';
import type { OperationResult } from '../items';

const show = { operation: ['send'] };

/** Partners' intakes take an interchange per request; beyond this it is almost certainly the wrong input. */
const MAX_BYTES = 50 * 1024 * 1024;

export const description: INodeProperties[] = [
	{
		displayName:
			'Sends the interchange to the Partner Endpoint URL of the X12 over HTTPS credential, signed with its shared secret. A resend of the same interchange is safe: the partner recognises its control number.',
		name: 'sendNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	...inputFields(['send']),
];

async function readAll(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const input = readInput(ctx, itemIndex);
	const decoder = new TextDecoder('utf-8');
	let text = '';
	for await (const chunk of await input.open()) {
		text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		if (text.length > MAX_BYTES) throw new NodeOperationError(ctx.getNode(), 'The X12 input is larger than 50 MB', { itemIndex });
	}
	return text + decoder.decode();
}

/** One POST per input item; the item passes through with `delivery` (status, the partner's answer, the control number). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const item = this.getInputData()[itemIndex];
	const text = await readAll(this, itemIndex);
	const start = text.replace(/^\uFEFF/, '').trimStart();
	if (!start.startsWith('ISA')) {
		const error = new NodeOperationError(this.getNode(), 'The input is not an X12 interchange (it does not start with ISA)', {
			itemIndex,
			description: 'Send the output of Generate, From Canonical or Acknowledge (its "edi"/"ack" text or its file).',
		});
		error.context.errorClass = 'validation';
		throw error;
	}
	const separator = start.charAt(3);
	const isa13 = (start.split(separator)[13] ?? '').trim();
	const response = await postToPartner(this, text, itemIndex);
	const delivery: IDataObject = {
		status: response.statusCode,
		interchangeControlNumber: isa13,
		bytes: Buffer.byteLength(text),
		host: new URL(response.url).host,
		response: (typeof response.body === 'object' && response.body !== null ? response.body : String(response.body ?? '').slice(0, 2000)) as IDataObject,
		at: new Date().toISOString(),
	};
	return { items: [{ json: { ...item.json, delivery }, ...(item.binary ? { binary: item.binary } : {}) }] };
}
