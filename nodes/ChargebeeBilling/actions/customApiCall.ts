import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { nameValueList, nameValuePairs } from '../../common/descriptions';
import { chargebeeList, chargebeeRequest } from '../transport';
import type { OperationModule } from './shared';
import { operationSelector, parseJson, stamp } from './shared';

const request: OperationModule = {
	description: stamp('customApiCall', 'request', [
		{ displayName: 'Method', name: 'method', type: 'options', default: 'GET', options: [{ name: 'GET', value: 'GET' }, { name: 'POST', value: 'POST' }] },
		{ displayName: 'Path', name: 'path', type: 'string', default: '', required: true, placeholder: 'e.g. /quotes', description: 'Path under /api/v2 of your site; the credential’s API key is used' },
		nameValueList('query', 'Query Parameters', 'e.g. status[is]'),
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '',
			displayOptions: { show: { method: ['POST'] } },
			description: 'Sent form-encoded in Chargebee’s bracket notation: {"billing_address": {"city": "Reno"}} becomes billing_address[city]=Reno',
		},
		{ displayName: 'Idempotency Key', name: 'idempotencyKey', type: 'string', default: '', displayOptions: { show: { method: ['POST'] } }, description: 'Sent as chargebee-idempotency-key so a retry is not applied twice' },
		{
			displayName: 'List Key',
			name: 'listKey',
			type: 'string',
			default: '',
			displayOptions: { show: { method: ['GET'] } },
			placeholder: 'e.g. quote',
			description: 'For list endpoints: the record key inside each list entry; then every page is read (offset/next_offset) and one item is output per record',
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
		const path = this.getNodeParameter('path', itemIndex) as string;
		const qs: IDataObject = nameValuePairs(this.getNodeParameter('query', itemIndex, {}));
		const listKey = method === 'GET' ? String(this.getNodeParameter('listKey', itemIndex, '') ?? '').trim() : '';
		if (listKey) return await chargebeeList(this, { path, key: listKey, qs, returnAll: true, itemIndex });
		const body = method === 'POST' ? (parseJson(this.getNode(), this.getNodeParameter('body', itemIndex, ''), 'Body (JSON)', itemIndex) ?? {}) : undefined;
		const key = method === 'POST' ? String(this.getNodeParameter('idempotencyKey', itemIndex, '') ?? '').trim() : '';
		const response = await chargebeeRequest(this, { method, path, qs, body, idempotencyKey: key || undefined, itemIndex });
		return typeof response.body === 'object' && response.body !== null ? response.body : { statusCode: response.statusCode };
	},
};

export const operations = { request };

export const description: INodeProperties[] = [
	operationSelector('customApiCall', [{ name: 'Make a Request', value: 'request', description: 'Call any Chargebee API v2 endpoint with this credential', action: 'Make a custom API call' }], 'request'),
	...request.description,
];
