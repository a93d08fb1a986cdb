/** n8n's console log lines (N8N_LOG_FORMAT=json) and the result of `n8n execute --rawOutput`. */

export interface LogEntry {
	level: string;
	message: string;
	metadata?: Record<string, unknown>;
}

/** Splits output into n8n's JSON log entries and any other lines (runner warnings, stack traces). */
export function parseLogLines(text: string): { entries: LogEntry[]; other: string[] } {
	const entries: LogEntry[] = [];
	const other: string[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		if (line.startsWith('{')) {
			try {
				const parsed = JSON.parse(line) as Partial<LogEntry>;
				if (typeof parsed.level === 'string' && typeof parsed.message === 'string') {
					entries.push(parsed as LogEntry);
					continue;
				}
			} catch {
				// not a log entry: kept below
			}
		}
		other.push(line);
	}
	return { entries, other };
}

export interface NodeItem {
	json: Record<string, unknown>;
	binary?: Record<string, unknown>;
	pairedItem?: unknown;
	error?: unknown;
}

export interface NodeRun {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	source?: unknown[];
	data?: Record<string, Array<NodeItem[] | null>>;
	error?: ExecutionError;
}

export interface ExecutionError {
	message: string;
	description?: string | null;
	name?: string;
	node?: { name?: string; type?: string } | string;
	httpCode?: string | number;
	[key: string]: unknown;
}

export interface ExecutionResult {
	/** True when n8n exited 0 and the run has no error. */
	success: boolean;
	/** The run's status as n8n reports it ('success', 'error', ...), when a run was produced. */
	status?: string;
	exitCode: number | null;
	/** Output of every node that ran, by node name (n8n's `resultData.runData`). */
	runData: Record<string, NodeRun[]>;
	lastNodeExecuted?: string;
	/** Why the workflow failed: n8n's `resultData.error`, or the CLI's own error (unknown id, ...). */
	error?: ExecutionError;
	/** The whole run object n8n printed, for assertions this interface does not cover. */
	run?: Record<string, unknown>;
	/** Everything the CLI printed, for diagnostics. */
	logs: string;
	durationMs: number;
}

interface RunLike {
	status?: string;
	data?: { resultData?: { runData?: Record<string, NodeRun[]>; error?: ExecutionError; lastNodeExecuted?: string } };
}

function asRun(message: string): RunLike | undefined {
	if (!message.trimStart().startsWith('{')) return undefined;
	try {
		const value = JSON.parse(message) as RunLike;
		return value && typeof value === 'object' && value.data?.resultData ? value : undefined;
	} catch {
		return undefined;
	}
}

/** Messages the CLI prints around a failure that say nothing about the cause. */
const GENERIC = /^(\s*|=+|\n?Execution error:|Error executing workflow\. See log messages for details\.|Execution was NOT successful.*)$/;

/**
 * Reads what `n8n execute --rawOutput` printed with N8N_LOG_FORMAT=json: the run object is the message of
 * one log entry (on success and on failure alike); without one, the CLI's error lines are the error.
 */
export function parseExecuteOutput(stdout: string, stderr: string, exitCode: number | null, durationMs = 0): ExecutionResult {
	const logs = `${stdout}${stderr ? `\n${stderr}` : ''}`;
	const { entries, other } = parseLogLines(logs);
	let run: RunLike | undefined;
	for (const entry of entries) run = asRun(entry.message) ?? run;
	if (!run) {
		// Older or differently configured CLIs print the pretty JSON as plain lines.
		const start = logs.indexOf('\n{\n');
		const end = logs.lastIndexOf('\n}');
		if (start >= 0 && end > start) run = asRun(logs.slice(start + 1, end + 2));
	}
	const resultData = run?.data?.resultData;
	let error = resultData?.error;
	if (!error && exitCode !== 0) {
		const reasons = entries
			.filter((entry) => (entry.level === 'error' || entry.level === 'info') && !GENERIC.test(entry.message))
			.map((entry) => entry.message)
			.filter((message) => !message.includes('Task Broker ready') && !message.startsWith('Registered runner'));
		const message = reasons.pop() ?? other.pop() ?? `n8n execute exited with ${exitCode}`;
		error = { message: message.split('\n')[0] };
	}
	return {
		success: exitCode === 0 && !error,
		status: run?.status,
		exitCode,
		runData: resultData?.runData ?? {},
		lastNodeExecuted: resultData?.lastNodeExecuted,
		error,
		run: run as Record<string, unknown> | undefined,
		logs,
		durationMs,
	};
}

/** The JSON of the items a node produced: run `run` (default 0), output `output` (default 0). */
export function nodeItems(
	result: ExecutionResult,
	nodeName: string,
	{ run = 0, output = 0 }: { run?: number; output?: number } = {},
): Array<Record<string, unknown>> {
	const runs = result.runData[nodeName];
	if (!runs) {
		const ran = Object.keys(result.runData).join(', ') || 'none';
		throw new Error(`node "${nodeName}" did not run (nodes that ran: ${ran})${result.error ? `; error: ${result.error.message}` : ''}`);
	}
	const items = runs[run]?.data?.main?.[output] ?? [];
	return items.map((item) => item.json);
}
