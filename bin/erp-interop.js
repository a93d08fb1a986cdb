#!/usr/bin/env node
'use strict';
let cli;
try {
	cli = require('../dist/cli/index.js');
} catch (error) {
	if (error && error.code === 'MODULE_NOT_FOUND') {
		process.stderr.write('erp-interop is not built yet: run `npm run build` first.\n');
		process.exit(1);
	}
	throw error;
}
cli.main(process.argv.slice(2)).then(
	(code) => process.exit(code ?? 0),
	(error) => {
		process.stderr.write(`erp-interop: ${error && error.message ? error.message : String(error)}\n`);
		process.exit(1);
	},
);
