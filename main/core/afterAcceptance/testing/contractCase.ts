import { applicationSchema, type ApplicationInput } from '../../../../common/cases/application';
import { chinaDate } from '../../../../common/cases/age';
import { requiredSigners } from '../../../../common/cases/signers';
import type { CoreApi } from '../../core';
import { intakeSignature } from '../../cases/testing/captures';
import { makeIdNumber } from '../../cases/demo/synthetic';
import { DIBAO_MATERIALS_RECEIVED } from '../../cases/testing/household';

type Ctx = { via: 'browser'; windowId: string };

/** The result of a contract call, or a thrown Error carrying the envelope's error. */
export async function ok<T = Record<string, unknown>>(p: Promise<unknown>): Promise<T> {
  const r = (await p) as { ok: true; result: T } | { ok: false; error: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result;
}

/** A one-person urban 低保 household of `name` (a different person for each `seq`). */
export function singlePersonDibao(name: string, seq: number): ApplicationInput {
  const person = { idNumber: makeIdNumber('500110', '1956-03-04', seq, '女'), name, sex: '女' as const, birthDate: '1956-03-04' };
  return {
    type: 'dibao',
    subtype: 'urban',
    channel: { kind: 'counter' },
    applicant: { ...person, phone: '13900001111', address: '重庆市綦江区桥头镇新街8号', cardValidUntil: '长期', source: 'card' },
    members: [{ ...person, relationship: 'self' }],
    income: [],
    assets: [],
    reasons: ['low_income'],
    reasonText: '独居老人，无固定收入',
    materials: DIBAO_MATERIALS_RECEIVED,
  };
}

/**
 * A case through the contract as the counter makes it: saved, every required signer signed on the
 * pad bound to the intake statement (no face: the station's faceRequired must be off), submitted
 * and accepted. Returns the case id; the case is at version 2.
 */
export async function acceptedThroughContract(core: CoreApi, ctx: Ctx, application: ApplicationInput, now: Date): Promise<string> {
  const saved = await ok<{ caseId: string; rev: number }>(core.invoke('intake.save', { application }, ctx));
  const app = applicationSchema.parse(application);
  for (const signer of requiredSigners(app, chinaDate(now))) {
    await ok(
      core.invoke(
        'intake.authorize',
        { caseId: saved.caseId, signerIdNumber: signer.idNumber, signature: intakeSignature(saved.caseId, signer), face: null },
        ctx,
      ),
    );
  }
  const submitted = await ok<{ draftRev: number }>(core.invoke('cases.get', { caseId: saved.caseId }, ctx));
  await ok(core.invoke('intake.submit', { caseId: saved.caseId, rev: submitted.draftRev }, ctx));
  await ok(core.invoke('cases.decide', { caseId: saved.caseId, version: 1, decision: { kind: 'accept' } }, ctx));
  return saved.caseId;
}
