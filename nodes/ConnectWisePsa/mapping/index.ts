export { SYSTEM } from './common';
export { fromConnectWiseCompany, toConnectWiseCompany } from './company';
export { fromConnectWiseProject, toConnectWiseProject } from './project';
export { fromConnectWiseTimeEntry, toConnectWiseTimeEntry } from './timeEntry';
export { fromConnectWiseExpense, toConnectWiseExpense } from './expense';
export {
	fromConnectWiseAgreement,
	toConnectWiseAgreement,
	fromConnectWiseAddition,
	toConnectWiseAddition,
} from './agreement';
export { fromConnectWiseInvoice, fromConnectWiseInvoiceProduct, toConnectWiseInvoice } from './invoice';
