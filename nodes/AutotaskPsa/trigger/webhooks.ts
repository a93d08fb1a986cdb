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

/** What identifies one event: the webhook's Guid and its SequenceNumber, else the body's hash. */
export function deliveryKey(payload: Record<string, unknown>, rawBody: Buffer | string): string {
	const guid = payload.Guid ?? payload.guid;
	const sequence = payload.SequenceNumber ?? payload.sequenceNumber;
	if (guid !== undefined && sequence !== undefined && guid !== null && sequence !== null) return `${String(guid)}#${String(sequence)}`;
	return createHash('sha256').update(rawBody).digest('hex');
}
