import { BINARY_ENCODING, NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ChunkSource } from '../core';

/** Where an operation reads X12 from: a binary property (a file) or a text field. */
export const inputFields = (operations: string[]): INodeProperties[] => [
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Binary File', value: 'binary', description: 'An X12 file in a binary property (e.g. from a webhook or Read File)' },
			{ name: 'Text', value: 'text', description: 'X12 text in a field or expression' },
		],
		default: 'binary',
		displayOptions: { show: { operation: operations } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the X12 file',
		displayOptions: { show: { operation: operations, inputMode: ['binary'] } },
	},
	{
		displayName: 'X12 Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		required: true,
		placeholder: 'ISA*00*          *00*          *ZZ*SENDER ...~',
		displayOptions: { show: { operation: operations, inputMode: ['text'] } },
	},
];

/** The item's X12 input; `open()` may be called again to read it a second time. */
export interface X12Input {
	open(): Promise<ChunkSource>;
	/** The input binary (passed through to rejected items so the raw file is kept), if any. */
	binary?: { property: string; data: IBinaryData };
}

/**
 * Reads a binary property as a stream when n8n keeps it outside memory (filesystem mode: the
 * tokenizer then needs only the longest segment in memory), else from the item's base64.
 */
export function readInput(ctx: IExecuteFunctions, itemIndex: number): X12Input {
	const mode = ctx.getNodeParameter('inputMode', itemIndex, 'binary') as string;
	if (mode === 'text') {
		const text = ctx.getNodeParameter('text', itemIndex, '') as unknown;
		if (typeof text !== 'string' || text.trim() === '') {
			throw new NodeOperationError(ctx.getNode(), 'The X12 text is empty', { itemIndex });
		}
		return { open: async () => [text] };
	}
	const property = ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const data = ctx.helpers.assertBinaryData(itemIndex, property);
	const open = async (): Promise<ChunkSource> => {
		if (data.id && typeof ctx.helpers.getBinaryStream === 'function') return await ctx.helpers.getBinaryStream(data.id);
		if (data.id) return [await ctx.helpers.getBinaryDataBuffer(itemIndex, property)];
		return [Buffer.from(data.data, BINARY_ENCODING)];
	};
	return { open, binary: { property, data } };
}
