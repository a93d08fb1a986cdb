import { ticket } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
