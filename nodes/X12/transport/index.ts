import type { IExecuteFunctions } from 'n8n-workflow';

import { classifyStatus, errorBodyOf, type ErrorMapper } from '../../common/errors';
import { sendRequest, type RawResponse } from '../../common/transport';

export const X12_HTTP_CREDENTIAL = 'x12HttpApi';

/**
 * A trading partner's intake answers in its own words; what counts is the status: 400 the document
 * was refused (the body says why), 401 the signature, 409 a control number it already holds with other
 * content, 413 too large, 429 slow down, 5xx try again.
 */
export const partnerErrorMapper: ErrorMapper = {
	system: 'Trading partner',
	map(response: RawResponse) {
		const body = errorBodyOf(response);
		const text = typeof response.body === 'string' ? response.body.trim().slice(0, 500) : '';
		const said = [body.error, body.message, body.detail].find((v) => typeof v === 'string' && v) as string | undefined;
		const errorClass = classifyStatus(response.statusCode);
		const description: Record<number, string> = {
			400: 'The partner refused the document; fix what it names and send again.',
			401: 'The partner did not accept the signature: check the Shared Secret (and the clock of this server).',
			409: 'The partner already holds an interchange with this control number and other content: control numbers must not be reused.',
			413: 'The document is larger than the partner accepts; split it.',
		};
		return {
			message: said ?? (text || `HTTP ${response.statusCode}`),
			errorClass,
			description: description[response.statusCode],
		};
	},
};

/** POSTs one interchange to the partner endpoint of the X12 over HTTPS credential (signed by the credential). */
export async function postToPartner(ctx: IExecuteFunctions, body: string, itemIndex: number): Promise<RawResponse & { url: string }> {
	const credentials = await ctx.getCredentials<{ partnerUrl?: string }>(X12_HTTP_CREDENTIAL, itemIndex);
	const url = String(credentials.partnerUrl ?? '').trim();
	const response = await sendRequest(ctx, {
		credentialType: X12_HTTP_CREDENTIAL,
		request: { method: 'POST', url, body, headers: { 'Content-Type': 'application/edi-x12' }, json: false },
		errorMapper: partnerErrorMapper,
		// The same interchange twice is a duplicate the partner recognises by its control number, so a resend is safe.
		idempotent: true,
		itemIndex,
	});
	return { ...response, url };
}
