/** A FIFO async mutex per name: serialises the executions of one process on one file. */
export class KeyedMutex {
	private readonly tails = new Map<string, Promise<void>>();

	async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(name) ?? Promise.resolve();
		let release!: () => void;
		const current = new Promise<void>((resolve) => (release = resolve));
		const tail = previous.then(() => current);
		this.tails.set(name, tail);
		await previous;
		try {
			return await fn();
		} finally {
			release();
			// Drop the entry when nobody queued behind us, so the map does not grow forever.
			if (this.tails.get(name) === tail) this.tails.delete(name);
		}
	}
}
