import { sqlInjection } from '../../../analyzers/security/sql-injection.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(sqlInjection, {
  flagged: [
    { code: `cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)`, lines: [1], message: 'pass the values as query parameters' },
    { code: `cursor.execute(f"DELETE FROM t WHERE id = {item_id}")`, lines: [1] },
    { code: `cursor.execute("SELECT a FROM t WHERE b = {}".format(b))`, lines: [1] },
    { code: `conn.execute("UPDATE t SET a = 1 WHERE id = " + str(i))`, lines: [1] },
    { code: `q = "SELECT * FROM t WHERE x = '%s'" % x\ncursor.execute(q)`, lines: [2] },
    { code: `q = "SELECT * FROM t WHERE 1=1"\nq += " AND name = '%s'" % name\ncur.execute(q)`, lines: [3] },
    { code: `cur.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)`, lines: [1] },
    { code: `cur.executescript("DROP TABLE %s" % t)`, lines: [1] },
    { code: `User.objects.raw("SELECT * FROM auth_user WHERE name = '%s'" % n)`, lines: [1] },
    { code: `qs.extra(where=["name = '%s'" % name])`, lines: [1] },
    { code: `from sqlalchemy import text\nstmt = text(f"SELECT * FROM t WHERE id = {i}")`, lines: [2] },
    { code: `from django.db.models.expressions import RawSQL\nRawSQL("SELECT x FROM t WHERE y = %s" % y, ())`, lines: [2] },
    // A conditional value whose branch is a parameter is still spliced in.
    {
      code: `def f(cur, name):
    cur.execute("SELECT * FROM t WHERE n = '%s'" % (name if name else "x"))`,
      lines: [2],
      message: 'parameter',
    },
  ],
  clean: [
    // Parameterised queries: the driver quotes the values.
    { code: `cursor.execute("SELECT * FROM users WHERE name = %s", (name,))` },
    { code: `cursor.execute("SELECT * FROM users WHERE name = ?", [name])` },
    { code: `q = "SELECT * FROM t WHERE id = :id"\ncursor.execute(q, {"id": i})` },
    { code: `cursor.execute(query, params)` },
    { code: `from sqlalchemy import text\ntext("SELECT * FROM t WHERE id = :id")` },
    // Formatting, but nothing that looks like SQL.
    { code: `runner.execute("task-%s" % name)` },
    { code: `execute(f"SELECT * FROM t WHERE a = {a}")` },
    // Literals only: concatenated, or chosen between by a condition that is not part of the text.
    { code: `conn.execute('PRAGMA foreign_keys = ' + 'ON')` },
    {
      code: `def connect(conn, fk):
    conn.execute('PRAGMA foreign_keys = ' + ('ON' if fk else 'OFF'))`,
    },
    {
      code: `def connect(conn, wal):
    conn.execute('PRAGMA journal_mode = %s' % ('WAL' if wal else 'DELETE'))`,
    },
    {
      code: `def set(self, on):
    value = "ON" if on else "OFF"
    self.execute("PRAGMA recursive_triggers = " + value)`,
    },
  ],
});

test('sql-injection: a parameter spliced in is high; otherwise medium', () => {
  const [high] = runRule(sqlInjection, 'def find(cur, name):\n    cur.execute("SELECT * FROM u WHERE n = \'%s\'" % name)\n');
  expect(high).toMatchObject({ severity: 'high', confidence: 'high', cwe: 89, code: 'B608' });
  const [medium] = runRule(sqlInjection, 'cur.execute("SELECT * FROM u WHERE n = \'%s\'" % lookup())\n');
  expect(medium!.severity).toBe('medium');
  const [extra] = runRule(sqlInjection, 'qs.extra(where=["a = %s" % a])\n');
  expect(extra!.code).toBe('B610');
});
