import { actionOperation } from '../operations';
import { creditNote } from '../definitions';

const operation = actionOperation(creditNote, 'void', 'void');

export const description = operation.description;
export const execute = operation.execute;
