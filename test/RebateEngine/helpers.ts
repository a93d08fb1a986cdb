import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { linesOfItem } from '../../nodes/RebateEngine/core/lines';
import type { Program, RebateLine } from '../../nodes/RebateEngine/core/types';
import { validateProgram } from '../../nodes/RebateEngine/core/programs';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'rebate');

export function fixture<T = Record<string, unknown>>(name: string): T {
	return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

/** Computed here with node:crypto, independently of the engine's ids module. */
export const sha = (prefix: string, key: string) => `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

export function program(fields: Record<string, unknown>): Program {
	return validateProgram({ id: 'P1', currency: 'USD', tiers: [{ from: '0', rate: '1' }], ...fields }, 0);
}

let counter = 0;
/** A flat invoice line row, normalised. */
export function line(fields: Record<string, unknown> = {}): RebateLine {
	counter++;
	return linesOfItem(
		{ partner: 'P-1', invoiceNumber: `INV-${counter}`, lineNumber: '1', sku: 'SKU', category: 'cat', date: '2025-02-10', quantity: '1', amount: '100', currency: 'USD', ...fields },
		0,
		'UTC',
	)[0];
}
