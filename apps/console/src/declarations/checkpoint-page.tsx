import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDateTime } from '../components/format.js';
import { Field } from '../forms/field.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { ReasonList } from '../public/reason-list.js';
import { FlagBadges } from './flag-badges.js';
import './declarations.css';

const SPECS = { receipt: { labelKey: 'checkpoint.code', required: true, pattern: /^[2-9A-HJ-NP-Z]{4}[\s-]?[2-9A-HJ-NP-Z]{4}$/i, formatKey: 'checkpoint.codeHint' } };

/**
 * A checkpoint reads the receipt a person shows: typed, or scanned with a phone's camera (the QR code opens
 * `/checkpoint/CODE` here). It shows who it is, whether the receipt holds, and what screening found.
 */
export function CheckpointPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const params = useParams();
  const [receipt, setReceipt] = useState(params.receipt ?? '');
  const lookUp = useMutation({ mutationFn: (code: string) => api.byReceipt(code) });
  const check = useFormCheck(SPECS, lookUp.error);

  useEffect(() => {
    if (params.receipt) {
      setReceipt(params.receipt);
      lookUp.mutate(params.receipt);
    }
    // A scanned code looks itself up once; the form looks up what is typed.
  }, [params.receipt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.check({ receipt })) return;
    const code = receipt.trim().toUpperCase();
    if (code === params.receipt) lookUp.mutate(code);
    else navigate(`/checkpoint/${encodeURIComponent(code)}`);
  };
  const d = lookUp.data;
  const residence = d ? (i18n.language === 'en' ? d.residence.unitNameEn : d.residence.unitName) : '';
  return (
    <>
      <h1>{t('checkpoint.title')}</h1>
      <p>{t('checkpoint.intro')}</p>
      <form role="search" className="card search-form" aria-label={t('checkpoint.title')} onSubmit={submit} noValidate>
        <Field label={t('checkpoint.code')} hint={t('checkpoint.codeHint')} id={check.idOf('receipt')} error={check.errorOf('receipt')}>
          {(control) => (
            <input
              {...control}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              value={receipt}
              onChange={(e) => {
                check.touched('receipt');
                setReceipt(e.target.value);
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={lookUp.isPending}>
          {lookUp.isPending ? t('checkpoint.lookingUp') : t('checkpoint.lookUp')}
        </button>
      </form>
      <ErrorMessage error={lookUp.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
      {d ? (
        <section className="card checkpoint-result" aria-labelledby="checkpoint-name" aria-live="polite">
          <div className="page-heading">
            <h2 id="checkpoint-name">{d.fullName}</h2>
            <FlagBadges suspected={d.suspected} arrival={d.arrivalFromEpidemicArea} />
          </div>
          <p className={d.receiptValid ? 'receipt-state-valid' : 'receipt-state-expired'}>
            {d.receiptValid ? t('checkpoint.valid', { date: formatDateTime(d.receiptExpiresAt, i18n.language) }) : t('checkpoint.expired', { date: formatDateTime(d.receiptExpiresAt, i18n.language) })}
          </p>
          <dl className="facts">
            <div>
              <dt>{t('declarations.receipt')}</dt>
              <dd lang="en">{d.receipt}</dd>
            </div>
            <div>
              <dt>{t('declaration.person')}</dt>
              <dd>{t('declaration.identity', { year: d.yearOfBirth, gender: t(`declare.genders.${d.gender}`) })}</dd>
            </div>
            {d.idNumber ? (
              <div>
                <dt>{t('declaration.idNumber')}</dt>
                <dd>{d.idNumber}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('declaration.residence')}</dt>
              <dd>{residence}</dd>
            </div>
            <div>
              <dt>{t('declarations.declaredAt')}</dt>
              <dd>{formatDateTime(d.declaredAt, i18n.language)}</dd>
            </div>
          </dl>
          {d.reasons.length > 0 ? <ReasonList reasons={d.reasons} /> : <p>{t('declaration.notFlagged')}</p>}
          {d.inScope ? (
            <p>
              <Link to={`/declarations/${d.id}`}>{t('checkpoint.open')}</Link>
            </p>
          ) : (
            <p className="hint">{t('checkpoint.outOfScope')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
