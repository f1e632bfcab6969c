import type { AssessmentReason } from '@bluezone/contract';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../components/format.js';

/** Why screening flagged a declaration, in the reader's language (shared by the receipt and the officials' pages). */
export function ReasonList({ reasons }: { reasons: readonly AssessmentReason[] }) {
  const { t, i18n } = useTranslation();
  const day = (value: string) => formatDay(value, i18n.language);
  return (
    <ul className="reasons">
      {reasons.map((reason, i) => (
        <li key={i}>
          {reason.code === 'symptoms'
            ? t('reasons.symptoms', { symptoms: reason.symptoms.map((s) => t(`declare.symptomNames.${s}`)).join(', ') })
            : reason.code === 'epidemic_area'
              ? t('reasons.epidemic_area', { area: reason.areaName, from: day(reason.from), to: day(reason.to) })
              : reason.code === 'monitoring_check'
                ? t('reasons.monitoring_check', { day: day(reason.day) })
                : t(`reasons.${reason.code}`)}
        </li>
      ))}
    </ul>
  );
}
