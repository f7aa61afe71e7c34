// Account helpers the routes share: the API view of a user, and whether an administrator exists yet.

import type { User } from '../../core/model/index.js';
import type { Store } from '../../store/index.js';
import type { UserDto } from '../routes/schemas.js';

/** The API view of a user: no password hash; grants with their ids. */
export async function userDto(store: Store, user: User): Promise<UserDto> {
  const grants = await store.users.grants(user.id);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    disabled: user.disabled,
    grants: grants.map(({ userId: _userId, ...grant }) => grant),
  };
}

/** Whether any enabled account holds the administrator role (first start: none does). */
export async function hasAdministrator(store: Store): Promise<boolean> {
  for (const user of await store.users.list()) {
    if (user.disabled) continue;
    if ((await store.users.grants(user.id)).some((g) => g.role === 'administrator')) return true;
  }
  return false;
}
