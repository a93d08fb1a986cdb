/** `npm run test:scale` (test/scale/run.js): the queue-mode suites, kept out of the unit and e2e projects. */
const { join } = require('node:path');

module.exports = {
	rootDir: join(__dirname, '..', '..'),
	displayName: 'scale',
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	roots: ['<rootDir>/test/scale'],
	testMatch: ['**/*.scale.ts'],
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
