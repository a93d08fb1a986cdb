import { getOperation } from '../operations';
import { timeEntry } from './definition';

const operation = getOperation(timeEntry);

export const description = operation.description;
export const execute = operation.execute;
