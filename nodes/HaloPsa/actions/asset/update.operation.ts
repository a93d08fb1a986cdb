import { asset } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(asset);

export const description = operation.description;
export const execute = operation.execute;
