import { deleteOperation } from '../operations';
import { contact } from './definition';

const operation = deleteOperation(contact);

export const description = operation.description;
export const execute = operation.execute;
