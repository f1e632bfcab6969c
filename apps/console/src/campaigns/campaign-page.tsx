import type { NewRound } from '@bluezone/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../api/api-context.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDateTime, formatDay, formatNumber, formatPercent, parseDay } from '../components/format.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { Field } from '../forms/field.js';
import { DAY } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { CampaignDocument } from './campaign-document.js';
import { RoundDashboard } from './round-dashboard.js';
import './campaigns.css';

const ROUND_SPECS = {
  name: { labelKey: 'campaigns.form.roundName', required: true, maxLength: 200 },
  periodEnd: { ...DAY, required: true, labelKey: 'campaigns.form.periodEnd' },
  deadline: { ...DAY, required: true, labelKey: 'campaigns.form.deadline' },
};

/** A campaign as its issuer follows it: the directive and its files, its rounds, each round's dashboard, the trend. */
export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const campaignId = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const campaign = useQuery({ queryKey: ['campaign', campaignId], queryFn: () => api.campaign(campaignId) });
  const trend = useQuery({ queryKey: ['trend', campaignId], queryFn: () => api.trend(campaignId) });
  const [confirmClose, setConfirmClose] = useState(false);
  const [attached, setAttached] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: '', periodEnd: '', deadline: '' });
  const [added, setAdded] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['campaign', campaignId] });
    void queryClient.invalidateQueries({ queryKey: ['summary', campaignId] });
    void queryClient.invalidateQueries({ queryKey: ['trend', campaignId] });
  };
  const close = useMutation({ mutationFn: (roundNo: number) => api.closeRound(campaignId, roundNo), onSuccess: refresh });
  const attach = useMutation({
    mutationFn: (file: File) => api.attach(campaignId, file),
    onSuccess: ({ attachment }) => {
      setAttached(attachment.fileName);
      if (fileInput.current) fileInput.current.value = '';
      refresh();
    },
  });
  const addRound = useMutation({
    mutationFn: (round: NewRound) => api.addRound(campaignId, round),
    onSuccess: ({ round }) => {
      setAdded(round.name);
      setDraft({ name: '', periodEnd: '', deadline: '' });
      setSearch({ round: String(round.roundNo) });
      refresh();
    },
  });
  const check = useFormCheck(ROUND_SPECS, addRound.error);

  if (campaign.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (!campaign.data) return <ErrorMessage error={campaign.error} />;
  const c = campaign.data.campaign;
  const selected = c.rounds.find((r) => String(r.roundNo) === search.get('round')) ?? c.rounds.find((r) => r.closedAt === null) ?? c.rounds.at(-1);
  const submitRound = (event: FormEvent) => {
    event.preventDefault();
    if (!check.check(draft)) return;
    addRound.mutate({ name: draft.name.trim(), periodEnd: parseDay(draft.periodEnd) ?? '', deadline: parseDay(draft.deadline) ?? '' });
  };

  return (
    <>
      <p>
        <Link to="/campaigns">{t('campaigns.list.title')}</Link>
      </p>
      <h1>
        {c.documentNumber}: {c.title}
      </h1>
      <CampaignDocument campaign={c} />
      <div className="card">
        <Field label={t('campaigns.document.attach')} optional>
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              type="file"
              accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              disabled={attach.isPending}
              onChange={(e) => {
                const file = e.target.files?.[0];
                setAttached(null);
                if (file) attach.mutate(file);
              }}
            />
          )}
        </Field>
        {attach.isPending ? <p className="muted">{t('campaigns.document.attaching')}</p> : null}
        {attached ? (
          <p className="message message-success" role="status">
            {t('campaigns.document.attached', { name: attached })}
          </p>
        ) : null}
        <ErrorMessage error={attach.error} />
      </div>

      <nav aria-label={t('campaigns.round.choose')} className="round-tabs">
        <ul>
          {c.rounds.map((round) => (
            <li key={round.roundNo}>
              <Link to={`?round=${round.roundNo}`} aria-current={round.roundNo === selected?.roundNo ? 'page' : undefined}>
                {round.name}
                <span className="hint"> · {round.closedAt ? t('campaigns.round.closed') : t('campaigns.round.deadline', { day: formatDay(round.deadline, i18n.language) })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {selected ? (
        <>
          <div className="form-actions round-actions">
            {selected.closedAt ? (
              <p className="muted">{t('campaigns.round.closedNotice', { time: formatDateTime(selected.closedAt, i18n.language) })}</p>
            ) : (
              <button type="button" className="button-secondary" onClick={() => setConfirmClose(true)}>
                {t('campaigns.round.close')}
              </button>
            )}
          </div>
          <ErrorMessage error={close.error} />
          <ConfirmDialog
            open={confirmClose}
            title={t('campaigns.round.close')}
            body={t('campaigns.round.closeConfirm', { name: selected.name })}
            confirmLabel={t('campaigns.round.close')}
            onConfirm={() => {
              setConfirmClose(false);
              close.mutate(selected.roundNo);
            }}
            onCancel={() => setConfirmClose(false)}
          />
          <RoundDashboard key={selected.roundNo} campaign={c} round={selected} />
        </>
      ) : null}

      {trend.data && trend.data.rounds.length > 1 ? (
        <section aria-labelledby="trend-title">
          <h2 id="trend-title">{t('campaigns.dashboard.trendTitle')}</h2>
          <ResponsiveTable
            caption={t('campaigns.dashboard.trendCaption')}
            rows={trend.data.rounds}
            rowKey={(r) => r.round.roundNo}
            columns={[
              { label: t('campaigns.round.label'), render: (r) => r.round.name },
              { label: t('campaigns.dashboard.submitted'), className: 'numeric', render: (r) => t('campaigns.dashboard.submittedOf', { submitted: formatNumber(r.submitted, i18n.language), expected: formatNumber(r.expected, i18n.language) }) },
              { label: t('campaigns.dashboard.late'), className: 'numeric', render: (r) => formatNumber(r.late, i18n.language) },
              { label: t('campaigns.dashboard.staffInstalled'), className: 'numeric', render: (r) => formatNumber(r.totals.staffInstalled, i18n.language) },
              { label: t('campaigns.dashboard.installedPercent'), className: 'numeric', render: (r) => formatPercent(r.totals.installedPercent, i18n.language) },
            ]}
          />
        </section>
      ) : null}

      <form className="card" aria-label={t('campaigns.round.add')} onSubmit={submitRound} noValidate>
        <h2>{t('campaigns.round.add')}</h2>
        {(['name', 'periodEnd', 'deadline'] as const).map((key) => (
          <Field key={key} label={t(ROUND_SPECS[key].labelKey)} hint={key === 'name' ? undefined : t('fields.dayHint')} id={check.idOf(key)} error={check.errorOf(key)}>
            {(control) => (
              <input
                {...control}
                {...(key === 'name' ? {} : { inputMode: 'numeric' as const, placeholder: 'dd/mm/yyyy', autoComplete: 'off' })}
                value={draft[key]}
                onChange={(e) => {
                  check.touched(key);
                  setAdded(null);
                  setDraft({ ...draft, [key]: e.target.value });
                }}
              />
            )}
          </Field>
        ))}
        <ErrorMessage error={addRound.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
        {added ? (
          <p className="message message-success" role="status">
            {t('campaigns.round.added', { name: added })}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" disabled={addRound.isPending}>
            {t('campaigns.round.add')}
          </button>
        </div>
      </form>
    </>
  );
}
