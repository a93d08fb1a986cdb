import { contract } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(contract);

export const description = operation.description;
export const execute = operation.execute;
