import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { MappingError } from '../../common/canonical/registry';
import type { ItemResult } from '../../common/execution';
import { getStateStore } from '../../common/state';
import { RecordMapperError } from '../core/errors';
import { PathError } from '../core/paths';
import { mappingRegistry } from '../core/systems';
import { Translator, ValueMapStore, type UnknownValuePolicy } from '../core/valueMaps';
import { CrossReferenceTable } from '../core/xref';

export const DOCS_URL = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/record-mapper.md';

/** What every `<operation>.operation.ts` exports: a per-item `execute`, or `executeAll` for the whole input. */
export interface OperationModule {
	description: INodeProperties[];
	execute?(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<ItemResult>;
	executeAll?(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

export const systemOptions = mappingRegistry
	.systems()
	.map((system) => ({ name: system.displayName, value: system.key }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** The engines' errors as node errors: message, what to do, and the error class (for the exception queue). */
export function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof RecordMapperError || error instanceof MappingError || error instanceof PathError) {
		const hint = error instanceof PathError ? 'Paths are dotted, e.g. customer.code, lines.*.unitOfMeasure.' : error.hint;
		const nodeError = new NodeOperationError(ctx.getNode(), error.message, { itemIndex, ...(hint ? { description: hint } : {}) });
		nodeError.context.errorClass = error instanceof RecordMapperError ? error.errorClass : 'validation';
		return nodeError;
	}
	return error as Error;
}

/** Per-execution engines, so one run reads each value map once and shares the store handle. */
interface Runtime {
	translator?: Translator;
	ignoreCase?: boolean;
}
const runtimes = new WeakMap<IExecuteFunctions, Runtime>();

export async function valueMapStore(ctx: IExecuteFunctions, itemIndex: number): Promise<ValueMapStore> {
	return new ValueMapStore(await getStateStore(ctx, itemIndex));
}

export async function translatorFor(ctx: IExecuteFunctions, itemIndex: number, ignoreCase: boolean): Promise<Translator> {
	let runtime = runtimes.get(ctx);
	if (!runtime) runtimes.set(ctx, (runtime = {}));
	if (!runtime.translator || runtime.ignoreCase !== ignoreCase) {
		runtime.translator = new Translator(await valueMapStore(ctx, itemIndex), { ignoreCase });
		runtime.ignoreCase = ignoreCase;
	}
	return runtime.translator;
}

export async function xrefTable(ctx: IExecuteFunctions, itemIndex: number, table?: string): Promise<CrossReferenceTable> {
	const name = table ?? (ctx.getNodeParameter('table', itemIndex) as string);
	return new CrossReferenceTable(await getStateStore(ctx, itemIndex), name);
}

/** The If Value Not in Map parameter pair, for the operations listed. */
export function unknownValueFields(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'If Value Not in Map',
			name: 'unknownValue',
			type: 'options',
			default: 'fail',
			options: [
				{ name: 'Fail', value: 'fail', description: 'Fail the item (Continue On Fail: an error item naming the map and value)' },
				{ name: 'Pass Through', value: 'passThrough', description: 'Keep the value as it is' },
				{ name: 'Use Default Value', value: 'default', description: 'Put the default value instead' },
			],
			description: 'What to do with a value the value map has no row for',
			displayOptions: { show },
		},
		{
			displayName: 'Default Value',
			name: 'defaultValue',
			type: 'string',
			default: '',
			description: 'Used for values the map has no row for. Empty puts an empty text.',
			displayOptions: { show: { ...show, unknownValue: ['default'] } },
		},
	];
}

export function readPolicy(ctx: IExecuteFunctions, itemIndex: number): UnknownValuePolicy {
	const onUnknown = ctx.getNodeParameter('unknownValue', itemIndex, 'fail') as string;
	if (onUnknown === 'passThrough') return { onUnknown };
	if (onUnknown === 'default') return { onUnknown, defaultValue: ctx.getNodeParameter('defaultValue', itemIndex, '') };
	return { onUnknown: 'fail' };
}

/** A JSON parameter that may hold text (typed JSON) or an object (an expression). */
export function jsonParameter(ctx: IExecuteFunctions, name: string, itemIndex: number, what: string): unknown {
	const raw = ctx.getNodeParameter(name, itemIndex) as unknown;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		const nodeError = new NodeOperationError(ctx.getNode(), `${what} is not valid JSON: ${(error as Error).message}`, {
			itemIndex,
			description: 'Check the JSON, or use an expression that returns an object.',
		});
		nodeError.context.errorClass = 'validation';
		throw nodeError;
	}
}

/** Comma-separated list parameter. */
export function listParameter(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).map((v) => v.trim()).filter(Boolean);
	return String(value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}
