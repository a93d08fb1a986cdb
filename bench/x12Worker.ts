/**
 * One X12 benchmark measurement in its own process, so that its peak RSS is its own. Prints one JSON line:
 * `{ mode, bytes, ms, maxRssMb, ... }`. Run by bench/x12.ts; not meant to be run by hand.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { X12Parser } from 'node-x12';

import { buildInterchange, parseX12, segment, tokenizeX12Batches, validateX12, validateX12Stream } from '../nodes/X12/core';

async function measure(mode: string, arg: string): Promise<Record<string, unknown>> {
	// Generation input is built before the clock starts: only buildInterchange is measured.
	const orders = mode === 'generate' ? Array.from({ length: Number(arg) }, (_, i) => ({ id: '850', segments: purchaseOrder(i) })) : [];
	const started = process.hrtime.bigint();
	let bytes = 0;
	let check: unknown;
	switch (mode) {
		case 'split': {
			// The hand-rolled baseline: whole file in memory, split on the terminator and the element separator.
			const text = readFileSync(arg, 'utf8');
			bytes = Buffer.byteLength(text);
			let segments = 0;
			let elements = 0;
			for (const raw of text.split('~')) {
				const trimmed = raw.trim();
				if (!trimmed) continue;
				segments++;
				elements += trimmed.split('*').length;
			}
			check = { segments, elements };
			break;
		}
		case 'split-stream': {
			// The same baseline on 1 MiB file reads, carrying the partial segment over.
			let carry = '';
			let segments = 0;
			let elements = 0;
			const decoder = new TextDecoder('utf-8');
			const count = (raw: string) => {
				const trimmed = raw.trim();
				if (!trimmed) return;
				segments++;
				elements += trimmed.split('*').length;
			};
			for await (const chunk of createReadStream(arg, { highWaterMark: 1 << 20 })) {
				bytes += (chunk as Buffer).length;
				const parts = (carry + decoder.decode(chunk as Buffer, { stream: true })).split('~');
				carry = parts.pop() ?? '';
				for (const raw of parts) count(raw);
			}
			count(carry + decoder.decode());
			check = { segments, elements };
			break;
		}
		case 'parse': {
			const input = readFileSync(arg);
			bytes = input.length;
			const result = validateX12(input);
			check = { valid: result.valid, sets: result.transactionSets };
			break;
		}
		case 'stream': {
			bytes = statSync(arg).size;
			const result = await validateX12Stream(createReadStream(arg, { highWaterMark: 1 << 20 }));
			check = { valid: result.valid, sets: result.transactionSets };
			break;
		}
		case 'tokens': {
			const input = readFileSync(arg);
			bytes = input.length;
			let segments = 0;
			let elements = 0;
			for (const interchange of parseX12(input).interchanges) {
				for (const seg of interchange.segments) {
					segments++;
					elements += seg.elements.length + 1;
				}
			}
			check = { segments, elements };
			break;
		}
		case 'tokens-stream': {
			bytes = statSync(arg).size;
			let segments = 0;
			let elements = 0;
			for await (const batch of tokenizeX12Batches(createReadStream(arg, { highWaterMark: 1 << 20 }))) {
				for (const event of batch) {
					if (event.kind !== 'segment') continue;
					segments++;
					elements += event.segment.elements.length + 1;
				}
			}
			check = { segments, elements };
			break;
		}
		case 'node-x12': {
			const text = readFileSync(arg, 'utf8');
			bytes = Buffer.byteLength(text);
			const interchange = new X12Parser().parse(text) as { functionalGroups: Array<{ transactions: unknown[] }> };
			check = { sets: interchange.functionalGroups.reduce((n, g) => n + g.transactions.length, 0) };
			break;
		}
		case 'generate': {
			const sets = Number(arg);
			const built = await buildInterchange(
				{
					sender: { qualifier: 'ZZ', id: 'BENCHSENDER' },
					receiver: { qualifier: 'ZZ', id: 'BENCHRECEIVER' },
					version: '00401',
					controlNumbers: { interchange: 1, group: 1, set: 1 },
					groups: [
						{
							functionalId: 'PO',
							appSender: 'BENCHSENDER',
							appReceiver: 'BENCHRECEIVER',
							version: '004010',
							sets: orders,
						},
					],
				},
				{ element: '*', component: '>', segment: '~', suffix: '\n' },
			);
			bytes = Buffer.byteLength(built.text);
			check = { sets };
			break;
		}
		default:
			throw new Error(`unknown mode ${mode}`);
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	return { mode, bytes, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, check };
}

/** The body of one realistic 850: header, a party loop and ten lines. */
export function purchaseOrder(i: number) {
	const lines = Array.from({ length: 10 }, (_, l) => [
		segment('PO1', String(l + 1), String(1 + ((i + l) % 40)), 'EA', (9.99 + l).toFixed(2), '', 'VP', `SKU-${(i * 10 + l) % 99991}`, 'UP', '012345678905'),
		segment('PID', 'F', '', '', '', `Item ${l + 1} of order ${i}`),
	]);
	return [
		segment('BEG', '00', 'SA', `PO${100000 + i}`, '', '20261123'),
		segment('REF', 'DP', '042'),
		segment('N1', 'ST', 'Store 42', '92', '0042'),
		segment('N3', '1 Main Street'),
		segment('N4', 'Springfield', 'IL', '62701', 'US'),
		...lines.flat(),
		segment('CTT', '10'),
	];
}

if (require.main === module) {
	const [mode, arg] = process.argv.slice(2);
	measure(mode, arg).then(
		(result) => process.stdout.write(`${JSON.stringify(result)}\n`),
		(error: unknown) => {
			process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
			process.exit(1);
		},
	);
}
