/**
 * Headless Chromium (Debian package `chromium`) for the report rendering test: a screenshot and the
 * DOM after parsing. Missing Chromium is a failure with the command that installs it, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome'];

function onPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		const file = join(dir, name);
		if (dir && existsSync(file)) return file;
	}
	return undefined;
}

export function findChromium(): string {
	const configured = process.env.CHROMIUM_BIN;
	if (configured && existsSync(configured)) return configured;
	for (const name of CANDIDATES) {
		const found = onPath(name);
		if (found) return found;
	}
	throw new Error('Chromium is not installed: the HTML report rendering test needs it. Install it with `apt-get install -y chromium` (Debian), or set CHROMIUM_BIN.');
}

function run(args: string[], timeout = 60_000): { stdout: string; stderr: string } {
	const profile = mkdtempSync(join(tmpdir(), 'scorecard-chromium-'));
	try {
		const result = spawnSync(
			findChromium(),
			['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--disable-extensions', `--user-data-dir=${profile}`, ...args],
			{ encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 },
		);
		if (result.error) throw result.error;
		if (result.status !== 0) throw new Error(`chromium exited with ${result.status}:\n${result.stderr}`);
		return { stdout: result.stdout, stderr: result.stderr };
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
}

export function screenshot(htmlFile: string, pngFile: string, width = 1000, height = 2000): void {
	run([`--window-size=${width},${height}`, `--screenshot=${pngFile}`, `file://${htmlFile}`]);
	if (!existsSync(pngFile)) throw new Error(`chromium wrote no screenshot to ${pngFile}`);
}

export function dumpDom(htmlFile: string): string {
	return run(['--dump-dom', `file://${htmlFile}`]).stdout;
}

/** The OCR engine (Debian package `tesseract-ocr`); missing is a failure with the install command. */
export function ocr(pngFile: string): string {
	const binary = onPath('tesseract');
	if (!binary) throw new Error('tesseract is not installed: the report OCR check needs it. Install it with `apt-get install -y tesseract-ocr` (Debian).');
	// One thread: much faster than OpenMP's default on a busy 2-core machine.
	const result = spawnSync(binary, [pngFile, 'stdout', '--psm', '6'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
	if (result.status !== 0) throw new Error(`tesseract exited with ${result.status}:\n${result.stderr}`);
	return result.stdout;
}
