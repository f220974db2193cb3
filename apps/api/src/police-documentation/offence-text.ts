import { Inject, Injectable } from '@nestjs/common';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { decryptField, encryptField } from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';

/**
 * Seals the offence the police describe before it reaches the workflow (its history and the read model hold
 * ciphertext only), bound to the council it starts: a ciphertext copied to another case does not open.
 */
@Injectable()
export class OffenceText {
  constructor(@Inject(API_CONFIG) private readonly config: ExitflowConfig) {}

  seal(caseId: string, text: string): string {
    return encryptField(text, this.config.personalData.keyring, boundTo(caseId));
  }

  open(caseId: string, sealed: string): string {
    return decryptField(sealed, this.config.personalData.keyring, boundTo(caseId));
  }
}

const boundTo = (caseId: string) => `police-documentation.offence:${caseId}`;
