import { getOperation } from '../operations';
import { agreement } from './definition';

const operation = getOperation(agreement);

export const description = operation.description;
export const execute = operation.execute;
