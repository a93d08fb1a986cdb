import { upsertOperation } from '../operations';
import { item } from '../definitions';

const operation = upsertOperation(item);

export const description = operation.description;
export const execute = operation.execute;
