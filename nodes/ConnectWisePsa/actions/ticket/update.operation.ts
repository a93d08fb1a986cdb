import { updateOperation } from '../operations';
import { ticket } from './definition';

const operation = updateOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
