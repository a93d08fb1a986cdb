import { client } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(client);

export const description = operation.description;
export const execute = operation.execute;
