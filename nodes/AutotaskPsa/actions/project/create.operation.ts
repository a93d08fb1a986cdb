import { createOperation } from '../operations';
import { definition } from './definition';

const operation = createOperation(definition);

export const description = operation.description;
export const execute = operation.execute;
