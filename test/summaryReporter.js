// Prints one plain closing line per jest run ("unit: N passed, N failed, N skipped") and appends the
// counts to .test-results/summary.jsonl so .ci/run can print the grand total across runs.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
	constructor(globalConfig) {
		this.rootDir = globalConfig.rootDir;
	}

	onRunComplete(_contexts, results) {
		const projects = [...new Set(results.testResults.map((r) => r.displayName?.name).filter(Boolean))];
		const label = projects.length === 1 ? projects[0] : 'tests';
		const passed = results.numPassedTests;
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		const skipped = results.numPendingTests + results.numTodoTests;
		process.stdout.write(`\n${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
		const dir = path.join(this.rootDir, '.test-results');
		fs.mkdirSync(dir, { recursive: true });
		fs.appendFileSync(path.join(dir, 'summary.jsonl'), JSON.stringify({ label, passed, failed, skipped }) + '\n');
	}
}

module.exports = SummaryReporter;
