import { getOperation } from '../operations';
import { ticket } from './definition';

const operation = getOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
