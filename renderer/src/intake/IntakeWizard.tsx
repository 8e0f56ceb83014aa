import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Space, Steps, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../common/cases/application';
import { call } from '../api/client';
import { ApplicantScreenControl } from '../applicant/ApplicantScreenControl';
import { enterBelongsToPopup } from '../components/formEnter';
import { withCardPhoto, type CardPhotos } from './authorization/cardPhoto';
import { ApplicantStep } from './steps/ApplicantStep';
import { AuthorizationStep } from './steps/AuthorizationStep';
import { DecisionStep } from './steps/DecisionStep';
import { MaterialsStep } from './steps/MaterialsStep';
import { MembersStep } from './steps/MembersStep';
import { MoneyStep } from './steps/MoneyStep';
import { TypeStep } from './steps/TypeStep';
import { useIntakeDraft } from './useIntakeDraft';

const STEPS = ['applicant', 'members', 'type', 'money', 'materials', 'authorization', 'decision'] as const;

/**
 * The intake wizard: seven steps, autosaved as the clerk goes, resumable, keyboard-first
 * (Alt+N / Alt+B between steps, F2 reads a card on the steps whose button says so, Ctrl+Enter submits).
 */
export function IntakeWizard({
  initial,
  onClose,
  readOnOpen = false,
}: {
  initial?: { caseId: string; rev: number; app: Application } | undefined;
  onClose: () => void;
  readOnOpen?: boolean;
}) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const client = useQueryClient();
  const { state, update, saveNow, adoptRev, current } = useIntakeDraft(initial);
  const step = state.app.step;
  // The card photos of this intake's card reads (vendor decoder), by ID number, for the face match.
  const [cardPhotos, setCardPhotos] = useState<CardPhotos>({});
  const onCardPhoto = useCallback(
    (idNumber: string, bmpBase64: string | undefined) => setCardPhotos((p) => withCardPhoto(p, idNumber, bmpBase64)),
    [],
  );
  const settings = useQuery({ queryKey: ['cases.settings'], queryFn: () => call('cases.settings', {}) });
  const detail = useQuery({
    queryKey: ['intake.detail', state.caseId],
    queryFn: () => call('cases.get', { caseId: state.caseId! }),
    enabled: state.caseId !== null && step >= 4,
  });

  const ensureSaved = useCallback(async () => {
    await saveNow();
    return { caseId: current().caseId ?? '' };
  }, [saveNow, current]);

  const go = useCallback(
    (next: number) => {
      if (next < 0 || next >= STEPS.length) return;
      update((a) => ({ ...a, step: next }));
      void saveNow()
        .then(() => client.invalidateQueries({ queryKey: ['intake.detail'] }))
        .catch(() => undefined);
    },
    [update, saveNow, client],
  );

  const submit = useCallback(async () => {
    await saveNow();
    const { caseId: id, rev } = current();
    if (!id) return;
    const d = await call('intake.submit', { caseId: id, rev });
    client.setQueryData(['intake.detail', id], d);
  }, [saveNow, current, client]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'n' || e.key === 'N')) {
        e.preventDefault();
        go(step + 1);
      } else if (e.altKey && (e.key === 'b' || e.key === 'B')) {
        e.preventDefault();
        go(step - 1);
      } else if (e.ctrlKey && e.key === 'Enter' && step === STEPS.length - 1 && !enterBelongsToPopup(e)) {
        e.preventDefault();
        document.querySelector<HTMLButtonElement>('[data-testid="submit"]')?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, step]);

  const cancel = () =>
    modal.confirm({
      title: t('intake.cancel'),
      content: t('intake.cancelConfirm'),
      okText: t('intake.cancelOk'),
      cancelText: t('intake.cancelKeep'),
      okButtonProps: { danger: true, id: 'cancel-confirm' },
      onOk: async () => {
        await saveNow().catch(() => undefined);
        const { caseId: id, rev } = current();
        if (id) await call('intake.discard', { caseId: id, rev });
        onClose();
      },
    });

  const pages: Record<string, number> = {};
  for (const m of detail.data?.materials ?? []) pages[m.code] = m.pages;
  const submitted = detail.data && detail.data.state !== 'draft';

  return (
    <div data-testid="intake-wizard" data-case-id={state.caseId ?? ''} data-step={STEPS[step]}>
      <Steps
        size="small"
        current={step}
        onChange={(n) => !submitted && go(n)}
        items={STEPS.map((s) => ({ title: t(`intake.steps.${s}`) }))}
        style={{ marginBottom: 8 }}
      />
      <ApplicantScreenControl app={state.app} />
      {step === 0 && <ApplicantStep app={state.app} update={update} readOnOpen={readOnOpen} onCardPhoto={onCardPhoto} />}
      {step === 1 && <MembersStep app={state.app} problems={state.problems} update={update} onCardPhoto={onCardPhoto} />}
      {step === 2 && <TypeStep app={state.app} update={update} />}
      {step === 3 && <MoneyStep app={state.app} update={update} />}
      {step === 4 && (
        <MaterialsStep
          app={state.app}
          checklist={settings.data?.materials}
          published={settings.data?.reference.materials.find((v) => v.inForce)}
          pages={pages}
          update={update}
          ensureSaved={ensureSaved}
          onAttached={(code, rev) => {
            adoptRev(rev);
            update((a) => ({ ...a, materials: [...a.materials.filter((m) => m.code !== code), { code, status: 'received' }] }));
            void client.invalidateQueries({ queryKey: ['intake.detail'] });
          }}
        />
      )}
      {step === 5 && (
        <AuthorizationStep
          signers={detail.data?.requiredSigners ?? []}
          authorizations={detail.data?.authorizations ?? []}
          faceRequired={settings.data?.settings.faceRequired ?? true}
          paperFaceRequired={settings.data?.settings.paperFaceRequired ?? false}
          ensureSaved={ensureSaved}
          cardPhotos={cardPhotos}
          onSigned={() => void client.invalidateQueries({ queryKey: ['intake.detail'] })}
        />
      )}
      {step === 6 && (
        <DecisionStep
          detail={detail.data}
          problems={state.problems}
          onSubmit={submit}
          onDecided={(d) => client.setQueryData(['intake.detail', d.id], d)}
          onNext={onClose}
        />
      )}
      <Space style={{ marginTop: 12, width: '100%' }} wrap>
        {!submitted && (
          <>
            <Button onClick={() => go(step - 1)} disabled={step === 0} data-testid="back">
              {t('intake.back')} (Alt+B)
            </Button>
            <Button type="primary" onClick={() => go(step + 1)} disabled={step === STEPS.length - 1} data-testid="next">
              {t('intake.next')} (Alt+N)
            </Button>
            <Button danger onClick={cancel} data-testid="cancel-intake">
              {t('intake.cancel')}
            </Button>
          </>
        )}
        <Typography.Text type="secondary" data-testid="autosave" data-saved={state.savedAt ?? ''} data-rev={state.rev}>
          {state.saving
            ? t('intake.saving')
            : state.savedAt
              ? t('intake.savedAt', { time: new Date(state.savedAt).toLocaleTimeString('zh-CN') })
              : ''}
        </Typography.Text>
        <Typography.Text type="secondary">{t('intake.keys')}</Typography.Text>
      </Space>
      {state.error && (
        <Alert
          type="error"
          showIcon
          message={t('intake.saveFailed', { message: state.error })}
          style={{ marginTop: 12 }}
          data-testid="autosave-error"
        />
      )}
    </div>
  );
}
