import { Inject, Injectable } from '@nestjs/common';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { decryptField, encryptField } from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';

/** The handover's free texts that are sealed: the report's plan, risk and parole conditions, and a view. */
export type HandoverText = 'plan' | 'risk' | 'parole_conditions' | 'view';

/**
 * Seals the handover's free texts before they reach the workflow (so its history and the read model hold
 * ciphertext only), with the person register's keys, bound to the case and the field: a ciphertext copied
 * to another case or field does not open.
 */
@Injectable()
export class HandoverTexts {
  constructor(@Inject(API_CONFIG) private readonly config: ExitflowConfig) {}

  seal(caseId: string, field: HandoverText, text: string): string {
    return encryptField(text, this.config.personalData.keyring, boundTo(caseId, field));
  }

  open(caseId: string, field: HandoverText, sealed: string): string {
    return decryptField(sealed, this.config.personalData.keyring, boundTo(caseId, field));
  }
}

const boundTo = (caseId: string, field: HandoverText) => `handover.${field}:${caseId}`;
