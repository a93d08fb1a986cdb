import { stateStoreCredentialTest } from '../../common/state';
import { x12TradingPartnerTest } from './credentialTest';

export const credentialTest = { stateStoreCredentialTest, x12TradingPartnerTest };
