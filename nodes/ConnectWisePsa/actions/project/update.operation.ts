import { updateOperation } from '../operations';
import { project } from './definition';

const operation = updateOperation(project);

export const description = operation.description;
export const execute = operation.execute;
