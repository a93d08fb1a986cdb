import { action } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(action);

export const description = operation.description;
export const execute = operation.execute;
