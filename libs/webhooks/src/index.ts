export type {
  InboundRequest,
  OutboundRequest,
  SchemeConfig,
  SignatureCheck,
  SignatureFailure,
} from './types';
export { deliveryIdOf, signatureHeaderNames, signRequest, verifySignature } from './webhooks';
