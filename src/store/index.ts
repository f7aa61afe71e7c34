// The store's public face: openStore(config) and the types the server and the CLI use.

export * from '../core/model/index.js';
export type { SubjectProposal } from '../core/subjects/propose-subjects.js';
export * from './store.js';
export * from './store-config.js';
export { openStore } from './open-store.js';
export { proposeConferenceSubjects } from './services/propose-conference-subjects.js';
export {
  DEMO_ACTOR,
  DEMO_SETTING_KEY,
  loadDemo,
  type DemoFailure,
  type DemoManifest,
  type DemoSummary,
} from './demo/load-demo.js';
export { readXlsxRows, XLSX_MAX_BYTES } from './import/xlsx-rows.js';
export * from './conference-day-store.js';
export * from './electronic-store.js';
export {
  LIVE_TOPICS,
  isLiveTopic,
  type LiveChange,
  type LiveListener,
  type LiveTopic,
  type LiveUpdates,
} from './live/live-updates.js';
export { backupStore, type BackupFailure, type BackupSummary } from './backup/write-backup.js';
export { restoreStore, type RestoreFailure, type RestoreSummary } from './backup/restore-backup.js';
export { checkBackupFile } from './backup/read-backup.js';
export type { BackupStoreConfig } from './backup/backup-connection.js';
