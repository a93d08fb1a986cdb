import { project } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(project);

export const description = operation.description;
export const execute = operation.execute;
