import { client } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(client);

export const description = operation.description;
export const execute = operation.execute;
