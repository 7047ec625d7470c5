import { HomePage } from '@/features/home/components/HomePage';
import { hasRole, useMe } from '@/lib/session/session';
import { roles } from './roles';

/** The home page; which dashboard cards click through depends on the pages the role may open. */
export function HomeRoute() {
  const me = useMe();
  return (
    <HomePage
      links={{
        targets: hasRole(me, ...roles.targets), compliance: hasRole(me, ...roles.compliance), complaints: hasRole(me, ...roles.complaints),
        referrals: hasRole(me, ...roles.referrals), loyalty: hasRole(me, ...roles.analytics), reminders: hasRole(me, ...roles.reminders),
      }}
    />
  );
}
