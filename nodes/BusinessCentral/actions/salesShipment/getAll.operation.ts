import { getAllOperation } from '../operations';
import { salesShipment } from '../definitions';

const operation = getAllOperation(salesShipment);

export const description = operation.description;
export const execute = operation.execute;
