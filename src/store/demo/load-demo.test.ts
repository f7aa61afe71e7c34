// The demo loads on both stores, once, and reproduces what the five seed articles say.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_NAMES, DEMO_SEEDS } from '../../core/demo/index.js';
import {
  effectiveDecision,
  formatPlanReference,
  formatQuestionCounts,
} from '../../core/model/index.js';
import type { Store } from '../store.js';
import { postgresHarness, sqliteHarness } from '../testing/harnesses.js';
import type { ContractHarness } from '../testing/store-contract.js';
import { loadDemo, type DemoSummary } from './load-demo.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'demo');

interface SeedFacts {
  conferences: Record<
    string,
    {
      article: string;
      date?: string;
      quotes: string[];
      subjects?: { fullName: string; title: string }[];
      votedOn?: number;
      named?: string[];
      excluded: { title: string; reason: string }[];
      summoned?: number;
      comments?: number;
      clarifications?: number;
      countingCommitteeHead?: string;
      plans?: string[];
      director?: string;
    }
  >;
}

const facts = JSON.parse(readFileSync(join(FIXTURES, 'seed-facts.json'), 'utf8')) as SeedFacts;

describe('seed facts fixture', () => {
  it('quotes every fact verbatim from its article', () => {
    for (const [key, conference] of Object.entries(facts.conferences)) {
      const article = readFileSync(join(FIXTURES, conference.article), 'utf8');
      for (const quote of conference.quotes) expect(article, `${key}: ${quote}`).toContain(quote);
    }
  });

  it('keeps made-up names apart from the articles’ names, all NFC', () => {
    for (const seed of DEMO_SEEDS) {
      for (const person of seed.persons) {
        expect(person.fullName).toBe(person.fullName.normalize('NFC'));
        if (!person.fromArticle) expect(ARTICLE_NAMES).not.toContain(person.fullName);
      }
    }
  });
});

function describeDemo(name: string, makeHarness: () => Promise<ContractHarness>): void {
  describe(`demo data on ${name}`, () => {
    let h: ContractHarness;
    let store: Store;
    let summary: DemoSummary;

    beforeAll(async () => {
      h = await makeHarness();
      store = h.store;
      const loaded = await loadDemo(store, { now: '2026-01-01T00:00:00.000Z' });
      if (!loaded.ok) throw new Error(loaded.error.message);
      summary = loaded.value;
    }, 120_000);
    afterAll(async () => {
      await h?.cleanup();
    });

    const conference = (key: string) => summary.manifest.conferences[key]!;
    const votedNames = async (key: string) => {
      const subjects = await store.subjects.list(conference(key));
      const voted = subjects.filter((s) => effectiveDecision(s) === 'vote');
      return Promise.all(voted.map(async (s) => (await store.persons.get(s.personId))!.fullName));
    };

    it('loads five seeds once and refuses a second load', async () => {
      expect(Object.keys(summary.manifest.rounds)).toEqual(DEMO_SEEDS.map((s) => s.key));
      expect(summary.excluded).toBe(2);
      const again = await loadDemo(store);
      expect(again.ok ? null : again.error.code).toBe('demo_already_loaded');
      expect((await store.units.list()).every((u) => u.sample)).toBe(true);
      expect((await store.audit.verifyChain()).ok).toBe(true);
    });

    it('Đầm Hà: Trần Anh Cường on 20/9/2023, chaired by Hoàng Vĩnh Khuyến', async () => {
      const f = facts.conferences['dam-ha']!;
      const c = (await store.conferences.get(conference('dam-ha')))!;
      expect(c.date).toBe(f.date);
      expect(c.chair).toContain('Hoàng Vĩnh Khuyến');
      expect(await votedNames('dam-ha')).toEqual(f.subjects!.map((s) => s.fullName));
      const [subject] = await store.subjects.list(c.id);
      expect(subject?.title).toBe('Huyện ủy viên, Phó Chủ tịch UBND huyện');
      expect(c.status).toBe('prepared');
    });

    it('Lạng Sơn: 12 voted on, two excluded with the article’s reasons', async () => {
      const f = facts.conferences['lang-son']!;
      const subjects = await store.subjects.list(conference('lang-son'));
      const voted = await votedNames('lang-son');
      expect(voted.length).toBe(f.votedOn);
      for (const named of f.named!) expect(voted).toContain(named);
      const excluded = subjects.filter((s) => effectiveDecision(s) === 'exclude');
      expect(
        excluded.map((s) => [
          s.title.replace(/^Ủy viên Ban Thường vụ Tỉnh ủy, /, ''),
          s.exclusions.map((e) => e.reason),
        ]),
      ).toEqual(f.excluded.map((e) => [e.title, [e.reason]]));
      expect(subjects.filter((s) => /Bí thư Tỉnh ủy|Phó Bí thư/.test(s.title)).length).toBe(3);
    });

    it('Móng Cái: 2 Phó Chủ tịch, 183 summoned, 142 comments and 0 requests, plans 274 and 267', async () => {
      const f = facts.conferences['mong-cai']!;
      const id = conference('mong-cai');
      const c = (await store.conferences.get(id))!;
      expect(c.date).toBe(f.date);
      expect((await votedNames('mong-cai')).sort()).toEqual(
        f.subjects!.map((s) => s.fullName).sort(),
      );
      expect(await store.participants.count(id)).toBe(f.summoned);
      const counts = await store.questions.counts(id);
      expect(counts.total).toBe(f.comments);
      expect(counts.clarifications).toBe(f.clarifications);
      expect(formatQuestionCounts(counts).vi).toBe('142 ý kiến, 0 yêu cầu giải trình');
      const participants = await store.participants.list(id);
      expect(participants.map((p) => p.fullName)).toContain(f.countingCommitteeHead);
      const round = (await store.rounds.get(c.roundId))!;
      expect([round.plan.number, c.localPlan?.number]).toEqual(f.plans);
    });

    it('Sở Xây dựng: the Director and the Deputy Directors on 26/9/2023 under 277-KH/TU and 139/KH-SXD', async () => {
      const f = facts.conferences['so-xay-dung']!;
      const c = (await store.conferences.get(conference('so-xay-dung')))!;
      expect(c.date).toBe(f.date);
      const round = (await store.rounds.get(c.roundId))!;
      expect([formatPlanReference(round.plan), formatPlanReference(c.localPlan!)]).toEqual(f.plans);
      const subjects = await store.subjects.list(c.id);
      expect(subjects.every((s) => effectiveDecision(s) === 'vote')).toBe(true);
      expect(
        subjects.map((s) => s.title).filter((t) => t === 'Phó Giám đốc Sở').length,
      ).toBeGreaterThan(1);
      expect(await votedNames('so-xay-dung')).toContain(f.director);
    });

    it('CĐ Y tế Đồng Nai: the Principal on 29/6/2023 under 249-KH/TU and 109-KH/ĐU', async () => {
      const f = facts.conferences['cd-y-te-dong-nai']!;
      const c = (await store.conferences.get(conference('cd-y-te-dong-nai')))!;
      expect(c.date).toBe(f.date);
      const round = (await store.rounds.get(c.roundId))!;
      expect([formatPlanReference(round.plan), formatPlanReference(c.localPlan!)]).toEqual(f.plans);
      expect(await votedNames('cd-y-te-dong-nai')).toEqual(f.subjects!.map((s) => s.fullName));
    });
  });
}

describeDemo('SQLite', sqliteHarness);
describeDemo('PostgreSQL', postgresHarness);
