import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { PluginContext } from '../core/types';
import {
	CW_API_ROOT,
	CW_CALLBACK_RETRY_DELAYS_MS,
	CW_CALLBACK_RETRY_STATUSES,
	CW_CALLBACK_TIMEOUT_MS,
	CW_CODEBASE,
	CW_COMPANY_ID,
} from './constants';
import { presentJson, type ChangeAction } from './engine';
import type { CwRecord, CwStore } from './store';

export const CALLBACK_KEY_ID = 1;

/** How the callback URL is addressed: ConnectWise appends the record id and action to the registered URL. */
export type CallbackUrlMode = 'append' | 'verbatim';

export interface CallbackOptions {
	urlMode: CallbackUrlMode;
	retryDelaysMs: number[];
	timeoutMs: number;
}

export const DEFAULT_CALLBACK_OPTIONS: CallbackOptions = {
	urlMode: 'append',
	retryDelaysMs: CW_CALLBACK_RETRY_DELAYS_MS,
	timeoutMs: CW_CALLBACK_TIMEOUT_MS,
};

/** `x-content-signature`: base64(HMAC-SHA256(key = SHA256(signing_key), message = raw body)). */
export function signCallback(signingKey: string, rawBody: string): string {
	const key = createHash('sha256').update(signingKey, 'utf8').digest();
	return createHmac('sha256', key).update(rawBody, 'utf8').digest('base64');
}

/**
 * "PSA appends the record id and action to the specified callback URL" (Developer Guide, Callbacks);
 * integrators therefore register URLs ending in `?id=` or `&recordId=`.
 */
export function callbackTarget(url: string, id: number, action: ChangeAction, mode: CallbackUrlMode): string {
	if (mode === 'verbatim') return url;
	const withId = `${url}${id}`;
	return `${withId}${withId.includes('?') ? '&' : '?'}action=${action}`;
}

function matches(callback: CwRecord, type: string, record: CwRecord): boolean {
	if (callback.inactiveFlag === true || callback.type !== type) return false;
	const level = String(callback.level ?? '').toLowerCase();
	const objectId = Number(callback.objectId);
	if (level === 'owner') return true;
	if (level === type.toLowerCase()) return record.id === objectId;
	// Scoping levels (board, status, company, type, ...) name a reference field of the record.
	const key = Object.keys(record).find((k) => k.toLowerCase() === level);
	const ref = key ? record[key] : undefined;
	return typeof ref === 'object' && ref !== null && (ref as { id?: unknown }).id === objectId;
}

/** Sends the signed callback payload to every active callback entry that matches a change. */
export function dispatchCallbacks(
	ctx: PluginContext,
	store: CwStore,
	options: CallbackOptions,
	change: { type: string; action: ChangeAction; record: CwRecord; member: CwRecord; signingKey: string },
): number {
	const apiBase = `${ctx.publicUrl()}/${CW_CODEBASE}/${CW_API_ROOT}`;
	let sent = 0;
	for (const callback of store.all('callbacks')) {
		if (!matches(callback, change.type, change.record)) continue;
		const messageId = randomUUID();
		const payload = {
			MessageId: messageId,
			FromUrl: new URL(ctx.publicUrl()).host,
			CompanyId: CW_COMPANY_ID,
			MemberId: change.member.identifier,
			Action: change.action,
			Type: change.type,
			ID: change.record.id,
			Entity: presentJson(change.record, apiBase),
			Metadata: { key_url: `${apiBase}/system/callbackKeys/${CALLBACK_KEY_ID}` },
		};
		const body = JSON.stringify(payload);
		ctx.sendWebhook({
			system: ctx.system,
			url: callbackTarget(String(callback.url), change.record.id, change.action, options.urlMode),
			body,
			headers: { 'Content-Type': 'application/json', 'x-content-signature': signCallback(change.signingKey, body) },
			eventId: messageId,
			retry: { statuses: CW_CALLBACK_RETRY_STATUSES, delaysMs: options.retryDelaysMs },
			timeoutMs: options.timeoutMs,
		});
		sent++;
	}
	return sent;
}
