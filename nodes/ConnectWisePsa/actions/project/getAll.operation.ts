import { getAllOperation } from '../operations';
import { project } from './definition';

const operation = getAllOperation(project);

export const description = operation.description;
export const execute = operation.execute;
