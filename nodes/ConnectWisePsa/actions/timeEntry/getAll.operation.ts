import { getAllOperation } from '../operations';
import { timeEntry } from './definition';

const operation = getAllOperation(timeEntry);

export const description = operation.description;
export const execute = operation.execute;
