import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getStateStore } from '../../common/state';
import { ClaimLedger } from '../core/claims';
import { RebateConfigError } from '../core/errors';

export const DOCS_URL = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/rebate-engine.md';

export const ledgerField: INodeProperties = {
	displayName: 'Claim Ledger',
	name: 'ledger',
	type: 'string',
	default: 'default',
	description:
		'Name of the record of which accrual each line was claimed by. Runs that share a ledger flag a line claimed twice; use one ledger per company or rebate book.',
};

export async function ledgerFor(ctx: IExecuteFunctions, itemIndex: number): Promise<ClaimLedger> {
	const name = String(ctx.getNodeParameter('ledger', itemIndex, 'default')).trim() || 'default';
	if (name.length > 100) throw new NodeOperationError(ctx.getNode(), 'Claim Ledger is longer than 100 characters', { itemIndex, description: 'Use a short name such as "acme-2025".' });
	return new ClaimLedger(await getStateStore(ctx, itemIndex), name);
}

/** Config errors name the program/row and field; the hint says what to do. */
export function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex?: number): Error {
	if (error instanceof RebateConfigError) return new NodeOperationError(ctx.getNode(), error.message, { itemIndex, description: `${error.hint} (${DOCS_URL})` });
	return error as Error;
}
