import { client } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(client);

export const description = operation.description;
export const execute = operation.execute;
