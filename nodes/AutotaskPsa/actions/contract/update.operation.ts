import { updateOperation } from '../operations';
import { definition } from './definition';

const operation = updateOperation(definition);

export const description = operation.description;
export const execute = operation.execute;
