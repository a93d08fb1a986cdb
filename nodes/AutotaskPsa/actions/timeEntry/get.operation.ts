import { getOperation } from '../operations';
import { definition } from './definition';

const operation = getOperation(definition);

export const description = operation.description;
export const execute = operation.execute;
