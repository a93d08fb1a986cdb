import { user } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(user);

export const description = operation.description;
export const execute = operation.execute;
