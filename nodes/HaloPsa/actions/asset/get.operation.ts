import { asset } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(asset);

export const description = operation.description;
export const execute = operation.execute;
