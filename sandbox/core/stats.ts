import type { SystemStats } from './types';

type Counters = Omit<SystemStats, 'credentials'>;

/** Per-system request counters; per-credential figures live in each system's rate limiter. */
export class StatsRecorder {
	private readonly systems = new Map<string, Counters>();

	request(system: string): void {
		this.get(system).requests++;
	}

	response(system: string, status: number): void {
		const s = this.get(system);
		s.byStatus[String(status)] = (s.byStatus[String(status)] ?? 0) + 1;
		if (status === 429) s.rateLimited++;
	}

	injected(system: string, what: keyof Counters['injected']): void {
		this.get(system).injected[what]++;
	}

	snapshot(system: string): Counters {
		const s = this.get(system);
		return { ...s, byStatus: { ...s.byStatus }, injected: { ...s.injected } };
	}

	reset(): void {
		this.systems.clear();
	}

	private get(system: string): Counters {
		let s = this.systems.get(system);
		if (!s) {
			s = {
				requests: 0,
				rateLimited: 0,
				byStatus: {},
				injected: { errors: 0, burst429: 0, truncatedPages: 0, delayed: 0 },
			};
			this.systems.set(system, s);
		}
		return s;
	}
}
