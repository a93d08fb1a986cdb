import { formatSandboxInfo, SANDBOX_SYSTEMS, startSandbox } from '../../sandbox';
import { parseSandboxArgs } from '../../sandbox/main';
import type { Command } from './types';

export const sandboxCommand: Command = {
	name: 'sandbox',
	summary: 'start the local vendor sandbox and print base URLs and credentials',
	usage: `erp-interop sandbox [options]

Starts faithful local fakes of the vendor APIs (${SANDBOX_SYSTEMS.join(', ')}) on one loopback server and
prints each system's base URL and the credential values to type into n8n. Stops on Ctrl+C.

Options:
  --port N            port to listen on (default: a free port)
  --host ADDR         address to listen on (default 127.0.0.1)
  --seed N            data seed; the same seed gives identical data (default 42)
  --systems a,b       systems to start (default: all)
  --tickets N         ConnectWise service tickets to seed (default 2600)
  --public-url URL    URL to advertise when clients reach the sandbox through a proxy or container
  --no-rate-limit     turn off the vendor rate limits
Admin API: GET/POST <url>/__sandbox/{health,reset,faults,stats}`,
	async run(argv) {
		const sandbox = await startSandbox(parseSandboxArgs(argv));
		process.stdout.write(`${formatSandboxInfo(sandbox)}\nPress Ctrl+C to stop.\n`);
		await new Promise<void>((resolve) => {
			const stop = () => resolve();
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		});
		await sandbox.close();
		return 0;
	},
};
