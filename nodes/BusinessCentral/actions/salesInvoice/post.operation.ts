import { invoiceAction } from './action';

// Posting twice fails in Business Central ("already posted"), so a retry cannot post the invoice again.
const operation = invoiceAction('post', 'post');

export const description = operation.description;
export const execute = operation.execute;
