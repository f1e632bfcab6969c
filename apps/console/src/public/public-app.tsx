import type { DeclarationKind, Place, SubmitDeclarationResponse } from '@bluezone/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/client.js';
import { publicDeclarationCalls } from '../api/declarations-api.js';
import { LOCALES } from '../api/types.js';
import { applyLocale } from '../i18n/index.js';
import { DeclarationForm } from './declaration-form.js';
import { toRequest } from './declaration-draft.js';
import { ReceiptView } from './receipt-view.js';
import { SELF_REPORT_PATH } from './self-report-link.js';
import { SelfReportPage } from './self-report-page.js';
import './public.css';

/** `/khai-bao` is the domestic declaration, `/khai-bao/nhap-canh` the entry one; `?dv=06184` picks the ward. */
export function pageOf(pathname: string): DeclarationKind | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/khai-bao') return 'domestic';
  if (path === '/khai-bao/nhap-canh') return 'entry';
  return null;
}

function LanguageButtons() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((locale) => (
        <button key={locale} type="button" lang={locale} aria-pressed={i18n.language === locale} onClick={() => void applyLocale(locale)}>
          {t(`lang.${locale}`)}
        </button>
      ))}
    </div>
  );
}

/** The citizen's pages: no account, no officials' screens, only the form, its receipt and the language. */
export function PublicApp({ client }: { client: ApiClient }) {
  const { t } = useTranslation();
  const [api] = useState(() => publicDeclarationCalls(client));
  const kind = pageOf(window.location.pathname);
  const selfReport = window.location.pathname.replace(/\/+$/, '') === SELF_REPORT_PATH;
  const [answer, setAnswer] = useState<SubmitDeclarationResponse | null>(null);
  const [residence, setResidence] = useState<Place | null | undefined>(undefined);
  const [round, setRound] = useState(0);

  // The poster's QR code names the ward: pick it before the form shows. An unknown code leaves the choice open.
  useEffect(() => {
    const code = new URLSearchParams(window.location.search).get('dv');
    if (!code) {
      setResidence(null);
      return;
    }
    api
      .place(code)
      .then((place) => setResidence(place.local && place.level !== 'province' ? place : null))
      .catch(() => setResidence(null));
  }, [api]);

  useEffect(() => {
    if (!selfReport) document.title = `${t(kind === 'entry' ? 'declare.titleEntry' : 'declare.title')} · ${t('app.name')}`;
  }, [t, kind, selfReport]);

  const other = kind === 'entry' ? '/khai-bao' : '/khai-bao/nhap-canh';
  return (
    <div className="shell public">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">
            <span className="brand-name">{t('app.name')}</span>
          </p>
          <LanguageButtons />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="content narrow">
        {selfReport ? (
          <SelfReportPage status={api.selfReportStatus} report={api.selfReport} />
        ) : kind === null ? (
          <>
            <h1>{t('notFound.title')}</h1>
            <p>
              <a href="/khai-bao">{t('declare.title')}</a>
            </p>
          </>
        ) : answer ? (
          <ReceiptView
            answer={answer}
            onAnother={() => {
              setAnswer(null);
              setRound((n) => n + 1);
              window.scrollTo(0, 0);
            }}
          />
        ) : (
          <>
            <h1>{t(kind === 'entry' ? 'declare.titleEntry' : 'declare.title')}</h1>
            <p>{t(kind === 'entry' ? 'declare.introEntry' : 'declare.intro')}</p>
            <p>
              <a href={`${other}${window.location.search}`}>{t(kind === 'entry' ? 'declare.switchToDomestic' : 'declare.switchToEntry')}</a>
            </p>
            {residence === undefined ? (
              <p className="muted">{t('common.loading')}</p>
            ) : (
              <DeclarationForm
                key={round}
                kind={kind}
                residence={residence}
                search={(q, scope) => api.searchPlaces(q, scope)}
                submit={(draft) => api.submitDeclaration(toRequest(draft))}
                onDone={(done) => {
                  setAnswer(done);
                  window.scrollTo(0, 0);
                }}
              />
            )}
          </>
        )}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
