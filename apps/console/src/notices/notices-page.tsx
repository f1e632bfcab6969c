import type { CreateNoticeRequest, Notice } from '@bluezone/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { formatDateTime } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { Field } from '../forms/field.js';
import { NOTICE_BODY, NOTICE_BODY_EN, NOTICE_TITLE, NOTICE_TITLE_EN } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import './notices.css';

// Keyed by the names of createNoticeRequestSchema, as the server reports its field problems.
const SPECS = { title: NOTICE_TITLE, body: NOTICE_BODY, titleEn: NOTICE_TITLE_EN, bodyEn: NOTICE_BODY_EN };
type Name = keyof typeof SPECS;
const EMPTY: Record<Name, string> = { title: '', body: '', titleEn: '', bodyEn: '' };

/** Health officers and campaign issuers publish notices to the app's inbox, and withdraw those of their unit subtree. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [withdrawing, setWithdrawing] = useState<Notice | null>(null);
  const notices = usePagedQuery(['notices'], (cursor) => api.notices(cursor));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notices'] });
  const create = useMutation({
    mutationFn: (request: CreateNoticeRequest) => api.createNotice(request),
    onSuccess: () => {
      setForm(EMPTY);
      refresh();
    },
  });
  const retire = useMutation({ mutationFn: (notice: Notice) => api.retireNotice(notice.id), onSuccess: refresh });
  const check = useFormCheck(SPECS, create.error);
  const english = i18n.language === 'en';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The app shows the English version only when it is whole, and the server refuses half of one.
    const needed = (name: 'titleEn' | 'bodyEn', other: 'titleEn' | 'bodyEn') =>
      form[other].trim() && !form[name].trim() ? t('fields.issue', { field: t(SPECS[name].labelKey), problem: t('fields.problems.required') }) : undefined;
    if (!check.check(form, { titleEn: needed('titleEn', 'bodyEn'), bodyEn: needed('bodyEn', 'titleEn') })) return;
    create.mutate({
      title: form.title,
      body: form.body,
      ...(form.titleEn.trim() ? { titleEn: form.titleEn, bodyEn: form.bodyEn } : {}),
    });
  };
  const field = (key: Name, options: { multiline?: boolean; optional?: boolean; hint?: string }) => (
    <Field label={t(SPECS[key].labelKey)} id={check.idOf(key)} hint={options.hint} error={check.errorOf(key)} optional={options.optional ?? false}>
      {(control) => {
        const change = (value: string) => {
          check.touched(key);
          setForm({ ...form, [key]: value });
        };
        return options.multiline ? (
          <textarea {...control} rows={5} value={form[key]} onChange={(e) => change(e.target.value)} />
        ) : (
          <input {...control} autoComplete="off" value={form[key]} onChange={(e) => change(e.target.value)} />
        );
      }}
    </Field>
  );

  return (
    <>
      <h1>{t('notices.title')}</h1>
      <p className="hint">{t('notices.intro')}</p>
      <form className="card" aria-label={t('notices.create')} onSubmit={submit} noValidate>
        {field('title', {})}
        {field('body', { multiline: true, hint: t('notices.bodyHint') })}
        {field('titleEn', { optional: true, hint: t('notices.englishHint') })}
        {field('bodyEn', { multiline: true, optional: true })}
        <ErrorMessage error={create.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
        {create.isSuccess ? <SuccessMessage>{t('notices.created')}</SuccessMessage> : null}
        <div className="form-actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t('notices.creating') : t('notices.create')}
          </button>
        </div>
      </form>

      <h2>{t('notices.listTitle')}</h2>
      <p className="hint">{t('notices.scope')}</p>
      {notices.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={notices.error ?? retire.error} />
      {retire.isSuccess ? <SuccessMessage>{t('notices.retired', { title: retire.data.notice.title })}</SuccessMessage> : null}
      {notices.data && notices.items.length === 0 ? <p className="muted">{t('notices.none')}</p> : null}
      {notices.items.length > 0 ? (
        <ResponsiveTable
          className="notices-table"
          caption={t('notices.listTitle')}
          rows={notices.items}
          rowKey={(notice) => notice.id}
          columns={[
            { label: t('notices.publishedAt'), render: (notice) => formatDateTime(notice.publishedAt, i18n.language) },
            {
              label: t('notices.titleField'),
              render: (notice) => {
                const whole = english && notice.titleEn && notice.bodyEn;
                return (
                  <details className="notice-text">
                    <summary>{whole ? notice.titleEn : notice.title}</summary>
                    <p>{whole ? notice.bodyEn : notice.body}</p>
                  </details>
                );
              },
            },
            { label: t('notices.publisher'), render: (notice) => (english && notice.publisherEn) || notice.publisher },
            { label: t('notices.author'), render: (notice) => notice.createdByName },
            {
              label: t('notices.state'),
              render: (notice) =>
                notice.retiredAt ? (
                  <span className="badge badge-off">{t('notices.retiredOn', { time: formatDateTime(notice.retiredAt, i18n.language) })}</span>
                ) : (
                  <span className="badge badge-on">{t('notices.live')}</span>
                ),
            },
            {
              label: t('common.actions'),
              render: (notice) =>
                notice.retiredAt ? null : (
                  <button type="button" className="button-secondary" aria-label={t('notices.retireLabel', { title: notice.title })} disabled={retire.isPending} onClick={() => setWithdrawing(notice)}>
                    {t('notices.retire')}
                  </button>
                ),
            },
          ]}
        />
      ) : null}
      <LoadMore query={notices} />

      <ConfirmDialog
        open={withdrawing !== null}
        title={t('notices.retireTitle', { title: withdrawing?.title ?? '' })}
        body={t('notices.retireBody')}
        confirmLabel={t('notices.retireConfirm')}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => {
          if (withdrawing) retire.mutate(withdrawing);
          setWithdrawing(null);
        }}
      />
    </>
  );
}
