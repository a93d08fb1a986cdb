import type { NodeApiError } from 'n8n-workflow';

import { connectWiseErrorMapper } from '../../nodes/ConnectWisePsa/transport';
import { API, api, byId, run, setupNock } from './helpers';

setupNock();

describe('ConnectWise PSA error mapper', () => {
	it.each([
		[401, { code: 'Unauthorized', message: 'x' }, 'auth'],
		[401, '', 'auth'],
		[403, { code: 'Forbidden', message: 'Not allowed' }, 'permission'],
		[404, { code: 'NotFound', message: 'Ticket not found' }, 'not_found'],
		[400, { code: 'InvalidObject', message: 'bad', errors: [] }, 'validation'],
		[400, { code: 'ConnectWiseApi', message: 'Invalid condition' }, 'validation'],
		[500, { code: 'ConnectWiseApi', message: 'Boom' }, 'transient'],
		[409, { code: 'constructor', message: 'not a mapped code' }, 'conflict'],
		[418, '<html>teapot</html>', 'unknown'],
	])('status %s with %j is %s', (statusCode, body, errorClass) => {
		expect(connectWiseErrorMapper.map({ statusCode, headers: {}, body }).errorClass).toBe(errorClass);
	});

	it('keeps the vendor message and reads field errors from errors[]', () => {
		const mapped = connectWiseErrorMapper.map({
			statusCode: 400,
			headers: {},
			body: JSON.stringify({
				code: 'InvalidObject',
				message: 'ticket object is invalid',
				errors: [{ code: 'NullValue', message: 'Summary may not be empty', resource: 'ticket', field: 'summary' }],
			}),
		});
		expect(mapped).toMatchObject({
			code: 'InvalidObject',
			message: 'ticket object is invalid (summary)',
			fieldErrors: [{ field: 'summary', code: 'NullValue', message: 'Summary may not be empty' }],
		});
	});
});

describe('ConnectWise PSA errors in operations', () => {
	it('names the invalid fields of a 400 InvalidObject', async () => {
		api()
			.post(`${API}/service/tickets`)
			.reply(400, {
				code: 'InvalidObject',
				message: 'ticket object is invalid',
				errors: [
					{ code: 'NullValue', message: 'Summary may not be empty', resource: 'ticket', field: 'summary' },
					{ code: 'InvalidReference', message: 'Board not found', resource: 'ticket', field: 'board' },
				],
			});
		const error = (await run({
			resource: 'ticket',
			operation: 'create',
			summary: 'x',
			boardId: 99,
			companyId: byId(1),
			additionalFields: {},
		}).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('ConnectWise PSA 400 [InvalidObject]: ticket object is invalid (summary, board)');
		expect(error.description).toContain('summary: Summary may not be empty');
		expect(error.description).toContain('board: Board not found');
		expect(error.context.errorClass).toBe('validation');
		expect(error.context.fieldErrors).toHaveLength(2);
		expect(error.context.itemIndex).toBe(0);
	});

	it('reports a 404 as not found', async () => {
		api().get(`${API}/project/projects/404`).reply(404, { code: 'NotFound', message: 'Project 404 not found' });
		const error = (await run({ resource: 'project', operation: 'get', projectId: byId(404) }).catch(
			(e: unknown) => e,
		)) as NodeApiError;
		expect(error.message).toContain('Project 404 not found');
		expect(error.context.errorClass).toBe('not_found');
		expect(error.httpCode).toBe('404');
	});

	it('rejects a record ID that is not a number before any request', async () => {
		await expect(run({ resource: 'project', operation: 'get', projectId: byId('abc') })).rejects.toThrow(
			/Project: "abc" is not a valid ConnectWise record ID/,
		);
	});
});
