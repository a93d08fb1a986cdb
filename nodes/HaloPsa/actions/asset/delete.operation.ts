import { asset } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(asset);

export const description = operation.description;
export const execute = operation.execute;
