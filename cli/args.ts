/** Minimal argv parsing: `--name value`, `--name=value`, `--flag`, and positionals. */
export interface ParsedArgs {
	positionals: string[];
	flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], booleanFlags: string[] = []): ParsedArgs {
	const positionals: string[] = [];
	const flags: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			positionals.push(...argv.slice(i + 1));
			break;
		}
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			if (eq > 0) {
				flags[arg.slice(2, eq)] = arg.slice(eq + 1);
			} else {
				const name = arg.slice(2);
				const next = argv[i + 1];
				if (booleanFlags.includes(name) || next === undefined || next.startsWith('--')) flags[name] = true;
				else flags[name] = argv[++i];
			}
		} else if (arg === '-h') {
			flags.help = true;
		} else {
			positionals.push(arg);
		}
	}
	return { positionals, flags };
}

export function numberFlag(flags: ParsedArgs['flags'], name: string, fallback: number): number {
	const value = flags[name];
	if (value === undefined || value === true) return fallback;
	const n = Number(value);
	if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got "${value}"`);
	return n;
}
