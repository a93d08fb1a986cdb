import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { netSuiteRequest } from '../../transport';
import { jsonParameter } from '../shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Script ID',
		name: 'script',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. customscript_n8n_echo or 1201',
		description: 'The RESTlet script (internal ID or script ID)',
	},
	{
		displayName: 'Deployment ID',
		name: 'deploy',
		type: 'string',
		default: '1',
		required: true,
		placeholder: 'e.g. 1 or customdeploy1',
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'POST',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
	},
	{
		displayName: 'Query Parameters (JSON)',
		name: 'params',
		type: 'json',
		default: '{}',
		description: 'Extra URL parameters the RESTlet reads (GET and DELETE pass their input this way)',
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['POST', 'PUT'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['restlet'], operation: ['call'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const script = String(this.getNodeParameter('script', itemIndex, '')).trim();
	const deploy = String(this.getNodeParameter('deploy', itemIndex, '')).trim();
	if (!script) throw new NodeOperationError(this.getNode(), 'Script ID is required to call a RESTlet', { itemIndex });
	if (!deploy) throw new NodeOperationError(this.getNode(), 'Deployment ID is required to call a RESTlet', { itemIndex });
	const method = this.getNodeParameter('method', itemIndex, 'POST') as IHttpRequestMethods;
	const params = jsonParameter(this, 'params', 'Query Parameters (JSON)', itemIndex);
	const body = method === 'POST' || method === 'PUT' ? jsonParameter(this, 'body', 'Body (JSON)', itemIndex) : undefined;
	const response = await netSuiteRequest<unknown>(this, {
		method,
		restlet: true,
		qs: { script, deploy, ...params },
		body,
		itemIndex,
	});
	const result = response.body;
	if (Array.isArray(result)) return result.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as IDataObject) : { value: entry }));
	if (typeof result === 'object' && result !== null) return result as IDataObject;
	return { statusCode: response.statusCode, result: result ?? null };
}
