import { contract } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(contract);

export const description = operation.description;
export const execute = operation.execute;
