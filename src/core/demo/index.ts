// The demo data (dữ liệu mẫu) of the five seed articles, in the order the articles are numbered.

import { CD_Y_TE_DONG_NAI } from './cd-y-te-dong-nai.js';
import { DAM_HA } from './dam-ha.js';
import type { DemoSeed } from './demo-types.js';
import { LANG_SON } from './lang-son.js';
import { MONG_CAI } from './mong-cai.js';
import { SO_XAY_DUNG } from './so-xay-dung.js';

export * from './demo-types.js';
export * from './sample-names.js';

/** The five seeds: Đầm Hà, Lạng Sơn, Móng Cái, Sở Xây dựng, CĐ Y tế Đồng Nai. */
export const DEMO_SEEDS: readonly DemoSeed[] = [
  DAM_HA,
  LANG_SON,
  MONG_CAI,
  SO_XAY_DUNG,
  CD_Y_TE_DONG_NAI,
];

/** Texts of the comments sent before the Móng Cái conference ("đều đồng tình"), used in turn. */
export const AGREEING_COMMENTS: readonly string[] = [
  'Đồng tình với báo cáo kiểm điểm của đồng chí.',
  'Nhất trí với nội dung báo cáo, không có ý kiến khác.',
  'Đồng chí đã hoàn thành tốt nhiệm vụ được giao; đồng tình với báo cáo.',
  'Không có yêu cầu giải trình; nhất trí với báo cáo tự đánh giá.',
];
