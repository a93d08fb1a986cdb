import { deleteOperation } from '../operations';
import { definition } from './definition';

const operation = deleteOperation(definition);

export const description = operation.description;
export const execute = operation.execute;
