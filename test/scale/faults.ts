/**
 * A timeline of sandbox faults for a load run: a base config (e.g. a rate of 5xx) and periodic
 * events on top of it (a burst of 429s, a window of multi-second latency), applied to one system
 * through the sandbox's fault controller until stopped.
 */
import type { FaultConfig } from '../../sandbox/core/types';

export interface FaultHost {
	setFaults(faults: FaultConfig, system?: string): void;
	clearFaults(system?: string): void;
}

export interface FaultEvent {
	/** Offset from the start of each period, ms. */
	atMs: number;
	/** Merged over the base config from atMs until atMs + forMs (a 429 burst needs no duration). */
	faults: FaultConfig;
	forMs?: number;
	label: string;
}

export interface FaultPlan {
	system: string;
	base: FaultConfig;
	periodMs: number;
	events: FaultEvent[];
}

export interface FaultLogEntry {
	at: number;
	label: string;
}

/** Starts the plan now; `stop()` clears the system's faults and returns what was applied when. */
export function startFaultPlan(host: FaultHost, plan: FaultPlan): { stop(): FaultLogEntry[] } {
	const log: FaultLogEntry[] = [];
	const timers = new Set<NodeJS.Timeout>();
	let stopped = false;
	const apply = (faults: FaultConfig, label: string) => {
		if (stopped) return;
		host.setFaults({ ...plan.base, ...faults }, plan.system);
		log.push({ at: Date.now(), label });
	};
	const later = (ms: number, fn: () => void) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			fn();
		}, ms);
		timers.add(timer);
	};
	const period = () => {
		for (const event of plan.events) {
			later(event.atMs, () => apply(event.faults, event.label));
			if (event.forMs) later(event.atMs + event.forMs, () => apply({}, `end ${event.label}`));
		}
		later(plan.periodMs, period);
	};
	apply({}, 'base');
	period();
	return {
		stop() {
			stopped = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			host.clearFaults(plan.system);
			return log;
		},
	};
}
