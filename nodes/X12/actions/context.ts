import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { partnerProfile, stateStoreControlNumbers, type ControlNumberAllocator, type FixedControlNumbers, type PartnerProfile } from '../core';
import { getStateStore, STATE_STORE_CREDENTIAL, type StateStore } from '../../common/state';

export const PARTNER_CREDENTIAL = 'x12TradingPartner';

/** The X12 Trading Partner credential, checked; its problems become a clear node error. */
export async function getPartner(ctx: IExecuteFunctions, itemIndex: number): Promise<PartnerProfile> {
	const data = await ctx.getCredentials(PARTNER_CREDENTIAL, itemIndex);
	try {
		return partnerProfile(data as Record<string, unknown>);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `X12 Trading Partner credential: ${(error as Error).message}`, { itemIndex });
	}
}

/** The state store when the node has an Interop State Store credential, else undefined (it is optional). */
export async function optionalStore(ctx: IExecuteFunctions, itemIndex: number): Promise<StateStore | undefined> {
	if (!ctx.getNode().credentials?.[STATE_STORE_CREDENTIAL]) return undefined;
	return await getStateStore(ctx, itemIndex);
}

/** Starting control numbers for when no state store is selected (Generate and Acknowledge). */
export const controlNumbersField: INodeProperties = {
	displayName: 'Control Numbers Without a State Store',
	name: 'controlNumbers',
	type: 'fixedCollection',
	default: {},
	description:
		'Used only when no Interop State Store credential is selected. With one, control numbers come from its counters (unique and gap-free per partner).',
	displayOptions: { show: { operation: ['acknowledge', 'fromCanonical', 'generate'] } },
	options: [
		{
			displayName: 'Numbers',
			name: 'numbers',
			values: [
				{ displayName: 'Interchange (ISA13)', name: 'interchange', type: 'number', default: 1, typeOptions: { minValue: 1 } },
				{ displayName: 'First Group (GS06)', name: 'group', type: 'number', default: 1, typeOptions: { minValue: 1 } },
				{ displayName: 'First Set (ST02)', name: 'set', type: 'number', default: 1, typeOptions: { minValue: 1 } },
			],
		},
	],
};

/** The state store's per-partner counters, or the fixed numbers of the parameters. */
export function controlNumberSource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	store: StateStore | undefined,
	partnerKey: string,
): ControlNumberAllocator | FixedControlNumbers {
	if (store) return stateStoreControlNumbers(store, partnerKey);
	const fixed = ctx.getNodeParameter('controlNumbers.numbers', itemIndex, {}) as Partial<FixedControlNumbers>;
	return { interchange: fixed.interchange ?? 1, group: fixed.group ?? 1, set: fixed.set ?? 1 };
}
