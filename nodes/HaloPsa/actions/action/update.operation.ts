import { action } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(action);

export const description = operation.description;
export const execute = operation.execute;
