// Tài khoản, vai trò, phiên — accounts, the roles granted to them, and sign-in sessions.

import type { Id, IsoTimestamp } from './common.js';

/**
 * Vai trò (issue 3 §3): quản trị (administrator), cán bộ tổ chức (organiser of a unit and below),
 * thành viên Ban kiểm phiếu (counting-committee of one conference), người ghi phiếu (voter, linked to a
 * participant), giám sát (inspector, read-only), cấp có thẩm quyền (competent authority of a unit and
 * below), người được lấy phiếu (subject: uploads a report, answers questions).
 */
export type Role =
  | 'administrator'
  | 'organiser'
  | 'counting-committee'
  | 'voter'
  | 'inspector'
  | 'competent-authority'
  | 'subject';

/** One role held by an account and where it applies (the same shape the server's policy reads). */
export type Grant =
  | { readonly role: 'administrator' }
  | { readonly role: 'organiser' | 'inspector' | 'competent-authority'; readonly unitId: Id }
  | { readonly role: 'counting-committee'; readonly conferenceId: Id }
  | { readonly role: 'voter'; readonly conferenceId: Id; readonly participantId: Id }
  | { readonly role: 'subject'; readonly personId: Id };

/** A grant as stored, with its id. */
export type StoredGrant = Grant & { readonly id: Id; readonly userId: Id };

/** Tài khoản. The password hash is produced and checked by the server (scrypt/argon2). */
export interface User {
  readonly id: Id;
  /** Tên đăng nhập — unique, compared in lower case. */
  readonly username: string;
  readonly displayName: string;
  /** Encoded password hash; null for accounts that sign in with a one-time code only. */
  readonly passwordHash: string | null;
  readonly disabled: boolean;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

/** Phiên đăng nhập. Only the token's digest is stored. */
export interface Session {
  readonly id: Id;
  readonly userId: Id;
  /** SHA-256 digest of the cookie token (hex or base64url, as the server gives it). */
  readonly tokenDigest: string;
  readonly csrfToken: string;
  readonly createdAt: IsoTimestamp;
  readonly expiresAt: IsoTimestamp;
  readonly lastSeenAt: IsoTimestamp;
}
