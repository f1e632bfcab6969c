import type { CreateNoticeRequest } from '@bluezone/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { formatDateTime } from '../components/format.js';
import { ResponsiveTable } from '../components/responsive-table.js';

const EMPTY = { title: '', body: '', titleEn: '', bodyEn: '' };

/** Health officers and campaign issuers publish notices to the app's inbox, and withdraw them. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const notices = useQuery({ queryKey: ['notices'], queryFn: () => api.listNotices() });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notices'] });
  const create = useMutation({
    mutationFn: (request: CreateNoticeRequest) => api.createNotice(request),
    onSuccess: () => {
      setForm(EMPTY);
      refresh();
    },
  });
  const retire = useMutation({ mutationFn: (id: number) => api.retireNotice(id), onSuccess: refresh });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      title: form.title,
      body: form.body,
      ...(form.titleEn.trim() ? { titleEn: form.titleEn } : {}),
      ...(form.bodyEn.trim() ? { bodyEn: form.bodyEn } : {}),
    });
  };
  const field = (name: keyof typeof EMPTY, label: string, multiline: boolean, required: boolean) => (
    <div className="field">
      <label htmlFor={`notice-${name}`}>
        {label} {required ? null : t('common.optional')}
      </label>
      {multiline ? (
        <textarea id={`notice-${name}`} rows={4} maxLength={4000} required={required} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
      ) : (
        <input id={`notice-${name}`} maxLength={120} required={required} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
      )}
    </div>
  );

  return (
    <>
      <h1>{t('notices.title')}</h1>
      <p className="hint">{t('notices.intro')}</p>
      <form className="card" aria-label={t('notices.create')} onSubmit={submit}>
        {field('title', t('notices.titleField'), false, true)}
        {field('body', t('notices.bodyField'), true, true)}
        {field('titleEn', t('notices.titleEnField'), false, false)}
        {field('bodyEn', t('notices.bodyEnField'), true, false)}
        <ErrorMessage error={create.error} />
        {create.isSuccess ? <SuccessMessage>{t('notices.created')}</SuccessMessage> : null}
        <div className="form-actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t('notices.creating') : t('notices.create')}
          </button>
        </div>
      </form>

      <h2>{t('notices.listTitle')}</h2>
      {notices.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={notices.error ?? retire.error} />
      {notices.data && notices.data.notices.length === 0 ? <p className="muted">{t('notices.none')}</p> : null}
      {notices.data && notices.data.notices.length > 0 ? (
        <ResponsiveTable
          caption={t('notices.listTitle')}
          rows={notices.data.notices}
          rowKey={(notice) => notice.id}
          columns={[
            { label: t('notices.publishedAt'), render: (notice) => formatDateTime(notice.publishedAt, i18n.language) },
            { label: t('notices.titleField'), render: (notice) => (i18n.language === 'en' && notice.titleEn ? notice.titleEn : notice.title) },
            { label: t('notices.publisher'), render: (notice) => notice.publisher },
            { label: t('notices.author'), render: (notice) => notice.createdByName },
            {
              label: t('notices.state'),
              render: (notice) => <span className={`badge ${notice.retiredAt ? 'badge-off' : 'badge-on'}`}>{notice.retiredAt ? t('notices.retired') : t('notices.live')}</span>,
            },
            {
              label: t('common.actions'),
              render: (notice) =>
                notice.retiredAt ? null : (
                  <button type="button" className="button-secondary" aria-label={t('notices.retireLabel', { title: notice.title })} disabled={retire.isPending} onClick={() => retire.mutate(notice.id)}>
                    {t('notices.retire')}
                  </button>
                ),
            },
          ]}
        />
      ) : null}
    </>
  );
}
