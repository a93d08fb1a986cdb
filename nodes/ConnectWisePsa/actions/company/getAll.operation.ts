import { getAllOperation } from '../operations';
import { company } from './definition';

const operation = getAllOperation(company);

export const description = operation.description;
export const execute = operation.execute;
