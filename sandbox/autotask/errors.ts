import type { SandboxResponse } from '../core/types';

/** Autotask's REST error body: `{ "errors": ["…"] }`. */
export function atError(status: number, ...messages: string[]): SandboxResponse {
	return { status, body: { errors: messages } };
}

/** A handler throws this to answer with an Autotask error. */
export class AtHttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}
