import type { Schemas } from '@/lib/api/client';

export const roles: Schemas['Role'][] = ['Admin', 'Manager', 'Rep', 'Service', 'Analyst'];
export const roleColor: Record<Schemas['Role'], string> = { Admin: 'red', Manager: 'purple', Rep: 'blue', Service: 'cyan', Analyst: 'green' };
