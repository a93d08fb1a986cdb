import { deleteOperation } from '../operations';
import { agreement } from './definition';

const operation = deleteOperation(agreement);

export const description = operation.description;
export const execute = operation.execute;
