import type { N8nInstance } from '../runtime';
import type { RunningSandbox } from '../../sandbox';
import type { Print } from './progress';

export interface DemoContext {
	n8n: N8nInstance;
	sandbox: RunningSandbox;
}

/** One scripted step of the demo: what it shows, run against the running n8n and sandbox. */
export interface DemoStep {
	title: string;
	run(ctx: DemoContext, print: Print): Promise<void>;
}
