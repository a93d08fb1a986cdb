import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common.descriptions';
import { definition } from './definition';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector(definition),
	...get.description,
	...getAll.description,
	...update.description,
];
