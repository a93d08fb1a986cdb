import { createOperation } from '../operations';
import { timeEntry } from './definition';

const operation = createOperation(timeEntry);

export const description = operation.description;
export const execute = operation.execute;
