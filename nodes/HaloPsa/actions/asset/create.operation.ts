import { asset } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(asset);

export const description = operation.description;
export const execute = operation.execute;
