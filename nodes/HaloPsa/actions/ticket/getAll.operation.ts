import { ticket } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
