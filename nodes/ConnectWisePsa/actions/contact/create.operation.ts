import { createOperation } from '../operations';
import { contact } from './definition';

const operation = createOperation(contact);

export const description = operation.description;
export const execute = operation.execute;
