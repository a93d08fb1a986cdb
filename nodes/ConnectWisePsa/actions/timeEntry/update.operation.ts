import { updateOperation } from '../operations';
import { timeEntry } from './definition';

const operation = updateOperation(timeEntry);

export const description = operation.description;
export const execute = operation.execute;
