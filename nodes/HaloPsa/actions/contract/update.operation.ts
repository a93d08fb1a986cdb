import { contract } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(contract);

export const description = operation.description;
export const execute = operation.execute;
