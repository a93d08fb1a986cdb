import { getOperation } from '../operations';
import { contact } from './definition';

const operation = getOperation(contact);

export const description = operation.description;
export const execute = operation.execute;
