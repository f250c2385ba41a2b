export { type ContractContext, describeConnectorContract } from './describe-connector-contract.ts';
