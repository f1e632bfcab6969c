import type { SuspectedCaseRule } from './screening.rule.js';

/**
 * The suspected-case rule Bluezone applies unless the province configures its own (BLUEZONE_SUSPECTED_CASE_RULE, a
 * JSON file of this same shape; see apps/server/README.md, "Screening").
 *
 * Source: Bộ Y tế (Ministry of Health), Quyết định 3468/QĐ-BYT ngày 07/8/2020, "Hướng dẫn tạm thời giám sát và phòng,
 * chống COVID-19" (Interim Guidance on Surveillance and Prevention of COVID-19), which replaced Quyết định 963/QĐ-BYT
 * of 18/3/2020. A suspected case (ca bệnh nghi ngờ) is a person with symptoms of acute respiratory infection (fever,
 * cough, sore throat, shortness of breath) AND an epidemiological factor within the 14 days before: having been in, or
 * come from, an area with COVID-19 (here: a place overlapping an epidemic area on one of its days), or close contact
 * with a confirmed or suspected case. Bluezone counts the app's close-contact warning as such a contact: the warning
 * means the phone was near a confirmed case's phone for about 15 minutes at about 2 m.
 *
 * What this rule leaves out, and a province may add: fatigue and loss of taste or smell (added to case definitions in
 * 2021), contact with someone back from an epidemic area or with fever or cough (F2-like, not in the 2020 definition).
 */
export const MOH_2020_SUSPECTED_CASE: SuspectedCaseRule = {
  id: 'moh-3468-2020',
  source: 'Bộ Y tế, Quyết định 3468/QĐ-BYT ngày 07/8/2020, Hướng dẫn tạm thời giám sát và phòng, chống COVID-19: ca bệnh nghi ngờ',
  windowDays: 14,
  clinical: { symptoms: ['fever', 'cough', 'sore_throat', 'shortness_of_breath'], atLeast: 1 },
  epidemiological: { anyOf: ['epidemic_area', 'contact_with_case', 'app_exposure_warning'] },
  monitoringDays: 14,
};
