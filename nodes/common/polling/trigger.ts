import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { queryFrom, startCursor, takeNew, type PollCursor, type PollKey, type PollSettings } from './watermark';

export interface WatermarkPoll<T extends IDataObject> {
	/** Every record modified at or after `from` (any order); the vendor query of the trigger. */
	fetch(from: Date): Promise<T[]>;
	key(record: T): PollKey;
	/** Manual runs ("Fetch Test Event") show the newest record(s) without moving the watermark. */
	sample(): Promise<T[]>;
	settings?: PollSettings;
}

const CURSOR = 'watermark';

/**
 * The `poll()` of a watermark trigger: the cursor lives in the workflow's static data (n8n saves it
 * after a poll that returned items), so a restart or an n8n update resumes where it stopped.
 */
export async function pollWithWatermark<T extends IDataObject>(
	ctx: IPollFunctions,
	poll: WatermarkPoll<T>,
): Promise<INodeExecutionData[][] | null> {
	if (ctx.getMode() === 'manual') {
		const sample = await poll.sample();
		return sample.length > 0 ? [ctx.helpers.returnJsonArray(sample)] : null;
	}
	const staticData = ctx.getWorkflowStaticData('node');
	const cursor = startCursor(staticData[CURSOR] as PollCursor | undefined, poll.settings);
	const records = await poll.fetch(queryFrom(cursor, poll.settings));
	const result = takeNew(records, poll.key, cursor, poll.settings);
	staticData[CURSOR] = result.cursor as unknown as IDataObject;
	return result.records.length > 0 ? [ctx.helpers.returnJsonArray(result.records)] : null;
}
