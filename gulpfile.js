// Copies the non-TypeScript assets n8n loads at run time (icons, codex files) next to the built nodes.
const { src, dest, task } = require('gulp');

task('build:assets', () =>
	src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(dest('dist')),
);
