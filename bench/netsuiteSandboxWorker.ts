/**
 * The NetSuite sandbox in its own process for the SuiteQL benchmark: the server's CPU (building and
 * serialising 1,000-row pages) must not compete with the client being measured, as it would not
 * against the real NetSuite.
 */
import { startSandbox, type RunningSandbox } from '../sandbox';

interface Command {
	id: number;
	op: 'start' | 'resetStats' | 'stats' | 'close';
	options?: Parameters<typeof startSandbox>[0];
}

let sandbox: RunningSandbox | undefined;

process.on('message', (message: Command) => {
	void (async () => {
		let result: unknown = null;
		if (message.op === 'start') {
			sandbox = await startSandbox(message.options);
			result = { url: sandbox.url, systems: sandbox.systems };
		} else if (message.op === 'resetStats') sandbox?.resetStats();
		else if (message.op === 'stats') result = sandbox?.stats();
		else if (message.op === 'close') {
			await sandbox?.close();
			process.send?.({ id: message.id, result: null }, () => process.exit(0));
			return;
		}
		process.send?.({ id: message.id, result });
	})().catch((error: unknown) => process.send?.({ id: message.id, error: String(error) }));
});
