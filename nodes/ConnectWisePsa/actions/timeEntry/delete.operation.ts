import { deleteOperation } from '../operations';
import { timeEntry } from './definition';

const operation = deleteOperation(timeEntry);

export const description = operation.description;
export const execute = operation.execute;
