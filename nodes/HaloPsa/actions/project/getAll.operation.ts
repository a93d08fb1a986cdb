import { project } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(project);

export const description = operation.description;
export const execute = operation.execute;
