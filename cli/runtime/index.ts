/** The real-n8n runtime shared by the `erp-interop demo` CLI and the e2e tests. */
export { buildStaleReason, ensureBuilt } from './build';
export { n8nEnv, TEST_ENCRYPTION_KEY } from './env';
export { nodeItems, parseExecuteOutput, parseLogLines } from './execution';
export type { ExecutionError, ExecutionResult, LogEntry, NodeItem, NodeRun } from './execution';
export { ensureN8n, runtimePath } from './install';
export type { N8nRuntime } from './install';
export { DEFAULT_OWNER, executeOnce, N8nInstance, startN8n } from './instance';
export type { CredentialJson, HttpResponse, N8nOptions, WebhookProbe, WebhookRequest, WorkflowJson } from './instance';
export { installPackedTarball, packDirectory, packProject } from './pack';
export { cacheRoot, DEFAULT_N8N_VERSION, defaultN8nVersion, n8nHome, needsNode24 } from './paths';
export { freePort } from './ports';
export { N8nWorker, postgresEnv, queueEnv } from './queue';
export type { N8nPostgresOptions, N8nQueueOptions } from './queue';
export { findRedisServer, redisCommand, startThrowawayRedis } from './redis';
export type { ThrowawayRedis } from './redis';
export { killGroup, runChecked, runProcess, spawnTracked } from './processes';
export type { RunOptions, RunResult } from './processes';
