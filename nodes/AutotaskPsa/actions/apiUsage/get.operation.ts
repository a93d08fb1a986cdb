import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { autotaskApi } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['apiUsage'], operation: ['get'] } }, []);

/**
 * `ThresholdInformation`: the database's request allowance, its timeframe and the current count.
 * Autotask adds latency from 50 % (0.5 s a call) and 75 % (1 s a call) and refuses calls at 100 %.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = await autotaskApi<IDataObject>(this, { path: 'ThresholdInformation', itemIndex });
	const threshold = Number(body.externalRequestThreshold);
	const used = Number(body.currentTimeframeRequestCount);
	const percent = threshold > 0 && Number.isFinite(used) ? Math.round((used / threshold) * 1000) / 10 : undefined;
	const latency = percent === undefined ? undefined : percent >= 100 ? 'blocked' : percent >= 75 ? '1s' : percent >= 50 ? '0.5s' : 'none';
	return { ...body, usagePercent: percent, addedLatency: latency };
}
