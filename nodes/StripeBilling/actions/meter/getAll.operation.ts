import { getAllOperation } from '../operations';
import { meter } from '../definitions';

const operation = getAllOperation(meter);

export const description = operation.description;
export const execute = operation.execute;
