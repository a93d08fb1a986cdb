import { createHash } from 'node:crypto';

import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { secretsOf, toNodeApiError } from '../../common/errors';
import { collect, graphqlConnectionPaginator, paginate } from '../../common/pagination';
import type { PageRequest } from '../../common/pagination';
import { getCreditBucket, sendRequest } from '../../common/transport';
import type { CreditBucket, RawResponse, RequestContext } from '../../common/transport';
import { graphqlErrors, shipHeroErrorMapper, THROTTLE_CODE } from './errorMapper';

export { shipHeroErrorMapper } from './errorMapper';

export const CREDENTIAL_TYPE = 'shipHeroApi';
export const DEFAULT_BASE_URL = 'https://public-api.shiphero.com';
/** ShipHero's documented bucket: 4,004 credits per account, 60 restored per second. */
export const CREDIT_RULE = { max: 4004, refillPerSecond: 60 };
/** How long one request may wait for credits in total before it fails with a rate-limit error. */
export const MAX_CREDIT_WAIT_MS = 120_000;
/** Throttle answers one request may wait out before it fails. */
export const MAX_THROTTLE_RETRIES = 10;

export interface ShipHeroSettings {
	baseUrl: string;
	customerAccountId?: string;
	bucket: CreditBucket;
}

const settingsCache = new WeakMap<object, ShipHeroSettings>();

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
}

export async function shipHeroSettings(ctx: RequestContext): Promise<ShipHeroSettings> {
	const cached = settingsCache.get(ctx);
	if (cached) return cached;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const baseUrl = baseUrlOf(credentials);
	// The account is identified by its refresh token; only a digest of it goes into the key.
	const account = createHash('sha256').update(String(credentials.refreshToken ?? '')).digest('hex').slice(0, 16);
	const customerAccountId = String(credentials.customerAccountId ?? '').trim() || undefined;
	const settings: ShipHeroSettings = {
		baseUrl,
		customerAccountId,
		bucket: getCreditBucket(`shipHero|${baseUrl}|${account}`, CREDIT_RULE),
	};
	settingsCache.set(ctx, settings);
	return settings;
}

export interface GraphqlRequest {
	query: string;
	variables?: IDataObject;
	itemIndex?: number;
	/** A mutation that is safe to resend after a network error (e.g. inventory_replace). */
	idempotent?: boolean;
	/** Ask for the cost only (`analyze: true` must be in the document); nothing runs. */
	analyze?: boolean;
}

/**
 * What each document needs, to reserve credits before sending it again. ShipHero lets a call run only
 * when the bucket holds its *requested* complexity (stated as `required_credits` when refused) and then
 * charges what it returned, so a known requirement is kept over a smaller charge.
 */
const knownCost = new Map<string, { cost: number; required: boolean }>();
const MAX_KNOWN = 500;

function rememberCost(query: string, cost: number, required: boolean): void {
	if (!Number.isFinite(cost) || cost <= 0) return;
	const known = knownCost.get(query);
	if (known?.required && !required) return;
	knownCost.delete(query);
	knownCost.set(query, { cost: Math.ceil(cost), required });
	if (knownCost.size > MAX_KNOWN) knownCost.delete(knownCost.keys().next().value as string);
}

/** `time_remaining` as ShipHero states it ("16 seconds", or a number of seconds), in ms. */
export function timeRemainingMs(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value * 1000);
	if (typeof value !== 'string') return undefined;
	const match = /(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?)?/i.exec(value);
	if (!match) return undefined;
	const n = Number(match[1]);
	const unit = (match[2] ?? 's').toLowerCase();
	if (unit.startsWith('ms') || unit.startsWith('milli')) return n;
	if (unit.startsWith('m')) return n * 60_000;
	return n * 1000;
}

/** The credits a response says it cost: the sum of every root field's `complexity`. */
export function complexityOf(data: unknown): number | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	let total = 0;
	let found = false;
	for (const value of Object.values(data as IDataObject)) {
		const complexity = (value as IDataObject | null)?.complexity;
		if (typeof complexity === 'number') {
			total += complexity;
			found = true;
		}
	}
	return found ? total : undefined;
}

/**
 * The one request function of ShipHero: a GraphQL POST with the credential's Bearer token (renewed
 * on 401), credits reserved from the account's process-wide bucket, throttle errors (code 30)
 * waited out for the `time_remaining` ShipHero states (bounded), and every other GraphQL error
 * turned into a node error naming the operation and field.
 */
