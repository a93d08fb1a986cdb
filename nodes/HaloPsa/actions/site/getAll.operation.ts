import { site } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(site);

export const description = operation.description;
export const execute = operation.execute;
