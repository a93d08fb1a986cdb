import { createOperation } from '../operations';
import { ticket } from './definition';

const operation = createOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
