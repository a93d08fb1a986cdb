/** The README's main command: `erp-interop demo` runs its scenario against a real n8n and the sandbox. */
import { join } from 'node:path';

import { freePort, runProcess } from '../../cli/runtime';
import { PROJECT_ROOT, e2eRuntime } from './harness';

describe('erp-interop demo', () => {
	it('starts the sandbox and n8n with the pack, runs the scenario, prints the editor URL and exits', async () => {
		await e2eRuntime();
		const [port, sandboxPort] = [await freePort(), await freePort()];

		const result = await runProcess(
			process.execPath,
			[join(PROJECT_ROOT, 'dist', 'cli', 'bin.js'), 'demo', '--exit', '--port', String(port), '--sandbox-port', String(sandboxPort)],
			{ cwd: PROJECT_ROOT, timeoutMs: 480_000 },
		);

		expect(result.stderr).not.toMatch(/erp-interop: /);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/Service Desk\s+\d+/);
		expect(result.stdout).toMatch(/HTTP 201/);
		expect(result.stdout).toMatch(/sandbox tickets: (\d+) → (\d+)/);
		const [, before, after] = /sandbox tickets: (\d+) → (\d+)/.exec(result.stdout) ?? [];
		expect(Number(after)).toBe(Number(before) + 1);
		expect(result.stdout).toMatch(/x12-850-to-997 → HTTP 200, 997 AK9 status A/);
		// Every step of the progress display ended with a tick, none with a cross.
		const steps = result.stdout.match(/^([✓✗]) \[(\d+)\/(\d+)\]/gm) ?? [];
		expect(steps.length).toBeGreaterThanOrEqual(10);
		expect(steps.every((line) => line.startsWith('✓'))).toBe(true);
		// Three purchase orders through NetSuite and ShipHero, shipped and invoiced.
		expect(result.stdout.match(/PO HH-\d+ \(\d+ lines, [\d.]+\): NetSuite \S+ total [\d.]+, ShipHero order \S+, partner got 997 \+ 855/g)).toHaveLength(3);
		expect(result.stdout.match(/PO HH-\d+: shipment \S+ → 856 sent, NetSuite invoice \S+ \([\d.]+\) → 810 sent/g)).toHaveLength(3);
		expect(result.stdout).toMatch(/SKU-1004 @ Primary set to 321 → NetSuite balance \S+ on hand 321, 846 sent/);
		expect(result.stdout).toMatch(/scenario finished in [\d.]+ s/);
		expect(result.stdout).toContain(`n8n editor: http://127.0.0.1:${port}/`);
	}, 540_000);
});
