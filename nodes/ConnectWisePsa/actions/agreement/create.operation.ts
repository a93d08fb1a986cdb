import { createOperation } from '../operations';
import { agreement } from './definition';

const operation = createOperation(agreement);

export const description = operation.description;
export const execute = operation.execute;
