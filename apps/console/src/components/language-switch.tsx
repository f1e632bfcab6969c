import { useTranslation } from 'react-i18next';
import { LOCALES } from '../api/types.js';
import { useChangeLocale } from '../auth/session.js';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const change = useChangeLocale();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={i18n.language === locale}
          disabled={change.isPending}
          onClick={() => change.mutate(locale)}
        >
          {t(`lang.${locale}`)}
        </button>
      ))}
    </div>
  );
}
