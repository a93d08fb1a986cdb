import { contract } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(contract);

export const description = operation.description;
export const execute = operation.execute;
