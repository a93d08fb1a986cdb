import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getStateStore } from '../../common/state';
import { DeltaSync, type CompareMode, type DeltaConfig } from '../core/engine';

export const DELTA_FIELD = '_delta';

export const scopeField: INodeProperties = {
	displayName: 'Sync Scope',
	name: 'scope',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'supplier-items-acme',
	description: 'Name of the snapshot this sync compares against. Use the same name in Compare and Confirm; a different name starts from scratch.',
};

export const keyFieldsField = (operations: string[], extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: 'Key Fields',
	name: 'keyFields',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'sku',
	description: 'Field(s) that identify a record, comma-separated (dot paths allowed, e.g. "supplier.code")',
	displayOptions: { show: { operation: operations } },
	...extra,
});

export function splitFields(value: string): string[] {
	return value
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
}

export interface DiffOptions {
	detectDeletions?: boolean;
	autoCommit?: boolean;
	keepOldValues?: boolean;
	looseEmpty?: boolean;
}

export async function engineFor(ctx: IExecuteFunctions, options: DiffOptions = {}): Promise<DeltaSync> {
	const scope = String(ctx.getNodeParameter('scope', 0)).trim();
	const keyFields = splitFields(String(ctx.getNodeParameter('keyFields', 0, '')));
	const compareMode = ctx.getNodeParameter('compareMode', 0, 'all') as CompareMode;
	const config: DeltaConfig = {
		keyFields,
		compareMode,
		compareFields: compareMode === 'all' ? [] : splitFields(String(ctx.getNodeParameter('compareFields', 0, ''))),
		keepValues: options.keepOldValues ?? true,
		looseEmpty: options.looseEmpty ?? false,
	};
	return new DeltaSync(await getStateStore(ctx), scope, config);
}
