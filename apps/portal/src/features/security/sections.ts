// The sections of "Seguridad de la cuenta", in order. Another setting adds its
// section component here: one line.
import type { ComponentType } from 'react';
import { SessionsSection } from '../account/SessionsSection.tsx';
import { PasskeysSection } from './PasskeysSection.tsx';
import { RecoveryCodesSection } from './RecoveryCodesSection.tsx';
import { TotpSection } from './TotpSection.tsx';

export const SECURITY_SECTIONS: readonly { key: string; Component: ComponentType }[] = [
  { key: 'totp', Component: TotpSection },
  { key: 'passkeys', Component: PasskeysSection },
  { key: 'recovery', Component: RecoveryCodesSection },
  { key: 'sessions', Component: SessionsSection },
];
