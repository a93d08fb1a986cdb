import * as action from './action/Action.resource';
import * as asset from './asset/Asset.resource';
import * as client from './client/Client.resource';
import * as contract from './contract/Contract.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as expense from './expense/Expense.resource';
import * as invoice from './invoice/Invoice.resource';
import * as item from './item/Item.resource';
import type { HaloPsaResource } from './node.type';
import * as project from './project/Project.resource';
import * as site from './site/Site.resource';
import * as ticket from './ticket/Ticket.resource';
import * as user from './user/User.resource';

/** Every resource of the node: its operation selector, parameters and operation modules. */
export const resources = {
	action,
	asset,
	client,
	contract,
	customApiCall,
	expense,
	invoice,
	item,
	project,
	site,
	ticket,
	user,
} satisfies Record<HaloPsaResource, unknown>;
