import { createOperation } from '../operations';
import { project } from './definition';

const operation = createOperation(project);

export const description = operation.description;
export const execute = operation.execute;