export async function shipHeroGraphql<T = IDataObject>(ctx: RequestContext, request: GraphqlRequest): Promise<T> {
	const settings = await shipHeroSettings(ctx);
	let waited = 0;
	let throttles = 0;
	for (;;) {
		const cost = knownCost.get(request.query)?.cost ?? 1;
		const slept = await settings.bucket.reserve(cost, MAX_CREDIT_WAIT_MS - waited);
		if (slept === undefined) throw await throttleError(ctx, request, undefined);
		waited += slept;
		const response = await sendRequest<IDataObject>(ctx, {
			credentialType: CREDENTIAL_TYPE,
			errorMapper: shipHeroErrorMapper,
			itemIndex: request.itemIndex,
			renewOn401: true,
			// A GraphQL query never writes, so resending it after a network error is safe.
			idempotent: request.idempotent ?? /^\s*(query\b|\{)/.test(request.query),
			request: {
				method: 'POST',
				url: `${settings.baseUrl}/graphql`,
				body: { query: request.query, ...(request.variables ? { variables: request.variables } : {}) },
				json: true,
				headers: { 'Content-Type': 'application/json' },
			},
		});
		const body = (response.body ?? {}) as IDataObject;
		const errors = graphqlErrors(body);
		const throttle = errors.find((error) => Number(error.code) === THROTTLE_CODE);
		if (throttle) {
			const required = Number(throttle.required_credits);
			if (Number.isFinite(required)) rememberCost(request.query, required, true);
			settings.bucket.settle(cost, 0);
			const wait = timeRemainingMs(throttle.time_remaining) ?? 1000;
			throttles++;
			const remaining = Number(throttle.remaining_credits);
			settings.bucket.throttled(Number.isFinite(remaining) ? remaining : undefined, wait, Number.isFinite(required) ? required : undefined);
			// No wait stated means waiting will not help (the operation alone exceeds the account's maximum).
			if (wait <= 0 || throttles > MAX_THROTTLE_RETRIES || waited + wait > MAX_CREDIT_WAIT_MS) throw await throttleError(ctx, request, response);
			waited += wait;
			await sleep(wait);
			continue;
		}
		const actual = complexityOf(body.data);
		settings.bucket.settle(cost, actual ?? cost);
		if (actual !== undefined && !request.analyze) rememberCost(request.query, actual, false);
		if (errors.length > 0) {
			throw toNodeApiError(ctx.getNode(), response, shipHeroErrorMapper, {
				itemIndex: request.itemIndex,
				secrets: secretsOf(await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE)),
			});
		}
		return (body.data ?? {}) as T;
	}
}

async function throttleError(ctx: RequestContext, request: GraphqlRequest, response: RawResponse | undefined) {
	const synthetic: RawResponse = response ?? {
		statusCode: 200,
		headers: {},
		body: {
			errors: [{ code: THROTTLE_CODE, message: `Waiting for ShipHero API credits would take longer than ${MAX_CREDIT_WAIT_MS / 1000} s` }],
		},
	};
	return toNodeApiError(ctx.getNode(), synthetic, shipHeroErrorMapper, {
		itemIndex: request.itemIndex,
		secrets: secretsOf(await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE)),
	});
}

export interface ConnectionRequest {
	query: string;
	variables?: IDataObject;
	/** The root field whose `data` is the connection, e.g. "orders". */
	rootField: string;
	returnAll: boolean;
	limit?: number;
	pageSize: number;
	itemIndex?: number;
}

/** Records of a Relay connection (`data(first:, after:)`), following `endCursor` until the last page or the limit. */
export async function shipHeroConnection(ctx: RequestContext, request: ConnectionRequest): Promise<IDataObject[]> {
	const { returnAll, itemIndex } = request;
	const max = returnAll ? Number.POSITIVE_INFINITY : Math.max(1, request.limit ?? 50);
	const pageSize = Math.max(1, Math.min(request.pageSize, max));
	const paginator = graphqlConnectionPaginator({
		query: request.query,
		variables: request.variables,
		connectionPath: `${request.rootField}.data`,
		pageSize,
	});
	const fetchPage = async (page: PageRequest): Promise<RawResponse> => {
		const body = page.body as { query: string; variables: IDataObject };
		const data = await shipHeroGraphql(ctx, { query: body.query, variables: body.variables, itemIndex });
		return { statusCode: 200, headers: {}, body: data };
	};
	return await collect(paginate(fetchPage, paginator, { itemKey: (record) => String(record.id ?? JSON.stringify(record)) }), {
		returnAll,
		limit: max,
	});
}

/** Nodes of a nested connection (`line_items { edges { node } }`) as a plain array. */
export function edgesOf(connection: unknown): IDataObject[] {
	const edges = (connection as { edges?: unknown } | null | undefined)?.edges;
	return Array.isArray(edges) ? edges.map((edge) => (edge as IDataObject).node as IDataObject).filter(Boolean) : [];
}
