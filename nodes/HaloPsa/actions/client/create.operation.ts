import { client } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(client);

export const description = operation.description;
export const execute = operation.execute;
