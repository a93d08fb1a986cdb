/**
 * The production compose file (deploy/compose/) cannot be run here (no Docker): its structure and the
 * queue-mode rules are checked instead. The YAML is read with the project's YAML-subset parser, which
 * refuses any construct it does not know rather than misreading it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_N8N_VERSION } from '../../cli/runtime/paths';
import { parseYamlSubset, YamlSubsetError } from '../helpers/yamlSubset';

const DIR = join(__dirname, '..', '..', 'deploy', 'compose');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

interface Service {
	image?: string;
	build?: { context: string; args?: Record<string, string> };
	command?: string[];
	environment?: Record<string, string>;
	ports?: string[];
	volumes?: string[];
	depends_on?: Record<string, { condition: string }>;
	healthcheck?: { test: string[] };
	deploy?: { replicas?: number };
	stop_grace_period?: string;
}

describe('the YAML subset parser', () => {
	it('reads mappings, sequences, quoted and flow scalars, anchors, aliases and merge keys', () => {
		const parsed = parseYamlSubset(
			[
				'# comment',
				'base: &base',
				'  A: "x: y" # trailing comment',
				"  B: 'it''s'",
				'  C: 5',
				'list:',
				'- one',
				'- k: v',
				'  k2: [a, "b c", 3]',
				'copy: *base',
				'merged:',
				'  <<: *base',
				'  C: six',
				'flags: [true, null, 1.5]',
				'url: http://h:1/x#frag',
			].join('\n'),
		);
		expect(parsed).toEqual({
			base: { A: 'x: y', B: "it's", C: 5 },
			list: ['one', { k: 'v', k2: ['a', 'b c', 3] }],
			copy: { A: 'x: y', B: "it's", C: 5 },
			merged: { A: 'x: y', B: "it's", C: 'six' },
			flags: [true, null, 1.5],
			url: 'http://h:1/x#frag',
		});
	});

	it.each([
		['a: {b: 1}', /flow mappings/],
		['a: |\n  text', /block scalars/],
		['a:\n\tb: 1', /tabs/],
		['a: 1\na: 2', /duplicate key/],
		['a: *missing', /unknown alias/],
		['a: b: c', /may not contain/],
		['a: "open', /unterminated/],
		['a: 1\n   b: 2', /indentation/],
	])('refuses %j', (source, message) => {
		expect(() => parseYamlSubset(source)).toThrow(YamlSubsetError);
		expect(() => parseYamlSubset(source)).toThrow(message);
	});
});

describe('deploy/compose: n8n queue mode with the pack (validated here, not run)', () => {
	const compose = parseYamlSubset(read('docker-compose.yml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
	const { services } = compose;
	const main = services.n8n;
	const worker = services['n8n-worker'];

	it('has n8n main, scalable workers, Redis and PostgreSQL', () => {
		expect(Object.keys(services).sort()).toEqual(['n8n', 'n8n-worker', 'postgres', 'redis']);
		expect(main.command).toEqual(['start']);
		expect(worker.command?.[0]).toBe('worker');
		expect(worker.command?.[1]).toMatch(/^--concurrency=/);
		expect(worker.deploy?.replicas).toBeGreaterThanOrEqual(2);
		// Workers run the image the main process builds: the same n8n and the same pack.
		expect(worker.image).toBe(main.image);
		expect(worker.build).toBeUndefined();
		expect(main.build?.context).toBe('.');
		expect(main.build?.args?.N8N_VERSION).toBe(`\${N8N_VERSION:-${DEFAULT_N8N_VERSION}}`);
	});

	it('gives main and workers one environment: queue mode, Redis, PostgreSQL and the same encryption key', () => {
		expect(worker.environment).toBe(main.environment);
		const env = main.environment as Record<string, string>;
		expect(env).toMatchObject({
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: 'redis',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: 'postgres',
			DB_POSTGRESDB_DATABASE: services.postgres.environment?.POSTGRES_DB,
			DB_POSTGRESDB_USER: services.postgres.environment?.POSTGRES_USER,
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		});
		expect(env.DB_POSTGRESDB_PASSWORD).toBe(services.postgres.environment?.POSTGRES_PASSWORD);
		// Every environment value is a string (Compose refuses numbers and booleans there).
		for (const service of Object.values(services)) {
			for (const [name, value] of Object.entries(service.environment ?? {})) expect([name, typeof value]).toEqual([name, 'string']);
		}
	});

	it('keeps secrets out of the file: required from .env, documented in .env.example', () => {
		const example = read('.env.example');
		const secrets = Object.values(services).flatMap((service) =>
			Object.entries(service.environment ?? {}).filter(([name]) => /KEY|PASSWORD|SECRET|TOKEN/.test(name)),
		);
		expect(secrets.length).toBeGreaterThanOrEqual(3);
		for (const [name, value] of secrets) {
			const variable = /^\$\{([A-Z0-9_]+):\?[^}]+\}$/.exec(value)?.[1];
			expect([name, variable]).toEqual([name, expect.any(String)]);
			expect(example).toMatch(new RegExp(`^${variable}=$`, 'm'));
		}
		// Every variable the file reads is required, has a default, or is in .env.example.
		const used = [...read('docker-compose.yml').matchAll(/\$\{([A-Z0-9_]+)(:[-?][^}]*)?\}/g)];
		for (const [, variable, modifier] of used) {
			expect([variable, Boolean(modifier) || new RegExp(`^${variable}=`, 'm').test(example)]).toEqual([variable, true]);
		}
	});

	it('publishes only n8n, on loopback, and starts in dependency order with health checks', () => {
		expect(main.ports).toEqual(['127.0.0.1:5678:5678']);
		for (const name of ['n8n-worker', 'postgres', 'redis']) expect(services[name].ports).toBeUndefined();
		for (const service of [main, worker]) {
			expect(service.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
			expect(service.depends_on?.redis).toEqual({ condition: 'service_healthy' });
			expect(service.healthcheck?.test.join(' ')).toMatch(/healthz\/readiness/);
		}
		// The main process migrates n8n's database before workers start.
		expect(worker.depends_on?.n8n).toEqual({ condition: 'service_healthy' });
		for (const name of ['postgres', 'redis']) expect(services[name].healthcheck?.test.length).toBeGreaterThan(1);
		// Named volumes are declared; none hides the pack installed under /home/node/.n8n.
		const named = Object.values(services)
			.flatMap((service) => service.volumes ?? [])
			.map((volume) => volume.split(':')[0])
			.filter((source) => !source.startsWith('.'));
		expect(named.sort()).toEqual(Object.keys(compose.volumes).sort());
		for (const service of [main, worker]) expect(service.volumes ?? []).toEqual([]);
	});

	it('builds n8n with the packed pack under ~/.n8n/nodes, and creates the state store database', () => {
		const dockerfile = read('Dockerfile');
		expect(dockerfile).toMatch(new RegExp(`^ARG N8N_VERSION=${DEFAULT_N8N_VERSION.replace(/\./g, '\\.')}$`, 'm'));
		expect(dockerfile).toMatch(/^FROM n8nio\/n8n:\$\{N8N_VERSION\}$/m);
		expect(dockerfile).toMatch(/COPY n8n-nodes-erp-interop-\*\.tgz/);
		expect(dockerfile).toMatch(/--ignore-scripts/);
		expect(dockerfile).toMatch(/COPY --from=pack --chown=node:node \/out\/ \/home\/node\/.n8n\/nodes\/$/m);
		expect(dockerfile).not.toMatch(/^VOLUME/m);
		expect(services.postgres.volumes).toContain('./postgres-init:/docker-entrypoint-initdb.d:ro');
		expect(existsSync(join(DIR, 'postgres-init'))).toBe(true);
		expect(read('postgres-init/10-erp-interop.sh')).toMatch(/CREATE DATABASE erp_interop/);
	});
});
