import { getAllOperation } from '../operations';
import { subscription } from '../definitions';

const operation = getAllOperation(subscription);

export const description = operation.description;
export const execute = operation.execute;
