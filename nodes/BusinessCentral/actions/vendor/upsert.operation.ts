import { upsertOperation } from '../operations';
import { vendor } from '../definitions';

const operation = upsertOperation(vendor);

export const description = operation.description;
export const execute = operation.execute;
