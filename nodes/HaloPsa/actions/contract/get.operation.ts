import { contract } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(contract);

export const description = operation.description;
export const execute = operation.execute;
