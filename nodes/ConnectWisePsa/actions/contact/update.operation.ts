import { updateOperation } from '../operations';
import { contact } from './definition';

const operation = updateOperation(contact);

export const description = operation.description;
export const execute = operation.execute;
