import { randomUUID } from 'node:crypto';

import type { PluginContext } from '../core/types';
import type { HaloRecord } from './entities';
import type { HaloStore } from './store';

/** Halo's outbound webhook authentication types (Configuration > Integrations > Webhooks). */
export const WEBHOOK_AUTH = { none: 0, basic: 1, bearer: 2, apiKey: 3 } as const;

export interface WebhookChange {
	/** e.g. `ticket_created`, `ticket_updated`, `action_added`, `client_updated`. */
	event: string;
	record: HaloRecord;
	ticket?: HaloRecord;
}

function authHeaders(hook: HaloRecord): Record<string, string> {
	switch (Number(hook.authentication_type ?? 0)) {
		case WEBHOOK_AUTH.basic:
			return {
				Authorization: `Basic ${Buffer.from(`${String(hook.basic_username ?? '')}:${String(hook.basic_password ?? '')}`).toString('base64')}`,
			};
		case WEBHOOK_AUTH.bearer:
			return { Authorization: `Bearer ${String(hook.bearer_token ?? '')}` };
		case WEBHOOK_AUTH.apiKey:
			return { [String(hook.apikey_header ?? 'x-api-key')]: String(hook.apikey_value ?? '') };
		default:
			return {};
	}
}

function subscribed(hook: HaloRecord, event: string): boolean {
	if (hook.active === false || hook.disabled === true) return false;
	const events = Array.isArray(hook.events) ? (hook.events as unknown[]) : [];
	// An event entry is a name or `{ name }`; none configured means every event (sandbox convenience).
	return events.length === 0 || events.some((e) => (typeof e === 'string' ? e : (e as { name?: unknown })?.name) === event);
}

/**
 * Queues one POST per active webhook subscribed to the event. Halo's default payload carries the
 * ticket and action objects where applicable; batching is off, so each delivery holds one event.
 */
export function dispatchWebhooks(ctx: PluginContext, store: HaloStore, change: WebhookChange): number {
	let sent = 0;
	for (const hook of store.all('webhooks')) {
		if (!subscribed(hook, change.event)) continue;
		const eventId = randomUUID();
		const [kind] = change.event.split('_');
		const payload: Record<string, unknown> = {
			id: eventId,
			webhook_id: hook.id,
			event: change.event,
			timestamp: ctx.now().toISOString(),
			[kind]: change.record,
			...(change.ticket && kind !== 'ticket' ? { ticket: change.ticket } : {}),
		};
		ctx.sendWebhook({
			system: ctx.system,
			url: String(hook.url),
			body: JSON.stringify(payload),
			headers: { 'Content-Type': String(hook.content_type ?? 'application/json'), ...authHeaders(hook) },
			eventId,
		});
		sent++;
	}
	return sent;
}
