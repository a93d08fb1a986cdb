import { deleteOperation } from '../operations';
import { company } from './definition';

const operation = deleteOperation(company);

export const description = operation.description;
export const execute = operation.execute;
