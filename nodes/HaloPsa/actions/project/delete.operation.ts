import { project } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(project);

export const description = operation.description;
export const execute = operation.execute;
