export type {
  InboundRequest,
  OutboundRequest,
  SchemeConfig,
  SignatureCheck,
  SignatureFailure,
} from './types';
export { deliveryIdOf, deliveryUrlOf, signatureHeaderNames, signRequest, verifySignature } from './webhooks';
