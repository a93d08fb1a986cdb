import { demoCommand } from './commands/demo';
import { sandboxCommand } from './commands/sandbox';
import { screenshotsCommand } from './commands/screenshots';
import { templatesCommand } from './commands/templates';
import { x12Command } from './commands/x12';
import type { Command } from './commands/types';

const COMMANDS: Command[] = [demoCommand, sandboxCommand, x12Command, templatesCommand, screenshotsCommand];

function overview(): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	return [
		'Usage: erp-interop <command> [options]',
		'',
		'Commands:',
		...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
		'',
		'Run `erp-interop <command> --help` for a command’s options.',
	].join('\n');
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		process.stdout.write(`${overview()}\n`);
		return name ? 0 : 1;
	}
	const command = COMMANDS.find((c) => c.name === name);
	if (!command) {
		process.stderr.write(`erp-interop: unknown command "${name}"\n\n${overview()}\n`);
		return 2;
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		process.stdout.write(`${command.usage}\n`);
		return 0;
	}
	return command.run(rest);
}
