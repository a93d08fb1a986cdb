import { getOperation } from '../operations';
import { meter } from '../definitions';

const operation = getOperation(meter);

export const description = operation.description;
export const execute = operation.execute;
