import { action } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(action);

export const description = operation.description;
export const execute = operation.execute;
