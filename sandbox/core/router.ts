import type { Handler } from './types';

interface Route<H> {
	method: string;
	segments: string[];
	literalCount: number;
	handler: H;
}

export type RouteMatch<H> =
	| { kind: 'found'; handler: H; params: Record<string, string> }
	| { kind: 'methodNotAllowed'; allowed: string[] }
	| { kind: 'notFound' };

export function splitPath(path: string): string[] {
	return path.split('/').filter((s) => s.length > 0);
}

/**
 * Method + path pattern router. Patterns use `:name` segments; a literal segment beats a parameter,
 * so `/tickets/count` wins over `/tickets/:id` whatever the registration order.
 */
export class Router<H = Handler> {
	private readonly routes: Array<Route<H>> = [];

	/** `caseInsensitive`: literal segments compare without case (ASP.NET and OData servers do). */
	constructor(private readonly options: { caseInsensitive?: boolean } = {}) {}

	add(method: string, pattern: string, handler: H): this {
		const segments = splitPath(pattern);
		this.routes.push({
			method: method.toUpperCase(),
			segments,
			literalCount: segments.filter((s) => !s.startsWith(':')).length,
			handler,
		});
		return this;
	}

	match(method: string, path: string): RouteMatch<H> {
		const parts = splitPath(path);
		let best: { route: Route<H>; params: Record<string, string> } | undefined;
		const allowed = new Set<string>();
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts, this.options.caseInsensitive === true);
			if (!params) continue;
			allowed.add(route.method);
			if (route.method !== method.toUpperCase()) continue;
			if (!best || route.literalCount > best.route.literalCount) best = { route, params };
		}
		if (best) return { kind: 'found', handler: best.route.handler, params: best.params };
		if (allowed.size > 0) return { kind: 'methodNotAllowed', allowed: [...allowed].sort() };
		return { kind: 'notFound' };
	}
}

function matchSegments(
	pattern: string[],
	parts: string[],
	caseInsensitive: boolean,
): Record<string, string> | undefined {
	if (pattern.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < pattern.length; i++) {
		const p = pattern[i];
		if (p.startsWith(':')) {
			params[p.slice(1)] = parts[i];
		} else if (caseInsensitive ? p.toLowerCase() !== parts[i].toLowerCase() : p !== parts[i]) {
			return undefined;
		}
	}
	return params;
}
