import { getOperation } from '../operations';
import { company } from './definition';

const operation = getOperation(company);

export const description = operation.description;
export const execute = operation.execute;
