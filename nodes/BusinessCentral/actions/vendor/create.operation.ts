import { createOperation } from '../operations';
import { vendor } from '../definitions';

const operation = createOperation(vendor);

export const description = operation.description;
export const execute = operation.execute;
