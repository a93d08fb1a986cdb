import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ledgerFor } from './common';

export const description: INodeProperties[] = [
	{
		displayName: 'Accrual ID',
		name: 'accrualId',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		placeholder: 'acr_3f1c…',
		description: 'The accrual whose line claims are released (the ID of an accrual item, or an accrualIds entry of an exception)',
		displayOptions: { show: { operation: ['releaseClaims'] } },
	},
];

/**
 * Frees the lines an accrual claimed, so they can be calculated again under another period or program
 * (e.g. after the accrual was reversed). Claims made since by other accruals are left alone.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const accrualId = String(this.getNodeParameter('accrualId', itemIndex)).trim();
	const ledger = await ledgerFor(this, itemIndex);
	const { key, lines } = await ledger.release(accrualId);
	return { accrualId, ...(key ? { key } : {}), ledger: ledger.ledger, released: lines.length, lines, found: key !== undefined };
}
