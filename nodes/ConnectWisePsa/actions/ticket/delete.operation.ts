import { deleteOperation } from '../operations';
import { ticket } from './definition';

const operation = deleteOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
