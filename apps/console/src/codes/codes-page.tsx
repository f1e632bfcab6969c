import type { IssueCodeRequest, IssueCodeResponse, TestType } from '@bluezone/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDateTime } from '../components/format.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { CodeQr } from './code-qr.js';
import './codes.css';

const TEST_TYPES: TestType[] = ['confirmed', 'likely', 'negative'];

/** Groups of four digits or characters read out more reliably over the phone. */
const spaced = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

/** Health officers issue one-time upload codes to people with a result, and follow which were used. */
export function CodesPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<{ testType: TestType; symptomDate: string; testDate: string }>({ testType: 'confirmed', symptomDate: '', testDate: '' });
  const [issued, setIssued] = useState<IssueCodeResponse | null>(null);
  const codes = useQuery({ queryKey: ['codes'], queryFn: () => api.listCodes() });
  const issue = useMutation({
    mutationFn: (request: IssueCodeRequest) => api.issueCode(request),
    onSuccess: (response) => {
      setIssued(response);
      void queryClient.invalidateQueries({ queryKey: ['codes'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate({
      testType: form.testType,
      ...(form.symptomDate ? { symptomDate: form.symptomDate } : {}),
      ...(form.testDate ? { testDate: form.testDate } : {}),
    });
  };
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <h1>{t('codes.title')}</h1>
      <p className="hint">{t('codes.intro')}</p>
      <form className="card" aria-label={t('codes.issue')} onSubmit={submit}>
        <fieldset className="field">
          <legend>{t('codes.testType')}</legend>
          {TEST_TYPES.map((type) => (
            <label key={type} className="field-checkbox">
              <input type="radio" name="testType" value={type} checked={form.testType === type} onChange={() => setForm({ ...form, testType: type })} />
              {t(`codes.testTypes.${type}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="code-symptom-date">
            {t('codes.symptomDate')} {t('common.optional')}
          </label>
          <input id="code-symptom-date" type="date" max={today} value={form.symptomDate} onChange={(e) => setForm({ ...form, symptomDate: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="code-test-date">
            {t('codes.testDate')} {t('common.optional')}
          </label>
          <input id="code-test-date" type="date" max={today} value={form.testDate} onChange={(e) => setForm({ ...form, testDate: e.target.value })} />
        </div>
        <ErrorMessage error={issue.error} />
        <div className="form-actions">
          <button type="submit" disabled={issue.isPending}>
            {issue.isPending ? t('codes.issuing') : t('codes.issue')}
          </button>
        </div>
      </form>

      {issued ? (
        <section className="card issued-code" aria-labelledby="issued-code-title" aria-live="polite">
          <h2 id="issued-code-title">{t('codes.issuedTitle')}</h2>
          <div className="issued-code-body">
            <CodeQr longCode={issued.longCode} label={t('codes.qrLabel')} />
            <dl className="facts">
              <dt>{t('codes.shortCode')}</dt>
              <dd>
                <output className="code-large" data-testid="short-code">
                  {spaced(issued.code)}
                </output>
                <span className="hint"> {t('codes.validUntil', { time: formatDateTime(issued.expiresAt, i18n.language) })}</span>
              </dd>
              <dt>{t('codes.longCode')}</dt>
              <dd>
                <output className="code-long" data-testid="long-code">
                  {spaced(issued.longCode)}
                </output>
                <span className="hint"> {t('codes.validUntil', { time: formatDateTime(issued.longExpiresAt, i18n.language) })}</span>
              </dd>
            </dl>
          </div>
          <p className="hint">{t('codes.handOver')}</p>
        </section>
      ) : null}

      <h2>{t('codes.listTitle')}</h2>
      {codes.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={codes.error} />
      {codes.data && codes.data.codes.length === 0 ? <p className="muted">{t('codes.none')}</p> : null}
      {codes.data && codes.data.codes.length > 0 ? (
        <ResponsiveTable
          caption={t('codes.listTitle')}
          rows={codes.data.codes}
          rowKey={(code) => code.uuid}
          columns={[
            { label: t('codes.issuedAt'), render: (code) => formatDateTime(code.issuedAt, i18n.language) },
            { label: t('codes.testType'), render: (code) => t(`codes.testTypes.${code.testType}`) },
            {
              label: t('codes.state'),
              render: (code) => (
                <span className={`badge ${code.state === 'unclaimed' ? 'badge-on' : 'badge-off'}`}>{t(`codes.states.${code.state}`)}</span>
              ),
            },
            {
              label: t('codes.claimedAt'),
              render: (code) => (code.claimedAt ? formatDateTime(code.claimedAt, i18n.language) : t('common.none')),
            },
          ]}
        />
      ) : null}
    </>
  );
}
