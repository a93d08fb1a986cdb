import { user } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(user);

export const description = operation.description;
export const execute = operation.execute;
