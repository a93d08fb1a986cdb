import { client } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(client);

export const description = operation.description;
export const execute = operation.execute;
