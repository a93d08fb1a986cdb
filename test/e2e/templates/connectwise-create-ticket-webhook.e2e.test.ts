/**
 * workflows/connectwise-create-ticket-webhook.json as shipped, against the ConnectWise sandbox: the same
 * request twice creates one ticket (the second answer is the open ticket), a refused ticket is kept in
 * the Exception Queue with the request, once however often it is refused.
 * (test/e2e/connectwise.e2e.test.ts covers 201, 404 and 422 answers.)
 */
import type { CredentialJson } from '../../../cli/runtime';
import { sandboxCredentials } from '../../../cli/sandboxCredentials';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { useN8n } from '../harness';
import { queueInspector, queueItems, storeCredential, templates } from './helpers';

const PATH = 'connectwise-demo-ticket';
let sandbox: RunningSandbox;

describe('connectwise-create-ticket-webhook template in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ systems: ['connectwise'], seed: 11 });
		const cw = sandboxCredentials(sandbox).find((c) => c.type === 'connectWisePsaApi') as CredentialJson;
		const credentials = [cw, storeCredential];
		return { credentials, workflows: [...templates(['connectwise-create-ticket-webhook'], credentials), queueInspector('cw-e2e-queue', storeCredential)] };
	});
	afterAll(async () => await sandbox?.close());

	const client = () =>
		sandbox.records<{ id: number; identifier: string; types: Array<{ name: string }> }>('connectwise', 'companies').find((c) => c.types.some((t) => t.name === 'Client'))!;
	const tickets = (summary: string) => sandbox.records<{ id: number; summary: string; company: { id: number } }>('connectwise', 'tickets').filter((t) => t.summary === summary);

	it('creates one ticket for the same request sent twice, also with quotes in the summary', async () => {
		const summary = `Printer "HP-2" offline \\ floor ${Date.now() % 1000}`;
		const body = { summary, companyIdentifier: client().identifier };

		const first = await n8n().callWebhook<{ ticketId: number; existing?: boolean }>(PATH, { body });
		const second = await n8n().callWebhook<{ ticketId: number; existing?: boolean }>(PATH, { body });

		expect(first.status).toBe(201);
		expect(second.status).toBe(200);
		expect(second.body).toMatchObject({ ticketId: first.body.ticketId, existing: true });
		expect(tickets(summary)).toEqual([expect.objectContaining({ id: first.body.ticketId, company: expect.objectContaining({ id: client().id }) })]);
	});

	it('keeps a refused ticket in the Exception Queue with the request, one exception however often it is refused', async () => {
		const summary = `E2E ${'x'.repeat(120)}`;
		const body = { summary, companyIdentifier: client().identifier };

		const refused = await n8n().callWebhook<{ error: string }>(PATH, { body });

		expect(refused.status).toBe(422);
		const key = `ticket:${client().identifier}:${summary}`;
		const [queued, ...more] = await queueItems(n8n(), 'cw-e2e-queue', 'connectwise-tickets');
		expect(more).toEqual([]);
		expect(queued).toMatchObject({ key, status: 'open', attempts: 1, errorClass: 'validation', system: 'connectwise', entity: 'ticket', node: 'Create Ticket' });
		expect(queued.message).toBe(refused.body.error);
		expect(queued.payload.json).toEqual({ summary, companyIdentifier: client().identifier });
		expect(tickets(summary)).toEqual([]);

		// The same request again fails again: one exception, two attempts.
		await n8n().callWebhook(PATH, { body });
		const [again] = await queueItems(n8n(), 'cw-e2e-queue', 'connectwise-tickets');
		expect(again).toMatchObject({ id: queued.id, attempts: 2, status: 'open' });
	});
});
