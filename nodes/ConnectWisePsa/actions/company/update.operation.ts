import { updateOperation } from '../operations';
import { company } from './definition';

const operation = updateOperation(company);

export const description = operation.description;
export const execute = operation.execute;
