import type { MethodInput } from '../../../common/contract/index';

export type { CertificationRecord } from '../../../common/contract/methods/certification';
export type MethodInputShape = MethodInput<'certification.record'>;
export type ProxyInputShape = MethodInput<'certification.recordProxy'>;
