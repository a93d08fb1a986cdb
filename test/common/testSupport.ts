import type { ICredentialType, IDataObject, INodeProperties } from 'n8n-workflow';

import type { ErrorMapper } from '../../nodes/common/errors';
import { classifyStatus } from '../../nodes/common/errors';

/** A minimal API-key credential type, applied through n8n's generic authenticate. */
export class TestApiKey implements ICredentialType {
	name = 'testApiKey';
	displayName = 'Test API Key';
	properties: INodeProperties[] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
	];
	authenticate = { type: 'generic' as const, properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } } };
}

/** A vendor mapper in the shape each system writes: code, message and field errors from the body. */
export const testMapper: ErrorMapper = {
	system: 'Test API',
	map: (response) => {
		const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
		const errors = Array.isArray(body.errors) ? (body.errors as IDataObject[]) : [];
		return {
			message: typeof body.message === 'string' ? body.message : `HTTP ${response.statusCode}`,
			code: typeof body.code === 'string' ? body.code : undefined,
			errorClass: body.code === 'DuplicateRecord' ? 'duplicate' : classifyStatus(response.statusCode),
			fieldErrors: errors.map((e) => ({ field: e.field as string, code: e.code as string, message: String(e.message) })),
		};
	},
};

export const elapsedSince = (start: number) => Date.now() - start;
