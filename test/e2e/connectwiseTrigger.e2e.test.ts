/**
 * The ConnectWise PSA Trigger in a real n8n against the ConnectWise sandbox: activation registers a
 * callback, a signed callback from the sandbox starts exactly one execution, and a payload whose
 * key_url points at another host is refused with 401 without any request to that host.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { CredentialJson, WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type ConnectWisePlugin, type RunningSandbox } from '../../sandbox';
import { useN8n } from './harness';

const WEBHOOK_ID = '5c0f3a1e-7b2d-4c8e-9a61-2f4d8e0b7c13';
const PATH = `${WEBHOOK_ID}/callback`;

let sandbox: RunningSandbox;
let good: CredentialJson;
let otherHost: Server;
let otherHostRequests = 0;

function triggerWorkflow(credential: CredentialJson): WorkflowJson {
	return {
		id: 'cwTriggerFlow001',
		name: 'CW ticket callbacks',
		active: true,
		nodes: [
			{
				id: 'cwtrig-1',
				name: 'ConnectWise Trigger',
				type: 'n8n-nodes-erp-interop.connectWisePsaTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { type: 'ticket', level: 'owner', options: {} },
				credentials: { connectWisePsaApi: { id: credential.id, name: credential.name } },
			},
			{ id: 'cwtrig-2', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { 'ConnectWise Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

interface Execution {
	id: string;
	status: string;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

describe('ConnectWise PSA Trigger in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ seed: 7, systems: ['connectwise'] });
		[good] = sandboxCredentials(sandbox);
		otherHost = createServer((_req, res) => {
			otherHostRequests++;
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ signing_key: 'attacker-key' }));
		});
		await new Promise<void>((resolve) => otherHost.listen(0, '127.0.0.2', resolve));
		return {
			credentials: [good],
			workflows: [triggerWorkflow(good)],
			webhooks: [{ path: PATH, method: 'POST' }],
		};
	});

	afterAll(async () => {
		await sandbox?.close();
		await new Promise((resolve) => otherHost?.close(resolve));
	});

	const executions = async () =>
		(await n8n().publicApi<{ data: Execution[] }>('GET', 'executions?workflowId=cwTriggerFlow001&includeData=true&limit=50')).body
			.data;

	it('registers its callback on activation, and a sandbox callback starts exactly one execution', async () => {
		const callbacks = sandbox.records<{ id: number; url: string; type: string; level: string }>('connectwise', 'callbacks');
		const mine = callbacks.filter((c) => c.url.includes(WEBHOOK_ID));
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ type: 'ticket', level: 'owner' });
		expect(mine[0].url).toMatch(new RegExp(`/webhook/${PATH}\\?recordId=$`));

		const ticket = sandbox.records<{ id: number; summary: string }>('connectwise', 'tickets')[0];
		const before = (await executions()).length;
		const sent = sandbox.plugin<ConnectWisePlugin>('connectwise').fireCallback('tickets', ticket.id, 'updated');
		expect(sent).toBe(1);
		await sandbox.webhooksIdle();

		const [delivery] = sandbox.deliveries('connectwise');
		expect(delivery.status).toBe(200);
		expect(delivery.attempt).toBe(1);
		expect(delivery.url).toContain(`?recordId=${ticket.id}&action=updated`);

		let list: Execution[] = [];
		for (let i = 0; i < 50 && list.length <= before; i++) {
			list = await executions();
			if (list.length <= before) await new Promise((r) => setTimeout(r, 200));
		}
		expect(list).toHaveLength(before + 1);
		const run = list[0];
		expect(run.status).toBe('success');
		const item = run.data?.resultData?.runData?.['ConnectWise Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
		expect(item).toMatchObject({ action: 'updated', id: ticket.id, type: 'ticket', Entity: { id: ticket.id, summary: ticket.summary } });
	});

	it('refuses a key_url on another host with 401, without any request to that host and without a run', async () => {
		const before = (await executions()).length;
		const { port } = otherHost.address() as AddressInfo;
		const body = JSON.stringify({
			MessageId: 'forged-1',
			Action: 'updated',
			Type: 'ticket',
			ID: 1,
			Entity: '{"id":1,"summary":"forged"}',
			Metadata: { key_url: `http://127.0.0.2:${port}/v4_6_release/apis/3.0/system/callbackKeys/1` },
		});
		const { createHash, createHmac } = await import('node:crypto');
		const signature = createHmac('sha256', createHash('sha256').update('attacker-key').digest()).update(body).digest('base64');

		const response = await n8n().callWebhook(PATH, {
			rawBody: body,
			headers: { 'content-type': 'application/json', 'x-content-signature': signature },
			query: { recordId: '1' },
		});

		expect(response.status).toBe(401);
		expect(otherHostRequests).toBe(0);
		await new Promise((r) => setTimeout(r, 500));
		expect(await executions()).toHaveLength(before);
	});

	it('refuses a callback signed with the wrong key', async () => {
		const before = (await executions()).length;
		const key = sandbox.plugin<ConnectWisePlugin>('connectwise').signingKey();
		const body = JSON.stringify({
			Action: 'added',
			Type: 'ticket',
			ID: 2,
			Entity: '{"id":2}',
			Metadata: { key_url: `${good.data.siteUrl as string}/v4_6_release/apis/3.0/system/callbackKeys/1` },
		});
		const { createHash, createHmac } = await import('node:crypto');
		const forged = createHmac('sha256', createHash('sha256').update(`${key}x`).digest()).update(body).digest('base64');

		const response = await n8n().callWebhook(PATH, {
			rawBody: body,
			headers: { 'content-type': 'application/json', 'x-content-signature': forged },
		});

		expect(response.status).toBe(401);
		await new Promise((r) => setTimeout(r, 500));
		expect(await executions()).toHaveLength(before);
	});
});
