import { createHash } from 'node:crypto';

import { verifyHmac } from '../../common/webhooks/signature';

/** The entities Autotask sends webhooks for, with their REST names. */
export const WEBHOOK_ENTITIES = {
	company: { name: 'Company', entity: 'Companies', webhooks: 'CompanyWebhooks', fields: 'CompanyWebhookFields' },
	contact: { name: 'Contact', entity: 'Contacts', webhooks: 'ContactWebhooks', fields: 'ContactWebhookFields' },
	ticket: { name: 'Ticket', entity: 'Tickets', webhooks: 'TicketWebhooks', fields: 'TicketWebhookFields' },
	ticketNote: { name: 'Ticket Note', entity: 'TicketNotes', webhooks: 'TicketNoteWebhooks', fields: 'TicketNoteWebhookFields' },
	configurationItem: {
		name: 'Configuration Item',
		entity: 'ConfigurationItems',
		webhooks: 'ConfigurationItemWebhooks',
		fields: 'ConfigurationItemWebhookFields',
	},
} as const;

export type WebhookEntity = keyof typeof WEBHOOK_ENTITIES;

/**
 * `X-Hook-Signature: sha1=<base64 HMAC-SHA1 of the raw body, keyed with the webhook's SecretKey>`
 * (Autotask, "Secret key and payload verification"). The bare digest is accepted too.
 */
export function verifyAutotaskSignature(secret: string, rawBody: Buffer | string, header: string | undefined): boolean {
	if (!header || !secret) return false;
	const value = header.trim();
	const prefixed = /^sha1=/i.test(value);
	return verifyHmac({
		algorithm: 'sha1',
		key: secret,
		payload: rawBody,
		signature: value,
		encoding: 'base64',
		prefix: prefixed ? 'sha1=' : '',
	});
}

/** Deliveries seen recently, per trigger node, in this process. */
const seen = new Map<string, Map<string, number>>();
const DEDUPE_WINDOW_MS = 10 * 60_000;
const MAX_KEYS = 5000;

/** What identifies one event: the webhook's Guid and its SequenceNumber, else the body's hash. */
export function deliveryKey(payload: Record<string, unknown>, rawBody: Buffer | string): string {
	const guid = payload.Guid ?? payload.guid;
	const sequence = payload.SequenceNumber ?? payload.sequenceNumber;
	if (guid !== undefined && sequence !== undefined && guid !== null && sequence !== null) return `${String(guid)}#${String(sequence)}`;
	return createHash('sha256').update(rawBody).digest('hex');
}

/**
 * Whether this delivery was already accepted by `scope` (workflow + node) within the window; records
 * it when not. In-process only: with several main processes behind a load balancer a duplicate can
 * still reach another process, so downstream writes should stay idempotent.
 */
export function isDuplicate(scope: string, key: string, now = Date.now()): boolean {
	let keys = seen.get(scope);
	if (!keys) {
		keys = new Map();
		seen.set(scope, keys);
	}
	for (const [k, at] of keys) {
		if (now - at <= DEDUPE_WINDOW_MS && keys.size <= MAX_KEYS) break;
		keys.delete(k);
	}
	const at = keys.get(key);
	if (at !== undefined && now - at <= DEDUPE_WINDOW_MS) return true;
	keys.set(key, now);
	return false;
}

export function clearDeliveryMemory(): void {
	seen.clear();
}
