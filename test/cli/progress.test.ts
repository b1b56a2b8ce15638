import { progressLine } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, isTTY, columns: 40, write: (t: string) => out.push(t) };
}

describe('progressLine', () => {
  test('silent when stderr is not a terminal, or the run is short', () => {
    const pipe = stream(false);
    const p = progressLine(pipe, 500);
    p.update(1, 'a.py');
    p.done();
    const tty = stream(true);
    const short = progressLine(tty, 10);
    short.update(1, 'a.py');
    short.done();
    expect([...pipe.out, ...tty.out]).toEqual([]);
  });

  test('one rewritten line on a terminal, the end of long paths kept, cleared at the end', () => {
    const tty = stream(true);
    const p = progressLine(tty, 100);
    p.update(1, 'pkg/sub/module.py');
    p.update(100, `${'deep/'.repeat(20)}last.py`);
    p.done();
    expect(tty.out[0]).toBe('\r\x1b[K[1/100] pkg/sub/module.py');
    expect(tty.out[1]).toMatch(/^\r\x1b\[K\[100\/100\] ….*\/last\.py$/);
    expect(tty.out[1]!.length).toBeLessThanOrEqual(40 + 4);
    expect(tty.out[2]).toBe('\r\x1b[K');
  });
});
