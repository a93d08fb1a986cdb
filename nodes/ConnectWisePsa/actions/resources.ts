import * as agreement from './agreement/Agreement.resource';
import * as agreementAddition from './agreementAddition/AgreementAddition.resource';
import * as company from './company/Company.resource';
import * as contact from './contact/Contact.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as expense from './expense/Expense.resource';
import * as invoice from './invoice/Invoice.resource';
import * as product from './product/Product.resource';
import * as project from './project/Project.resource';
import * as ticket from './ticket/Ticket.resource';
import * as timeEntry from './timeEntry/TimeEntry.resource';
import type { ConnectWisePsaResource } from './node.type';

/** Every resource of the node: its operation selector, parameters and operation modules. */
export const resources = {
	agreement,
	agreementAddition,
	company,
	contact,
	customApiCall,
	expense,
	invoice,
	product,
	project,
	ticket,
	timeEntry,
} satisfies Record<ConnectWisePsaResource, unknown>;
