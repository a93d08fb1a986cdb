import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../common/transport';
import { businessCentralRequest } from '../transport';

/** What the trigger keeps in the node's static data between activation, deliveries and deactivation. */
export interface SubscriptionState extends IDataObject {
	subscriptionId?: string;
	clientState?: string;
	notificationUrl?: string;
	resource?: string;
	expirationDateTime?: string;
}

export const subscriptionPath = (id: string) => `subscriptions('${encodeURIComponent(id)}')`;

/** `/api/v2.0/companies({id})/{entitySet}`: the resource a subscription watches. */
export function resourceOf(companyId: string, entitySet: string): string {
	return `/api/v2.0/companies(${companyId})/${entitySet}`;
}

/** A random shared secret: Business Central echoes it in every notification, there is no signature. */
export function newClientState(): string {
	return randomBytes(32).toString('base64url');
}

export function sameSecret(expected: string | undefined, given: unknown): boolean {
	if (!expected || typeof given !== 'string') return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(given);
	return a.length === b.length && timingSafeEqual(a, b);
}

export async function getSubscription(ctx: RequestContext, id: string): Promise<IDataObject | undefined> {
	const response = await businessCentralRequest<IDataObject>(ctx, { path: subscriptionPath(id), acceptStatus: [404] });
	return response.statusCode === 404 ? undefined : response.body;
}

export async function listSubscriptions(ctx: RequestContext): Promise<IDataObject[]> {
	const body = (await businessCentralRequest<IDataObject>(ctx, { path: 'subscriptions' })).body;
	return Array.isArray(body?.value) ? (body.value as IDataObject[]) : [];
}

/** Creates the subscription; Business Central validates the notification URL (validationToken) before answering. */
export async function createSubscription(ctx: RequestContext, state: SubscriptionState, notificationUrl: string, resource: string): Promise<IDataObject> {
	const clientState = newClientState();
	const body = { notificationUrl, resource, clientState };
	const create = async () => await businessCentralRequest<IDataObject>(ctx, { method: 'POST', path: 'subscriptions', body, acceptStatus: [400] });
	let response = await create();
	if (response.statusCode === 400) {
		// A subscription for the same URL and resource left behind (e.g. static data lost): remove it and try once more.
		const stale = (await listSubscriptions(ctx)).filter((s) => s.notificationUrl === notificationUrl && sameResource(s.resource, resource));
		if (stale.length === 0) {
			response = await businessCentralRequest<IDataObject>(ctx, { method: 'POST', path: 'subscriptions', body });
		} else {
			for (const s of stale) await deleteSubscription(ctx, String(s.subscriptionId));
			response = await businessCentralRequest<IDataObject>(ctx, { method: 'POST', path: 'subscriptions', body });
		}
	}
	const created = response.body;
	Object.assign(state, {
		subscriptionId: String(created.subscriptionId),
		clientState,
		notificationUrl,
		resource,
		expirationDateTime: created.expirationDateTime as string | undefined,
	});
	return created;
}

export function sameResource(a: unknown, b: unknown): boolean {
	const norm = (v: unknown) => String(v ?? '').replace(/^\//, '').toLowerCase();
	return norm(a) === norm(b);
}

export async function deleteSubscription(ctx: RequestContext, id: string): Promise<void> {
	await businessCentralRequest(ctx, { method: 'DELETE', path: subscriptionPath(id), headers: { 'If-Match': '*' }, acceptStatus: [404], idempotent: true });
}

/**
 * Renews when the subscription expires within `withinMs`: PATCH with If-Match (the ETag just read);
 * Business Central validates the notification URL again and moves the expiry three days out.
 * Reads the subscription first, so it needs no state besides its id. Returns the new expiry, if renewed.
 */
export async function renewIfDue(ctx: RequestContext, state: SubscriptionState, withinMs: number, now = Date.now()): Promise<string | undefined> {
	if (!state.subscriptionId) return undefined;
	const current = await getSubscription(ctx, state.subscriptionId);
	if (!current) return undefined;
	const expires = Date.parse(String(current.expirationDateTime ?? ''));
	if (Number.isFinite(expires) && expires - now > withinMs) return undefined;
	const renewed = await businessCentralRequest<IDataObject>(ctx, {
		method: 'PATCH',
		path: subscriptionPath(state.subscriptionId),
		headers: { 'If-Match': String(current['@odata.etag'] ?? '*') },
		body: { notificationUrl: current.notificationUrl, resource: current.resource, clientState: state.clientState },
		idempotent: true,
	});
	const expiry = renewed.body?.expirationDateTime as string | undefined;
	state.expirationDateTime = expiry;
	return expiry;
}
