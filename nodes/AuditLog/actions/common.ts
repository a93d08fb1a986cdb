import type { IExecuteFunctions } from 'n8n-workflow';

import { AuditLog } from '../../common/auditLog';
import { getStateStore } from '../../common/state';

export async function logFor(ctx: IExecuteFunctions, itemIndex: number): Promise<AuditLog> {
	const name = (ctx.getNodeParameter('log', itemIndex, 'default') as string).trim() || 'default';
	return new AuditLog(await getStateStore(ctx, itemIndex), name);
}
