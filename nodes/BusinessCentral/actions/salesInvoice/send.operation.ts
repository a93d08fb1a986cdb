import { invoiceAction } from './action';

const operation = invoiceAction('send', 'send');

export const description = operation.description;
export const execute = operation.execute;
