import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { showIssues } from './zodFields';

type Path = Array<string | number>;

/**
 * Validate → confirm → save, the same for every section: the section's values are merged into the
 * whole settings object and parsed with the contract's own schema; issues go to the form's
 * fields; only a valid object is offered for confirmation and sent. Core validates again and
 * writes the audit row.
 */
export function useSaveSection<S extends z.ZodType>(options: {
  section: string;
  schema: S;
  save: (value: z.output<S>) => Promise<unknown>;
  /** Query keys to refresh after a save. */
  refresh: string[];
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: options.save,
    onSuccess: async () => {
      await Promise.all(options.refresh.map((k) => client.invalidateQueries({ queryKey: [k] })));
      void message.success(t('countySettings.saved'));
    },
  });

  /** Returns false when the values did not validate (the form shows why). */
  const submit = (form: FormInstance, candidate: unknown, strip: Path = [], fold?: (p: Path) => Path): boolean => {
    const parsed = options.schema.safeParse(candidate);
    if (!parsed.success) {
      const count = showIssues(form, parsed.error, strip, fold);
      void message.error(t('countySettings.invalid', { count: Math.max(count, 1) }));
      return false;
    }
    modal.confirm({
      title: t('countySettings.confirmTitle', { section: options.section }),
      content: t('countySettings.confirmBody'),
      okText: t('countySettings.confirmOk'),
      cancelText: t('countySettings.cancel'),
      onOk: () => mutation.mutateAsync(parsed.data as z.output<S>),
    });
    return true;
  };
  return { submit, mutation };
}
