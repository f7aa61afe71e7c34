// Benchmark: the minutes for 40 persons (PDF, DOCX) and the round's aggregate for 200 units × 10 persons (XLSX, PDF).
// Prints milliseconds per document (median of RUNS after one warm-up) and the sizes; no assertions.

import {
  countConference,
  countRound,
  minutesDocument,
  parseConferenceDocument,
  parseRoundAggregate,
  renderAggregatePdf,
  renderAggregateXlsx,
  renderBallotPdf,
  renderWrittenDocumentDocx,
  renderWrittenDocumentPdf,
} from '../src/documents/index.js';

const RUNS = Number(process.env.RUNS ?? 3);
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hạnh',
  'Khải',
  'Lực',
  'Mẫn',
  'Nghĩa',
  'Phúc',
];

/** A small deterministic generator, so every run renders the same documents. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}
const next = xorshift(96);

function person(index: number, collected: number): Record<string, unknown> {
  const low = next() % Math.max(1, Math.floor(collected / 10));
  const confidence = next() % Math.max(1, Math.floor(collected / 5));
  return {
    name: `${SURNAMES[index % SURNAMES.length]} Văn ${GIVEN[(index * 7) % GIVEN.length]}`,
    position: `Phó Giám đốc Sở số ${index + 1}`,
    high: collected - low - confidence - (index % 3 === 0 ? 1 : 0),
    confidence,
    low,
  };
}

const conferenceJson = JSON.stringify({
  ruleSet: 'qd96-2023',
  issuingBody: { superior: 'Đảng bộ tỉnh Quảng Ninh', name: 'Đảng ủy Khối cơ quan tỉnh' },
  unit: 'Khối cơ quan tỉnh',
  conference: {
    title: 'Hội nghị lấy phiếu tín nhiệm đối với 40 chức danh lãnh đạo, quản lý',
    date: '2023-10-10',
    time: '08:00',
    place: 'Hội trường tỉnh',
    locality: 'Hạ Long',
    chair: { name: 'Nguyễn Văn Chủ', position: 'Bí thư' },
    summoned: 250,
    present: 240,
  },
  countingCommittee: [
    { name: 'Trần Thị Trưởng', role: 'head' },
    { name: 'Lê Văn Viên', role: 'member' },
  ],
  ballotStyles: [
    {
      id: 'forty',
      title: '40 chức danh lãnh đạo, quản lý',
      ballotsIssued: 240,
      ballotsCollected: 240,
      ballotsValid: 240,
      ballotsInvalid: 0,
      persons: Array.from({ length: 40 }, (_, i) => person(i, 240)),
    },
  ],
});

const roundJson = JSON.stringify({
  ruleSet: 'qd96-2023',
  issuingBody: { superior: 'Đảng bộ tỉnh Quảng Ninh', name: 'Tỉnh ủy Quảng Ninh' },
  title: 'Kết quả lấy phiếu tín nhiệm năm 2023 (200 đơn vị × 10 người)',
  date: '2023-11-30',
  locality: 'Hạ Long',
  units: Array.from({ length: 200 }, (_, u) => ({
    name: `Đơn vị số ${u + 1}`,
    conferenceDate: '2023-10-15',
    ballotsIssued: 60,
    ballotsCollected: 60,
    persons: Array.from({ length: 10 }, (_, i) => person(u * 10 + i, 60)),
  })),
  unitsNotReported: ['Đơn vị số 201', 'Đơn vị số 202'],
});

async function measure(label: string, make: () => Promise<Buffer>): Promise<void> {
  await make(); // warm-up: fonts read, code compiled
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    size = (await make()).length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${label.padEnd(44)} ${median.toFixed(0).padStart(6)} ms   ${(size / 1024).toFixed(0).padStart(6)} kB`,
  );
}

const conference = parseConferenceDocument(conferenceJson);
if (!conference.ok) throw new Error(conference.error.message);
const counted = countConference(conference.value);
if (!counted.ok) throw new Error(counted.error.message);
const round = parseRoundAggregate(roundJson);
if (!round.ok) throw new Error(round.error.message);
const roundCounted = countRound(round.value);
if (!roundCounted.ok) throw new Error(roundCounted.error.message);

console.log(
  `Documents benchmark (median of ${RUNS} runs after a warm-up; Node ${process.version})`,
);
await measure('minutes, 40 persons, PDF', () =>
  renderWrittenDocumentPdf(minutesDocument(counted.value)),
);
await measure('minutes, 40 persons, DOCX (Tinos embedded)', () =>
  renderWrittenDocumentDocx(minutesDocument(counted.value)),
);
await measure('ballot, 40 persons, 10 copies, PDF', () =>
  renderBallotPdf(conference.value, { copies: 10 }),
);
await measure('aggregate, 200 units × 10 persons, XLSX', () =>
  renderAggregateXlsx(roundCounted.value),
);
await measure('aggregate, 200 units × 10 persons, PDF', () =>
  renderAggregatePdf(roundCounted.value),
);
