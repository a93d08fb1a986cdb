import { getAllOperation } from '../operations';
import { agreement } from './definition';

const operation = getAllOperation(agreement);

export const description = operation.description;
export const execute = operation.execute;
