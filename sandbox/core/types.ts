import type { IncomingHttpHeaders } from 'node:http';

/** What a handler answers. `body` is sent as JSON; `text` as-is; neither means an empty body. */
export interface SandboxResponse {
	status: number;
	headers?: Record<string, string | string[]>;
	body?: unknown;
	text?: string;
}

/** One incoming request, already read (body capped) and split into the parts handlers need. */
export interface SandboxRequest {
	method: string;
	/** Path below the plugin prefix (or below `/__sandbox` for admin routes), percent-decoded per segment. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** Absolute URL as the client addressed it (built from the Host header). */
	url: URL;
	/** Absolute URL of the plugin root as the client addressed it, e.g. `http://127.0.0.1:4010/connectwise`. */
	baseUrl: string;
	/** Route parameters filled by the router. */
	params: Record<string, string>;
	rawBody: Buffer;
	/** Parses the body as JSON; throws `BodyParseError` when it is not JSON. */
	json(): unknown;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/** The generic error situations the core meets before a plugin route runs; the plugin turns them into vendor bodies. */
export type VendorErrorKind =
	| 'badRequest'
	| 'unauthorized'
	| 'forbidden'
	| 'notFound'
	| 'methodNotAllowed'
	| 'payloadTooLarge'
	| 'serverError';

/** A rate rule per credential key: a sliding window of `requests` per `windowMs` and/or a cap on in-flight requests. */
export interface RateLimitRule {
	requests?: number;
	windowMs?: number;
	maxConcurrent?: number;
}

/** Faults injected into one system's (or every system's) traffic. All fields optional; absent means off. */
export interface FaultConfig {
	/** Fixed delay added to every request, in ms. */
	latencyMs?: number;
	/** Extra random delay in [0, latencyJitterMs). */
	latencyJitterMs?: number;
	/** Share of requests (0..1) answered with a 5xx vendor error. */
	errorRate?: number;
	/** Status used for injected errors (default 500). */
	errorStatus?: number;
	/** Injected errors hit only requests whose path (below the system's prefix) contains this text, e.g. one record's id. */
	errorPathIncludes?: string;
	/** The next `count` requests get 429 with `Retry-After: retryAfterSec` (default 1). Counts down at run time. */
	burst429?: { count: number; retryAfterSec?: number };
	/** The next N list pages lose one item; -1 truncates every page. Counts down at run time. */
	truncatePages?: number;
	/** Extra copies of every webhook delivery (same body, same signature). */
	duplicateWebhooks?: number;
}

export interface OutgoingWebhook {
	system: string;
	url: string;
	/** The exact bytes to POST (signatures are computed over them). */
	body: string;
	headers: Record<string, string>;
	/** Vendor event/message id, for inspection. */
	eventId: string;
	/** Redelivery on these response statuses after these delays (ms); a vendor rule. */
	retry?: { statuses: number[]; delaysMs: number[] };
	timeoutMs?: number;
}

export interface WebhookDelivery {
	seq: number;
	system: string;
	eventId: string;
	url: string;
	/** 1 for the first try, 2.. for vendor redeliveries. */
	attempt: number;
	/** 0 for the original, 1.. for injected duplicates. */
	copy: number;
	status?: number;
	error?: string;
	at: string;
	durationMs: number;
	headers: Record<string, string>;
	body: string;
}

/** Services the core offers a plugin once it is mounted. */
export interface PluginContext {
	readonly system: string;
	/** Public base URL of the plugin root (configured public URL or the listening address). */
	publicUrl(): string;
	now(): Date;
	/** Applies the truncated-page fault to one list page (drops one item when active). */
	truncatePage<T>(items: T[]): T[];
	/** Queues a webhook delivery; never throws, failures are recorded. */
	sendWebhook(hook: OutgoingWebhook): void;
}

/** A vendor fake. Future systems implement this and register in `sandbox/index.ts`. */
export interface SandboxPlugin {
	/** System name, also the admin path segment (`/__sandbox/<name>/...`). */
	readonly name: string;
	/** Path prefix the plugin is served under, e.g. `/connectwise`. */
	readonly prefix: string;
	/** The vendor's rule unless the caller overrides it; absent means unlimited. */
	readonly defaultRateLimit?: RateLimitRule;
	attach(ctx: PluginContext): void;
	/** Rebuilds all state from the seed; the same seed must give identical data. */
	seed(seed: number): void;
	/** The values a user would type into the n8n credential for this system. */
	credentials(baseUrl: string): Record<string, string>;
	/** The credential a request counts against for rate limiting; undefined = not limited (e.g. public endpoints). */
	rateLimitKey(req: SandboxRequest): string | undefined;
	handle(req: SandboxRequest): SandboxResponse | Promise<SandboxResponse>;
	/** Vendor-shaped error for situations the core detects (bad body, injected 5xx, ...). */
	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse;
	/** Vendor-shaped 429. */
	rateLimited(retryAfterSec: number): SandboxResponse;
	collections(): string[];
	/** Current records of a collection (copies, hrefs absolute), or undefined for an unknown collection. */
	records(collection: string): unknown[] | undefined;
	/** Extra admin routes, mounted under `/__sandbox/<name>/`. */
	adminRoutes?(add: (method: string, pattern: string, handler: Handler) => void): void;
	close?(): void;
}

export interface CredentialStats {
	requests: number;
	rateLimited: number;
	/** Most requests in flight at once, counting the arriving one (also when it was refused). */
	maxConcurrent: number;
	/** Most requests that arrived within any sliding window of `windowMs` (refused ones included). */
	maxInWindow: number;
	windowMs: number;
}

export interface SystemStats {
	requests: number;
	/** 429s served, by the rate limiter and by the burst fault. */
	rateLimited: number;
	byStatus: Record<string, number>;
	injected: { errors: number; burst429: number; truncatedPages: number; delayed: number };
	credentials: Record<string, CredentialStats>;
}

export interface SandboxStats {
	systems: Record<string, SystemStats>;
	webhooks: { deliveries: number; failed: number; pending: number };
}
