import { ticket } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
