import { getAllOperation } from '../operations';
import { contact } from './definition';

const operation = getAllOperation(contact);

export const description = operation.description;
export const execute = operation.execute;
