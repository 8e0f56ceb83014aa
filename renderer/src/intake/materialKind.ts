import type { PageKind } from '../../../common/capture/documentKinds';

/**
 * The paper kind a material is photographed as (colour or grey, paper size): the capture opened for
 * 户口簿 files the pages as 户口簿, not 收入证明. A county's own material codes fall back to 其他;
 * the clerk can still choose another kind before the first page.
 */
const KIND_OF_MATERIAL: Record<string, PageKind> = {
  hukou: 'hukou',
  id_cards: 'idCard',
  entrustment: 'idCopy',
  income_statement: 'incomeProof',
  disability_cert: 'disability',
  medical_records: 'medical',
};

export const pageKindOfMaterial = (code: string): PageKind => KIND_OF_MATERIAL[code] ?? 'other';
