import { ticket } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
