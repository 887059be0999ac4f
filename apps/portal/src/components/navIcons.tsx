import type { NavSectionKey } from '@anc/domain';
import {
  IconAddressBook,
  IconAlertOctagon,
  IconChecklist,
  IconLayoutDashboard,
  IconSettings,
  IconShieldExclamation,
  IconTargetArrow,
  type Icon,
} from '@tabler/icons-react';

export const NAV_ICONS: Record<NavSectionKey, Icon> = {
  dashboard: IconLayoutDashboard,
  incidents: IconShieldExclamation,
  tasks: IconChecklist,
  advisories: IconAlertOctagon,
  initiatives: IconTargetArrow,
  directory: IconAddressBook,
  admin: IconSettings,
};
