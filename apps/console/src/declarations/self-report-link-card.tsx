import type { Declaration } from '@bluezone/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
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
  const [confirming, setConfirming] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const issue = useMutation({
    mutationFn: () => api.newSelfReportKey(declaration.id),
    onSuccess: () => {
      setConfirming(false);
      setCopied(false);
      // The history shows who issued it.
      void queryClient.invalidateQueries({ queryKey: ['declaration', declaration.id] });
    },
  });
  const issued = issue.data;
  const link = issued ? selfReportLink(issued.receipt, issued.selfReportKey) : null;

  useEffect(() => {
    setQr(null);
    if (link === null) return;
    let live = true;
    // The QR library loads only when a link is issued, as on the citizen's receipt.
    void import('qrcode')
      .then((QRCode) => QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((svg) => {
        if (live) setQr(svg);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [link]);

  const copy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (a page served without HTTPS): the link stays selected in its field, to copy by hand.
      (document.getElementById('self-report-link') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <section className="card" aria-labelledby="self-report-link-title">
      <h2 id="self-report-link-title">{t('declaration.selfReportLink.title')}</h2>
      <p className="hint">{t('declaration.selfReportLink.intro')}</p>
      {confirming ? (
        <div role="group" aria-labelledby="self-report-link-confirm">
          <p id="self-report-link-confirm">{t('declaration.selfReportLink.confirm')}</p>
          <div className="form-actions">
            <button type="button" onClick={() => issue.mutate()} disabled={issue.isPending}>
              {issue.isPending ? t('declaration.selfReportLink.issuing') : t('declaration.selfReportLink.confirmYes')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)} disabled={issue.isPending}>
              {t('declaration.selfReportLink.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            {t('declaration.selfReportLink.issue')}
          </button>
        </div>
      )}
      <ErrorMessage error={issue.error} />
      {issued && link !== null ? (
        <div className="self-report-link">
          <SuccessMessage>{t('declaration.selfReportLink.issued', { receipt: issued.receipt })}</SuccessMessage>
          <label htmlFor="self-report-link">{t('declaration.selfReportLink.link')}</label>
          <input id="self-report-link" type="text" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
          <div className="form-actions">
            <button type="button" onClick={() => void copy()}>
              {t('declaration.selfReportLink.copy')}
            </button>
            {copied ? <span role="status">{t('declaration.selfReportLink.copied')}</span> : null}
          </div>
          {qr ? <img className="self-report-link-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr)}`} alt={t('declaration.selfReportLink.qrAlt', { receipt: issued.receipt })} width={200} height={200} /> : null}
        </div>
      ) : null}
    </section>
  );
}
