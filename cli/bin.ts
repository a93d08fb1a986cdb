#!/usr/bin/env node
import { main } from './index';

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`erp-interop: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);
