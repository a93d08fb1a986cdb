/** `npm run bench`: runs every benchmark and prints one table each. Benchmarks are never part of `npm test`. */
import { benchConnectWisePaging } from './connectwisePaging';
import { benchDeltaSync } from './deltaSync';
import { benchNetSuiteSuiteQl } from './netsuiteSuiteql';
import { benchX12 } from './x12';

const BENCHMARKS: Array<[string, (log: (line: string) => void) => Promise<string>]> = [
	['connectwise-paging', benchConnectWisePaging],
	['netsuite-suiteql', benchNetSuiteSuiteQl],
	['x12', benchX12],
	['delta-sync', benchDeltaSync],
];

async function main(): Promise<void> {
	const only = process.argv.slice(2);
	const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
	for (const [name, run] of BENCHMARKS) {
		if (only.length > 0 && !only.includes(name)) continue;
		process.stdout.write(`\n${await run(log)}\n`);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
