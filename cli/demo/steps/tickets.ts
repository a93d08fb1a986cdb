import { nodeItems } from '../../runtime';
import { stableId } from '../../workflows';
import type { DemoStep } from '../types';

export const openTickets: DemoStep = {
	title: 'ConnectWise: open tickets per board (Get Many, Return All)',
	async run({ n8n }, print) {
		const result = await n8n.execute(stableId('workflow:connectwise-open-tickets'));
		if (result.error) throw new Error(`open-tickets workflow failed: ${result.error.message}`);
		for (const row of nodeItems(result, 'Summarise by Board')) print(`${String(row.board).padEnd(28)} ${row.open}`);
	},
};

export const ticketIntake: DemoStep = {
	title: 'ConnectWise: ticket intake webhook',
	async run({ n8n, sandbox }, print) {
		const client = sandbox
			.records<{ identifier: string; types: Array<{ name: string }> }>('connectwise', 'companies')
			.find((company) => company.types.some((type) => type.name === 'Client'));
		if (!client) throw new Error('the sandbox has no client company');
		const before = sandbox.records('connectwise', 'tickets').length;
		const response = await n8n.callWebhook<{ ticketId?: number }>('connectwise-demo-ticket', {
			method: 'POST',
			body: { summary: 'Printer offline on the 2nd floor', companyIdentifier: client.identifier },
		});
		const after = sandbox.records('connectwise', 'tickets').length;
		print(`POST /webhook/connectwise-demo-ticket for ${client.identifier} → HTTP ${response.status} ${response.text}`);
		if (response.status !== 201 || after !== before + 1) {
			throw new Error(`the ticket-intake workflow did not create a ticket (HTTP ${response.status}, tickets ${before} → ${after})`);
		}
		print(`sandbox tickets: ${before} → ${after}`);
	},
};
