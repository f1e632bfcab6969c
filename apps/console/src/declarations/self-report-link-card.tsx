import type { Declaration } from '@bluezone/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { QrImage } from '../components/qr-image.js';
import { selfReportLink } from '../public/self-report-link.js';

/**
 * A new self-report link for a monitored arrival who lost theirs (the web receipt shows it once; a phone gets lost).
 * Issuing asks first, since the declarant's present link stops working; the new link, its QR code and a copy button
 * are shown once, on this page only: the server keeps only the key's hash.
 */
export function SelfReportLinkCard({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const field = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const issue = useMutation({
    mutationFn: () => api.newSelfReportKey(declaration.id),
    onSuccess: () => {
      setCopied(false);
      // The history shows who issued it.
      void queryClient.invalidateQueries({ queryKey: ['declaration', declaration.id] });
    },
  });
  const issued = issue.data;
  const link = issued ? selfReportLink(issued.receipt, issued.selfReportKey) : null;

  const copy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (a page served without HTTPS): the link stays selected in its field, to copy by hand.
      field.current?.select();
    }
  };

  return (
    <section className="card" aria-labelledby="self-report-link-title">
      <h2 id="self-report-link-title">{t('declaration.selfReportLink.title')}</h2>
      <p className="hint">{t('declaration.selfReportLink.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)} disabled={issue.isPending}>
          {issue.isPending ? t('declaration.selfReportLink.issuing') : t('declaration.selfReportLink.issue')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('declaration.selfReportLink.issue')}
        body={t('declaration.selfReportLink.confirm')}
        confirmLabel={t('declaration.selfReportLink.confirmYes')}
        onConfirm={() => {
          setConfirming(false);
          issue.mutate();
        }}
        onCancel={() => setConfirming(false)}
      />
      <ErrorMessage error={issue.error} />
      {issued && link !== null ? (
        <div className="self-report-link">
          <SuccessMessage>{t('declaration.selfReportLink.issued', { receipt: issued.receipt })}</SuccessMessage>
          <label htmlFor="self-report-link">{t('declaration.selfReportLink.link')}</label>
          <input ref={field} id="self-report-link" type="text" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
          <div className="form-actions">
            <button type="button" onClick={() => void copy()}>
              {t('declaration.selfReportLink.copy')}
            </button>
            {copied ? <span role="status">{t('declaration.selfReportLink.copied')}</span> : null}
          </div>
          <QrImage text={link} alt={t('declaration.selfReportLink.qrAlt', { receipt: issued.receipt })} size={200} className="self-report-link-qr" />
        </div>
      ) : null}
    </section>
  );
}
