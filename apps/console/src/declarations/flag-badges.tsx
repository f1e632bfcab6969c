import { useTranslation } from 'react-i18next';

/** A declaration's flags as badges: the words themselves, not colour alone. */
export function FlagBadges({ suspected, arrival }: { suspected: boolean; arrival: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="flag-badges">
      {suspected ? <span className="badge badge-suspected">{t('declarations.suspectedBadge')}</span> : null}
      {arrival ? <span className="badge badge-arrival">{t('declarations.arrivalBadge')}</span> : null}
    </span>
  );
}

/** "Xã Đồng Đăng" inside a Vietnamese sentence reads "xã Đồng Đăng"; English names stay as they are. */
export function inSentence(name: string, language: string): string {
  return language === 'en' ? name : name.replace(/^(Xã|Phường|Thị trấn|Đặc khu|Thành phố|Tỉnh)(?=\s)/u, (word) => word.toLowerCase());
}
