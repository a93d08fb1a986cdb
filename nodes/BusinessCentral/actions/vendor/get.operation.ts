import { getOperation } from '../operations';
import { vendor } from '../definitions';

const operation = getOperation(vendor);

export const description = operation.description;
export const execute = operation.execute;
