import { updateOperation } from '../operations';
import { agreement } from './definition';

const operation = updateOperation(agreement);

export const description = operation.description;
export const execute = operation.execute;
