/**
 * The demo's progress display: one line per step with its number, a live elapsed time on a terminal,
 * and ✓/✗ with the duration when it ends. Lines a step prints appear indented under it. Without a
 * terminal (CI, a pipe) it prints plain lines only.
 */
export type Print = (line: string) => void;

export class Progress {
	private index = 0;
	private readonly tty: boolean;

	constructor(
		private readonly total: number,
		private readonly out: NodeJS.WriteStream = process.stdout,
	) {
		this.tty = Boolean(out.isTTY) && process.env.CI === undefined;
	}

	/** Runs one step; `print` writes lines under it. Rethrows the step's error after marking it failed. */
	async step<T>(title: string, run: (print: Print) => Promise<T>): Promise<T> {
		this.index++;
		const label = `[${this.index}/${this.total}] ${title}`;
		const started = Date.now();
		const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
		let ticker: NodeJS.Timeout | undefined;
		const pending: string[] = [];
		if (this.tty) {
			this.out.write(`  ${label} …`);
			ticker = setInterval(() => this.out.write(`\r\x1b[2K  ${label} … ${seconds()} s`), 200);
		} else {
			this.out.write(`  ${label} …\n`);
		}
		// On a terminal the live line is rewritten, so lines wait until the step ends.
		const print: Print = (line) => (this.tty ? pending.push(line) : this.out.write(`      ${line}\n`));
		const finish = (mark: string) => {
			if (ticker) clearInterval(ticker);
			this.out.write(`${this.tty ? '\r\x1b[2K' : ''}${mark} ${label} (${seconds()} s)\n`);
			for (const line of pending) this.out.write(`      ${line}\n`);
		};
		try {
			const result = await run(print);
			finish('✓');
			return result;
		} catch (error) {
			finish('✗');
			throw error;
		}
	}
}
