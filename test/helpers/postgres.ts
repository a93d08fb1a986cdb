/** The throwaway PostgreSQL of cli/runtime, under the names the tests use. */
export { startThrowawayPostgres as startTestPostgres } from '../../cli/runtime/postgres';
export type { ThrowawayPostgres as TestPostgres } from '../../cli/runtime/postgres';
