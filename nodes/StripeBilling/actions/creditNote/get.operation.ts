import { getOperation } from '../operations';
import { creditNote } from '../definitions';

const operation = getOperation(creditNote);

export const description = operation.description;
export const execute = operation.execute;
