import { asset } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(asset);

export const description = operation.description;
export const execute = operation.execute;
