import { getOperation } from '../operations';
import { project } from './definition';

const operation = getOperation(project);

export const description = operation.description;
export const execute = operation.execute;
