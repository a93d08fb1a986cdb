import { user } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(user);

export const description = operation.description;
export const execute = operation.execute;
