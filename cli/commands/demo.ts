import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { buildInterchange, elementValue, parseX12, segment } from '../../nodes/X12/core';
import { formatSandboxInfo, startSandbox, type RunningSandbox } from '../../sandbox';
import { numberFlag, parseArgs } from '../args';
import { DEFAULT_OWNER, defaultN8nVersion, ensureBuilt, ensureN8n, N8nInstance, nodeItems, packProject } from '../runtime';
import { DEMO_DISTRIBUTOR, DEMO_RETAILER, demoCredentials } from '../sandboxCredentials';
import { bindCredentials, loadTemplates, stableId } from '../workflows';
import type { Command } from './types';

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

const log = (line: string) => process.stdout.write(`${line}\n`);

export const demoCommand: Command = {
	name: 'demo',
	summary: 'sandbox + a real n8n with this pack and the example workflows; runs a scenario and prints the editor URL',
	usage: `erp-interop demo [options]

Builds and packs this project, starts the vendor sandbox, installs the pinned n8n (once, into
~/.cache/n8n-nodes-erp-interop), installs the packed pack into a fresh n8n user folder, imports a sandbox
credential and every workflow in workflows/, runs a scripted scenario against the sandbox, and prints the
editor URL and login. Keeps running until Ctrl+C.

Options:
  --port N           n8n editor port (default 5678)
  --sandbox-port N   sandbox port (default 4010)
  --n8n-version V    n8n version (default ${defaultN8nVersion()})
  --exit             run the scenario, then stop everything (for scripts and CI)`,
	async run(argv) {
		const { flags } = parseArgs(argv, ['exit']);
		const port = numberFlag(flags, 'port', 5678);
		const sandboxPort = numberFlag(flags, 'sandbox-port', 4010);
		const version = typeof flags['n8n-version'] === 'string' ? flags['n8n-version'] : defaultN8nVersion();

		log('1/5 building and packing the pack');
		await ensureBuilt(PROJECT_ROOT, log);
		const tarball = await packProject(PROJECT_ROOT);

		log('2/5 starting the vendor sandbox');
		const sandbox = await startSandbox({ port: sandboxPort });
		log(formatSandboxInfo(sandbox));

		log(`3/5 installing n8n ${version} (first run only: a few minutes)`);
		const runtime = await ensureN8n(version);
		const credentials = demoCredentials(sandbox);
		const workflows = loadTemplates(join(PROJECT_ROOT, 'workflows')).map((w) => bindCredentials(w, credentials));
		const userFolder = join(PROJECT_ROOT, '.demo', 'n8n');
		mkdirSync(userFolder, { recursive: true });

		log('4/5 starting n8n with the pack, the sandbox credential and the workflows');
		const n8n = await N8nInstance.create({
			runtime,
			userFolder,
			keepUserFolder: true,
			port,
			packages: [tarball],
			credentials,
			workflows,
		});
		const stopAll = async () => {
			await n8n.stop();
			await sandbox.close();
		};
		try {
			await n8n.start();
			await n8n.setupOwner();
			log('5/5 running the scenario');
			await runScenario(n8n, sandbox);
		} catch (error) {
			await stopAll();
			throw error;
		}

		log('');
		log(`n8n editor: http://127.0.0.1:${port}/  (login ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password})`);
		log(`sandbox:    ${sandbox.url}/__sandbox/health`);
		if (flags.exit) {
			await stopAll();
			return 0;
		}
		log('Press Ctrl+C to stop.');
		await new Promise<void>((done) => {
			process.once('SIGINT', () => done());
			process.once('SIGTERM', () => done());
		});
		await stopAll();
		return 0;
	},
};

async function runScenario(n8n: N8nInstance, sandbox: RunningSandbox): Promise<void> {
	const openTickets = await n8n.execute(stableId('workflow:connectwise-open-tickets'));
	if (openTickets.error) throw new Error(`open-tickets workflow failed: ${openTickets.error.message}`);
	log('   open tickets per board (ConnectWise PSA Get Many, Return All):');
	for (const row of nodeItems(openTickets, 'Summarise by Board')) log(`     ${String(row.board).padEnd(28)} ${row.open}`);

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
	log(`   POST /webhook/connectwise-demo-ticket for ${client.identifier} → HTTP ${response.status} ${response.text}`);
	if (response.status !== 201 || after !== before + 1) {
		throw new Error(`the ticket-intake workflow did not create a ticket (HTTP ${response.status}, tickets ${before} → ${after})`);
	}
	log(`   sandbox tickets: ${before} → ${after}`);

	// A retailer's purchase order, as it would arrive over AS2/SFTP, answered with a 997.
	const controlNumber = (Date.now() % 900_000_000) + 1;
	const po = await buildInterchange(
		{
			sender: DEMO_RETAILER,
			receiver: DEMO_DISTRIBUTOR,
			version: '00401',
			controlNumbers: { interchange: controlNumber, group: controlNumber, set: 1 },
			groups: [
				{
					functionalId: 'PO',
					appSender: DEMO_RETAILER.id,
					appReceiver: DEMO_DISTRIBUTOR.id,
					version: '004010',
					sets: [
						{
							id: '850',
							segments: [
								segment('BEG', '00', 'SA', `PO-${controlNumber}`, '', '20261123'),
								segment('PO1', '1', '24', 'EA', '12.50', '', 'VP', 'WIDGET-BLUE'),
								segment('PO1', '2', '6', 'EA', '99.00', '', 'VP', 'GADGET-XL'),
								segment('CTT', '2'),
							],
						},
					],
				},
			],
		},
		{ element: '*', component: '>', segment: '~', suffix: '\n' },
	);
	const ack = await n8n.callWebhook('x12-850-to-997', { rawBody: po.text, headers: { 'content-type': 'application/edi-x12' } });
	const ak9 = parseX12(ack.text).interchanges.flatMap((i) => i.segments).find((s) => s.id === 'AK9');
	log(`   POST an 850 (2 lines) to /webhook/x12-850-to-997 → HTTP ${ack.status}, 997 AK9 status ${ak9 ? elementValue(ak9, 1) : 'missing'}`);
	if (ack.status !== 200 || !ak9 || elementValue(ak9, 1) !== 'A') {
		throw new Error(`the 850 → 997 workflow did not accept the purchase order (HTTP ${ack.status}): ${ack.text.slice(0, 300)}`);
	}
}
