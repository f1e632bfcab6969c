import type { AssessmentReason, SubmitDeclarationResponse } from '@bluezone/contract';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../components/format.js';
import { QrImage } from '../components/qr-image.js';
import { inSentence } from '../declarations/flag-badges.js';
import { ReasonList } from './reason-list.js';
import { selfReportLink } from './self-report-link.js';

/** Where a checkpoint officer's phone lands when it scans a receipt's QR code (the console's checkpoint page). */
export function checkpointLink(receipt: string): string {
  return `${window.location.origin}/checkpoint/${encodeURIComponent(receipt)}`;
}

/**
 * The receipt: the code large, its QR code (drawn once the page is shown: the QR library loads only now), how long it
 * holds, what screening found and what to do, and the health station's telephone.
 */
export function ReceiptView({ answer, onAnother }: { answer: SubmitDeclarationResponse; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { assessment, healthStation } = answer;

  useEffect(() => heading.current?.focus(), [answer.receipt]);

  const station = inSentence(i18n.language === 'en' ? healthStation.unitNameEn : healthStation.unitName, i18n.language);
  const verdict = assessment.suspected
    ? t('declare.receipt.suspected')
    : assessment.arrivalFromEpidemicArea && assessment.monitoringUntil
      ? t('declare.receipt.arrival', { date: formatDay(assessment.monitoringUntil, i18n.language) })
      : t('declare.receipt.clear');
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h1 id="receipt-title" ref={heading} tabIndex={-1}>
        {t('declare.receipt.title')}
      </h1>
      <div className="card receipt-card">
        <p className="receipt-label">{t('declare.receipt.code')}</p>
        <p className="receipt-code" lang="en">
          {answer.receipt}
        </p>
        <QrImage text={checkpointLink(answer.receipt)} alt={t('declare.receipt.qrAlt', { code: answer.receipt })} size={200} className="receipt-qr" />
        <p>{t('declare.receipt.validUntil', { date: formatDateTime(answer.receiptExpiresAt, i18n.language) })}</p>
        <p className="hint">{t('declare.receipt.show')}</p>
      </div>
      <div className={`card verdict ${assessment.suspected ? 'verdict-suspected' : assessment.arrivalFromEpidemicArea ? 'verdict-arrival' : ''}`}>
        <p className="verdict-text">{verdict}</p>
        {assessment.reasons.length > 0 ? (
          <>
            <h2>{t('declare.receipt.why')}</h2>
            <ReasonList reasons={assessment.reasons as AssessmentReason[]} />
          </>
        ) : null}
        <h2>{t('declare.receipt.next')}</h2>
        <ul>
          {answer.nextSteps.map((step) => (
            <li key={step}>{t(`declare.nextSteps.${step}`)}</li>
          ))}
        </ul>
        <h2>{t('declare.receipt.station', { unit: station })}</h2>
        {healthStation.phone ? (
          <p>
            <a className="call-link" href={`tel:${healthStation.phone.replace(/[^\d+]/g, '')}`}>
              {t('declare.receipt.call', { phone: healthStation.phone })}
            </a>
          </p>
        ) : (
          <p>{t('declare.receipt.noPhone', { unit: station })}</p>
        )}
      </div>
      {/* Not printed: the link holds the key, and a printed receipt is shown at checkpoints. Offered to every
          declarant: an epidemic area added later can make an arrival of anyone, which the page then says. */}
      <div className="card no-print">
        <h2>{t('declare.selfReport.title')}</h2>
        <p>{assessment.monitoringUntil !== null ? t('declare.selfReport.intro', { date: formatDay(assessment.monitoringUntil, i18n.language) }) : t('declare.selfReport.ask')}</p>
        <p>
          <a href={selfReportLink(answer.receipt, answer.selfReportKey)}>{t('declare.selfReport.open')}</a>
        </p>
        <p className="hint">{t('declare.selfReport.keepLink')}</p>
      </div>
      <div className="form-actions no-print">
        <button type="button" onClick={onAnother}>
          {t('declare.receipt.another')}
        </button>
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {t('declare.receipt.print')}
        </button>
      </div>
    </section>
  );
}
