import { createHmac } from 'node:crypto';
import type { PluginContext } from '../core/types';
import type { EntitySpec } from './entities';
import { webhookFieldIds } from './entities';
import type { AtRecord } from './store';

export interface AtWebhook {
	id: number;
	entity: string;
	name: string;
	webhookUrl: string;
	deactivationUrl: string;
	secretKey: string;
	isActive: boolean;
	isSubscribedToCreateEvents: boolean;
	isSubscribedToUpdateEvents: boolean;
	isSubscribedToDeleteEvents: boolean;
	sendThresholdExceededNotification: boolean;
	notificationEmailAddress: string;
	webhookGUID: string;
	/** FieldID → { subscribed, displayAlways }. */
	fields: Map<number, { id: number; subscribed: boolean; displayAlways: boolean }>;
	sequence: number;
}

export type WebhookAction = 'Create' | 'Update' | 'Delete';

/** `X-Hook-Signature: sha1=` + base64 HMAC-SHA1 of the body keyed with the SecretKey (Autotask help). */
export function signAutotaskPayload(secretKey: string, body: string): string {
	return `sha1=${createHmac('sha1', secretKey).update(body, 'utf8').digest('base64')}`;
}

/** The webhook as GET returns it: no secret, `isReady` once a field is subscribed. */
export function presentWebhook(hook: AtWebhook): Record<string, unknown> {
	return {
		id: hook.id,
		name: hook.name,
		webhookUrl: hook.webhookUrl,
		deactivationUrl: hook.deactivationUrl,
		isActive: hook.isActive,
		isReady: [...hook.fields.values()].some((f) => f.subscribed),
		isSubscribedToCreateEvents: hook.isSubscribedToCreateEvents,
		isSubscribedToUpdateEvents: hook.isSubscribedToUpdateEvents,
		isSubscribedToDeleteEvents: hook.isSubscribedToDeleteEvents,
		sendThresholdExceededNotification: hook.sendThresholdExceededNotification,
		notificationEmailAddress: hook.notificationEmailAddress,
		webhookGUID: hook.webhookGUID,
	};
}

/**
 * Sends the callouts one change causes: to every active, ready webhook of the entity subscribed to
 * the action; an update only when a watched field changed. `Fields` holds the changed watched
 * fields plus the display-always fields.
 */
export function dispatch(
	ctx: PluginContext,
	hooks: AtWebhook[],
	spec: EntitySpec,
	action: WebhookAction,
	record: AtRecord,
	changed: string[],
	personId: number,
): number {
	const ids = webhookFieldIds(spec);
	const nameOf = (fieldId: number) => ids.find((f) => Number(f.value) === fieldId)?.label;
	let sent = 0;
	for (const hook of hooks) {
		if (hook.entity !== spec.name || !hook.isActive) continue;
		const fields = [...hook.fields.values()];
		if (!fields.some((f) => f.subscribed)) continue;
		if (action === 'Create' && !hook.isSubscribedToCreateEvents) continue;
		if (action === 'Delete' && !hook.isSubscribedToDeleteEvents) continue;
		const watchedChanged = fields.filter((f) => f.subscribed && changed.includes(nameOf(f.id) ?? '')).map((f) => nameOf(f.id) as string);
		if (action === 'Update' && (!hook.isSubscribedToUpdateEvents || watchedChanged.length === 0)) continue;
		const payloadFields: Record<string, unknown> = {};
		const names =
			action === 'Create'
				? fields.map((f) => nameOf(f.id))
				: [...watchedChanged, ...fields.filter((f) => f.displayAlways).map((f) => nameOf(f.id))];
		if (action !== 'Delete') for (const name of names) if (name) payloadFields[name] = record[name] ?? null;
		hook.sequence++;
		const body = JSON.stringify({
			Action: action,
			Guid: hook.webhookGUID,
			EntityType: spec.singular,
			Id: record.id,
			Fields: payloadFields,
			EventTime: ctx.now().toISOString(),
			SequenceNumber: hook.sequence,
			PersonID: personId,
		});
		ctx.sendWebhook({
			system: ctx.system,
			url: hook.webhookUrl,
			body,
			headers: { 'Content-Type': 'application/json', 'X-Hook-Signature': signAutotaskPayload(hook.secretKey, body) },
			eventId: `${hook.webhookGUID}#${hook.sequence}`,
		});
		sent++;
	}
	return sent;
}
