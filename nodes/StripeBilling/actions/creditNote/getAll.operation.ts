import { getAllOperation } from '../operations';
import { creditNote } from '../definitions';

const operation = getAllOperation(creditNote);

export const description = operation.description;
export const execute = operation.execute;
