import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** Stripe keeps keys 24 hours and accepts up to 255 characters. */
export const MAX_KEY_LENGTH = 255;

function stable(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stable((value as IDataObject)[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/**
 * The Idempotency-Key of a write, derived from what makes it "the same request": the workflow, the
 * node, the operation and the input item. A re-run of the same workflow with the same input (a retried
 * execution, a replayed webhook, a second manual run) sends the same key, so Stripe replays the first
 * result instead of billing twice. A user-supplied key replaces the derived one.
 */
export function deriveIdempotencyKey(ctx: IExecuteFunctions, itemIndex: number, scope: string, explicit?: string): string {
	const custom = (explicit ?? '').trim();
	if (custom) {
		const key = `${custom}${scope.includes('#') ? `:${scope.split('#')[1]}` : ''}`;
		return key.length <= MAX_KEY_LENGTH ? key : `n8n-${createHash('sha256').update(key).digest('hex')}`;
	}
	const item = ctx.getInputData()[itemIndex];
	const node = ctx.getNode();
	const fingerprint = stable([ctx.getWorkflow().id ?? '', node.id ?? node.name, scope, item?.json ?? {}]);
	return `n8n-${createHash('sha256').update(fingerprint).digest('hex').slice(0, 48)}`;
}
