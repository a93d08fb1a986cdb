import { searchOperation } from '../operations';
import { subscription } from '../definitions';

const operation = searchOperation(subscription);

export const description = operation.description;
export const execute = operation.execute;
