import { getAllOperation } from '../operations';
import { ticket } from './definition';

const operation = getAllOperation(ticket);

export const description = operation.description;
export const execute = operation.execute;
