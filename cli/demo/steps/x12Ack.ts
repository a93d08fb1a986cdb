import { buildInterchange, elementValue, parseX12, segment } from '../../../nodes/X12/core';
import { DEMO_DISTRIBUTOR, DEMO_RETAILER } from '../../sandboxCredentials';
import type { DemoStep } from '../types';

/** A retailer's purchase order, as it would arrive over AS2/SFTP, answered with a 997 in the HTTP response. */
export const x12Ack: DemoStep = {
	title: 'X12: an 850 answered with a 997 (x12-850-to-997)',
	async run({ n8n }, print) {
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
		print(`POST an 850 (2 lines) to /webhook/x12-850-to-997 → HTTP ${ack.status}, 997 AK9 status ${ak9 ? elementValue(ak9, 1) : 'missing'}`);
		if (ack.status !== 200 || !ak9 || elementValue(ak9, 1) !== 'A') {
			throw new Error(`the 850 → 997 workflow did not accept the purchase order (HTTP ${ack.status}): ${ack.text.slice(0, 300)}`);
		}
	},
};
