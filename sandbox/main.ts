import { SANDBOX_SYSTEMS, formatSandboxInfo, startSandbox, type SandboxOptions } from './index';

/** Options from `--port 4010 --host 127.0.0.1 --seed 42 --systems connectwise --tickets 2600 --public-url URL`. */
export function parseSandboxArgs(argv: string[]): SandboxOptions {
	const options: SandboxOptions = {};
	const intArg = (flag: string, value: string | undefined): number => {
		if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${flag} needs a whole number`);
		return Number(value);
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		switch (flag) {
			case '--port':
				options.port = intArg(flag, value);
				i++;
				break;
			case '--seed':
				options.seed = intArg(flag, value);
				i++;
				break;
			case '--host':
				if (!value) throw new Error('--host needs a value');
				options.host = value;
				i++;
				break;
			case '--public-url':
				if (!value) throw new Error('--public-url needs a value');
				options.publicUrl = value;
				i++;
				break;
			case '--systems':
				if (!value) throw new Error(`--systems needs a comma-separated list (${SANDBOX_SYSTEMS.join(', ')})`);
				options.systems = value.split(',').map((s) => s.trim()).filter(Boolean);
				i++;
				break;
			case '--tickets':
				options.connectwise = { ...options.connectwise, tickets: intArg(flag, value) };
				i++;
				break;
			case '--no-rate-limit':
				options.rateLimits = Object.fromEntries(SANDBOX_SYSTEMS.map((s) => [s, null]));
				break;
			default:
				throw new Error(`unknown option ${flag}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox(parseSandboxArgs(process.argv.slice(2)));
	process.stdout.write(`${formatSandboxInfo(sandbox)}\nPress Ctrl+C to stop.\n`);
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
