import { ticket } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
