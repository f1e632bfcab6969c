import type { IssueCodeRequest, IssueCodeResponse, TestType } from '@bluezone/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDateTime, parseDay, vietnamDay } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { Choice, Field } from '../forms/field.js';
import { DAY } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { CodeQr } from './code-qr.js';
import './codes.css';
import { DayInput } from '../forms/day-input.js';

const TEST_TYPES: TestType[] = ['confirmed', 'likely', 'negative'];
type DateName = 'symptomDate' | 'testDate';

// Keyed by the names of issueCodeRequestSchema, as the server reports its field problems.
const SPECS = {
  testType: { labelKey: 'codes.testType' },
  symptomDate: { ...DAY, labelKey: 'codes.symptomDate' },
  testDate: { ...DAY, labelKey: 'codes.testDate' },
};

/** Groups of four digits or characters read out more reliably over the phone. */
const spaced = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

/** Health officers issue one-time upload codes to people with a result, and follow which were used. */
export function CodesPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<{ testType: TestType; symptomDate: string; testDate: string }>({ testType: 'confirmed', symptomDate: '', testDate: '' });
  const [issued, setIssued] = useState<IssueCodeResponse | null>(null);
  const codes = usePagedQuery(['codes'], (cursor) => api.listCodes(cursor));
  const issue = useMutation({
    mutationFn: (request: IssueCodeRequest) => api.issueCode(request),
    onSuccess: (response) => {
      setIssued(response);
      void queryClient.invalidateQueries({ queryKey: ['codes'] });
    },
  });
  const check = useFormCheck(SPECS, issue.error);
  // A result or a first symptom lies in the past: the Vietnamese today is the latest day either can be.
  const today = vietnamDay(new Date());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const symptomDate = parseDay(form.symptomDate);
    const testDate = parseDay(form.testDate);
    const future = (key: DateName, day: string | null) =>
      day && day > today ? t('fields.issue', { field: t(SPECS[key].labelKey), problem: t('codes.dateInFuture') }) : undefined;
    const extra = { symptomDate: future('symptomDate', symptomDate), testDate: future('testDate', testDate) };
    if (!check.check({ symptomDate: form.symptomDate, testDate: form.testDate }, extra)) return;
    issue.mutate({
      testType: form.testType,
      ...(symptomDate ? { symptomDate } : {}),
      ...(testDate ? { testDate } : {}),
    });
  };
  const dateField = (key: DateName) => (
    <Field label={t(SPECS[key].labelKey)} id={check.idOf(key)} hint={t('fields.dayHint')} error={check.errorOf(key)} optional>
      {(control) => (
        <DayInput
          {...control}
          value={form[key]}
          onChange={(e) => {
            check.touched(key);
            setForm({ ...form, [key]: e.target.value });
          }}
        />
      )}
    </Field>
  );

  return (
    <>
      <h1>{t('codes.title')}</h1>
      <p className="hint">{t('codes.intro')}</p>
      <form className="card" aria-label={t('codes.issue')} onSubmit={submit} noValidate>
        <Field kind="choices" label={t('codes.testType')} id={check.idOf('testType')} error={check.errorOf('testType')}>
          {() =>
            TEST_TYPES.map((type) => (
              <Choice key={type} label={t(`codes.testTypes.${type}`)}>
                <input type="radio" name="testType" value={type} checked={form.testType === type} onChange={() => setForm({ ...form, testType: type })} />
              </Choice>
            ))
          }
        </Field>
        {dateField('symptomDate')}
        {dateField('testDate')}
        <ErrorMessage error={issue.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
        <div className="form-actions">
          <button type="submit" disabled={issue.isPending}>
            {issue.isPending ? t('codes.issuing') : t('codes.issue')}
          </button>
        </div>
      </form>

      {issued ? (
        <section className="card issued-code code-slip" aria-labelledby="issued-code-title" aria-live="polite">
          <h2 id="issued-code-title">
            <span className="screen-only">{t('codes.issuedTitle')}</span>
            <span className="print-only">{t('codes.slipTitle')}</span>
          </h2>
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
          <p className="print-only">{t('codes.slipHowTo')}</p>
          <p className="hint screen-only">{t('codes.handOver')}</p>
          <div className="form-actions screen-only">
            <button type="button" className="button-secondary" onClick={() => window.print()}>
              {t('codes.print')}
            </button>
          </div>
        </section>
      ) : null}

      <h2>{t('codes.listTitle')}</h2>
      {codes.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={codes.error} />
      {codes.data && codes.items.length === 0 ? <p className="muted">{t('codes.none')}</p> : null}
      {codes.items.length > 0 ? (
        <ResponsiveTable
          caption={t('codes.listTitle')}
          rows={codes.items}
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
      <LoadMore query={codes} />
    </>
  );
}
