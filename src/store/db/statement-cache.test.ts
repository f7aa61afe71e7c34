// The statement cache: one prepared statement per SQL text, reused; the least recently used goes past
// the bound; a statement kept across a schema change still answers for the new schema.
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.js';

describe('statement cache', () => {
  it('reuses statements by SQL text, drops the least recently used, follows schema changes', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const db = cachingStatements(sqlite);
    sqlite.exec('create table t (a integer)');
    const insert = db.prepare('insert into t (a) values (?)');
    expect(db.prepare('insert into t (a) values (?)')).toBe(insert);
    insert.run([1]);
    // 512 other texts: the insert, used most recently of all but them, is the one dropped
    const first = db.prepare('select 0 as n');
    for (let k = 1; k <= 512; k++) {
      if (k === 300) expect(db.prepare('select 0 as n')).toBe(first);
      db.prepare(`select ${k} as n`);
    }
    expect(db.prepare('insert into t (a) values (?)')).not.toBe(insert);
    expect(db.prepare('select 0 as n')).toBe(first);
    const all = db.prepare('select * from t');
    expect(all.all([])).toEqual([{ a: 1 }]);
    sqlite.exec('alter table t add column b text');
    expect(db.prepare('select * from t')).toBe(all);
    expect(all.all([])).toEqual([{ a: 1, b: null }]);
    db.close();
  });
});
