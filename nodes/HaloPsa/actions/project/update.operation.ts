import { project } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(project);

export const description = operation.description;
export const execute = operation.execute;
