import { deleteOperation } from '../operations';
import { project } from './definition';

const operation = deleteOperation(project);

export const description = operation.description;
export const execute = operation.execute;
