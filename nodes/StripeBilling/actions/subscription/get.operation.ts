import { getOperation } from '../operations';
import { subscription } from '../definitions';

const operation = getOperation(subscription);

export const description = operation.description;
export const execute = operation.execute;
