import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import * as acknowledge from './interchange/acknowledge.operation';
import * as fromCanonical from './interchange/fromCanonical.operation';
import * as generate from './interchange/generate.operation';
import * as parse from './interchange/parse.operation';
import * as send from './interchange/send.operation';
import * as toCanonical from './interchange/toCanonical.operation';
import * as validate from './interchange/validate.operation';
import type { OperationResult } from './items';

export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

/** Every operation of the node by its `operation` value. */
export const operations: Record<string, OperationModule> = { parse, validate, acknowledge, generate, toCanonical, fromCanonical, send };

/** Operations with a second output, "Rejected", for sets that failed validation. */
export const WITH_REJECTED_OUTPUT = ['parse', 'toCanonical'];
