import { getAllOperation } from '../operations';
import { definition } from './definition';

const operation = getAllOperation(definition);

export const description = operation.description;
export const execute = operation.execute;
