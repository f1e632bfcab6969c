import type { Indicator, IndicatorKey, Recipient, RecipientPicks, ReportHeader, ReportStatus, Round } from '@bluezone/contract';

/** Campaigns, rounds, recipients and reports as the store hands them to the services. */

export interface CampaignRecord {
  id: number;
  documentNumber: string;
  title: string;
  issuedOn: string;
  issuingBody: string;
  unitCode: string;
  body: string;
  indicators: Indicator[];
  header: ReportHeader;
  recipientPicks: RecipientPicks;
  createdAt: string;
}

export type NewCampaign = Omit<CampaignRecord, 'id' | 'createdAt'> & { createdBy: number | null };

export interface RoundRecord extends Round {
  id: number;
  campaignId: number;
}

export interface NewRecipient {
  unitCode: string | null;
  agencyId: number | null;
  homeUnitCode: string;
}

/** A recipient with what applicability and roll-ups need: the unit's level, the agency's group. */
export interface RecipientRecord extends Recipient {
  level: string | null;
}

export interface StoredValue {
  indicator: IndicatorKey;
  quantity: number;
  percent: number | null;
  note: string | null;
}

export interface ReportRecord {
  id: number;
  roundId: number;
  recipientId: number;
  status: ReportStatus;
  staffTotal: number | null;
  staffInstalled: number | null;
  proposals: string | null;
  submittedAt: string | null;
  late: boolean;
  reviewComment: string | null;
  reviewedAt: string | null;
  updatedAt: string;
  values: StoredValue[];
}

export interface ReportChanges {
  status?: ReportStatus;
  submittedAt?: string;
  late?: boolean;
  reviewComment?: string | null;
  reviewedAt?: string;
  reviewedBy?: number | null;
}

export interface ContactRecord {
  recipientId: number;
  userId: number;
  displayName: string;
  username: string;
  email: string | null;
  phone: string | null;
}

export interface AttachmentRecord {
  id: number;
  campaignId: number;
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  storageName: string;
  createdAt: string;
}

export interface UnitInfo {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  level: string;
  parentCode: string | null;
}
