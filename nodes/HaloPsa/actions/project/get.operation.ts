import { project } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(project);

export const description = operation.description;
export const execute = operation.execute;
