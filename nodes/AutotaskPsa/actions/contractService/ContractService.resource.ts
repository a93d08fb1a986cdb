import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common.descriptions';
import { definition } from './definition';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { create, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector(definition),
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
