// Made-up Vietnamese names for the demo (deterministic, never one of the articles' names).

/** A deterministic pseudo-random sequence (mulberry32) from a text seed. */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Phan',
  'Trịnh',
  'Lương',
  'Mai',
  'Tạ',
  'Hà',
  'Triệu',
  'Nông',
  'Lò',
];
const MALE_MIDDLE = [
  'Văn',
  'Đức',
  'Minh',
  'Quang',
  'Hữu',
  'Thành',
  'Xuân',
  'Mạnh',
  'Trọng',
  'Công',
  'Tiến',
];
const FEMALE_MIDDLE = ['Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Hồng', 'Phương', 'Kim', 'Thúy'];
const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Hải',
  'Long',
  'Sơn',
  'Thắng',
  'Bình',
  'Khánh',
  'Lâm',
  'Nam',
  'Phong',
  'Quý',
  'Tài',
  'Thịnh',
  'Toàn',
  'Trung',
  'Việt',
  'Kiên',
  'Hiếu',
  'Đạt',
  'Huy',
];
const FEMALE_GIVEN = [
  'Hà',
  'Hạnh',
  'Hoa',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phượng',
  'Quyên',
  'Thảo',
  'Trang',
  'Tuyết',
  'Uyên',
  'Xuân',
  'Yến',
  'Loan',
  'Diệp',
];

/** A made-up name with its gender. */
export interface SampleName {
  readonly fullName: string;
  readonly gender: 'male' | 'female';
}

/**
 * `count` distinct made-up names from `seed`, none in `avoid` (the articles' names), about one woman
 * in three. NFC, correct diacritics.
 */
export function sampleNames(
  seed: string,
  count: number,
  avoid: Iterable<string> = [],
): SampleName[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const taken = new Set(avoid);
  const names: SampleName[] = [];
  while (names.length < count) {
    const gender = random() < 0.35 ? 'female' : 'male';
    const fullName = [
      pick(SURNAMES),
      pick(gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE),
      pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN),
    ]
      .join(' ')
      .normalize('NFC');
    if (taken.has(fullName)) continue;
    taken.add(fullName);
    names.push({ fullName, gender });
  }
  return names;
}

/** Names taken from the five articles: made-up names never reuse them. */
export const ARTICLE_NAMES: readonly string[] = [
  'Trần Anh Cường',
  'Hoàng Vĩnh Khuyến',
  'Đặng Văn Tuấn',
  'Nguyễn Quốc Đoàn',
  'Hồ Tiến Thiệu',
  'Hoàng Bá Nam',
  'Hồ Quang Huy',
  'Đỗ Văn Tuấn',
  'Nguyễn Thu Hương',
  'Nguyễn Phúc Vinh',
  'Phạm Văn Hoan',
  'Hoàng Anh Tuất',
  'Phùng Thị Thu Vân',
  'Nguyễn Thành Hưng',
  'Nguyễn Hồng Quang',
  'Đinh Quang Chung',
  'Thanh Nga',
  'Hải Triều',
  'Trần Tương',
];
