import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../../src/core/matcher';
import { Highlighter, LIMITS } from '../../src/page/highlighter.ts';
import { config, highlight, ID_ATTR, INDEX, markedIds, marks, NAMES, settled, textNodes } from './helpers.ts';

let current: Highlighter | null = null;
afterEach(() => {
  current?.stop();
  current = null;
});

async function run(html: string, overrides?: Parameters<typeof highlight>[1]) {
  current = await highlight(html, overrides);
  return current;
}

describe('highlighting', () => {
  it('wraps terms in <mark> elements that carry the entry id and the install names only', async () => {
    await run('<p>People with multiple sclerosis may notice myokymia.</p>');
    expect(markedIds()).toEqual(['multiple-sclerosis:multiple sclerosis', 'myokymia:myokymia']);
    const mark = marks()[0] as HTMLElement;
    expect(mark.className).toBe(NAMES.markClass);
    // The install's class, the test builds' entry id, and its keyboard and screen-reader roles (tab-stops.ts).
    expect(mark.getAttributeNames().sort()).toEqual(
      ['class', ID_ATTR, 'role', 'tabindex', 'aria-haspopup', 'aria-expanded'].sort(),
    );
    expect(mark.hasAttribute('data-markjs')).toBe(false);
    expect(document.body.textContent).toBe('People with multiple sclerosis may notice myokymia.');
  });

  it('adds one stylesheet for highlights, and removes it with them', async () => {
    const h = await run('<p>myokymia</p>');
    const styles = [...document.querySelectorAll('style')];
    expect(styles).toHaveLength(1);
    expect(styles[0]?.textContent).toContain(`mark.${NAMES.markClass}`);
    h.stop();
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('skips every excluded kind of element', async () => {
    await run(`
      <p id="ok">myokymia</p>
      <textarea>myokymia</textarea><input value="myokymia"><select><option>myokymia</option></select>
      <pre>myokymia</pre><p><code>myokymia</code> <kbd>myokymia</kbd> <samp>myokymia</samp> <var>myokymia</var></p>
      <div contenteditable="true">myokymia <b>myokymia</b></div>
      <div contenteditable="plaintext-only">myokymia</div>
      <script>var s = "myokymia";</script><style>.x::after{content:"myokymia"}</style>
      <noscript>myokymia</noscript><template><p>myokymia</p></template>
      <button>myokymia</button><label>myokymia</label>
      <div hidden>myokymia</div><div aria-hidden="true">myokymia</div>
      <div role="button">myokymia</div><span role="tab">myokymia</span><span role="menuitem">myokymia</span>
      <svg><text>myokymia</text></svg><math><mi>myokymia</mi></math>
      <mark>myokymia</mark>
    `);
    expect(marks().map((m) => m.parentElement?.id)).toEqual(['ok']);
  });

  it('highlights inside links without href and other plain containers', async () => {
    await run('<a name="x">myokymia</a> <div contenteditable="false">gabapentin</div>');
    expect(markedIds()).toEqual(['myokymia:myokymia', 'gabapentin:gabapentin']);
  });

  it('highlights terms inside links and <summary> toggles, without a tab stop of their own', async () => {
    await run(`<p><a href="/x">Read about myokymia</a></p><p><span role="link" tabindex="0">gabapentin</span></p>
      <details><summary>Is an axon a nerve?</summary><p>Yes.</p></details><p>multiple sclerosis</p>`);
    expect(markedIds()).toEqual([
      'myokymia:myokymia',
      'gabapentin:gabapentin',
      'axon:axon',
      'multiple-sclerosis:multiple sclerosis',
    ]);
    await new Promise((r) => setTimeout(r, 300)); // tab stops are assigned after a short pause
    const [inLink, inRoleLink, inSummary, plain] = marks();
    for (const mark of [inLink, inRoleLink, inSummary]) expect(mark?.hasAttribute('tabindex')).toBe(false);
    expect(plain?.getAttribute('tabindex')).toBe('0');
    // The link's accessible name is still its own text.
    expect(document.querySelector('a')?.textContent).toBe('Read about myokymia');
  });

  it('marks only the first occurrence of each term in "first" mode', async () => {
    await run('<p>myokymia, myokymia</p><p>gabapentin and myokymia and gabapentin</p>', { occurrences: 'first' });
    expect(markedIds()).toEqual(['myokymia:myokymia', 'gabapentin:gabapentin']);
  });

  it('marks every occurrence in "all" mode', async () => {
    await run('<p>myokymia, myokymia</p><p>gabapentin and myokymia</p>');
    expect(markedIds()).toEqual([
      'myokymia:myokymia',
      'myokymia:myokymia',
      'gabapentin:gabapentin',
      'myokymia:myokymia',
    ]);
  });

  it('holds back everyday words until the page is clearly about MS', async () => {
    await run('<p>A relapse in sales.</p>');
    expect(markedIds()).toEqual([]);
    current?.stop();
    await run('<p>An MS relapse. Life with multiple sclerosis (MS), myokymia and a relapse.</p>');
    expect(markedIds()).toContain('relapse:relapse');
  });

  it('never takes general health words as evidence that a page is about MS', async () => {
    await run('<p>A relapse. Myokymia, gabapentin, an axon, nerve fibre damage, myokymia, gabapentin.</p>');
    expect(markedIds()).not.toContain('relapse:relapse');
    current?.stop();
    await run('<p>A relapse. Multiple sclerosis and Ocrevus.</p><p>Life with MS.</p>');
    expect(markedIds()).toContain('relapse:relapse');
  });

  it('reads the words around a match across inline elements, but not across blocks', async () => {
    await run(`<h1>Multiple sclerosis and Ocrevus</h1>
      <p id="verb">In MS the <a href="#x">immune system</a> attacks <b>myelin</b>.</p>
      <p id="object">The body's defences attack <em>the</em> nerves.</p>
      <p id="heart">After a heart</p><p id="noun">attack of optic neuritis she rested.</p>`);
    const where = marks()
      .filter((m) => m.getAttribute(ID_ATTR) === 'relapse')
      .map((m) => m.closest('p')?.id);
    expect(where).toEqual(['noun']);
  });

  it('highlights everyday words everywhere when the context rule is off', async () => {
    await run('<p>A relapse in sales.</p>', { contextRule: false });
    expect(markedIds()).toEqual(['relapse:relapse']);
  });

  it('unlocks held-back words when later content makes the page about MS', async () => {
    const h = await run('<p id="a">A relapse.</p>');
    expect(markedIds()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'Multiple sclerosis, myokymia, Ocrevus and MS.';
    document.body.append(p);
    await settled(h);
    expect(markedIds()).toContain('relapse:relapse');
  });
});

describe('a long page, highlighted slice by slice from the top', () => {
  // Every clock reading moves 5 ms on, so each slice reads only 16 text nodes and plans what it found.
  let restore: (() => void) | null = null;
  afterEach(() => restore?.());
  function tinySlices(): void {
    let fake = performance.now();
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => (fake += 5));
    restore = () => spy.mockRestore();
  }
  const filler = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} about the weather.</p>`).join('');

  it('shows the first highlights before the walk has read the whole page', async () => {
    tinySlices();
    const h = await run(`<p>myokymia</p>${filler}${filler}<p>gabapentin</p>`, { occurrences: 'first' });
    expect(markedIds()).toEqual(['myokymia:myokymia', 'gabapentin:gabapentin']);
    expect(h.stats.firstMarkAt).toBeLessThan(h.stats.lastMarkAt ?? 0);
  });

  it('still highlights the first occurrence when the evidence that the page is about MS comes later', async () => {
    tinySlices();
    await run(
      `<p id="first">A relapse can last days.</p>${filler}<p>Multiple sclerosis and Ocrevus.</p><p>Life with MS.</p>${filler}<p id="later">Another relapse, an MS relapse.</p>`,
      { occurrences: 'first' },
    );
    const relapses = marks().filter((m) => m.getAttribute(ID_ATTR) === 'relapse');
    expect(relapses.map((m) => `${m.closest('p')?.id}:${m.textContent}`)).toEqual(['first:relapse']);
  });

  it('highlights a later plain form when the page never proves to be about MS', async () => {
    tinySlices();
    await run(`<p id="first">A relapse in sales.</p>${filler}<p id="later">Then an MS relapse.</p>`, {
      occurrences: 'first',
    });
    const relapses = marks().filter((m) => m.getAttribute(ID_ATTR) === 'relapse');
    expect(relapses.map((m) => `${m.closest('p')?.id}:${m.textContent}`)).toEqual(['later:MS relapse']);
  });
});

describe('the first screen, inside the first frame', () => {
  afterEach(() => {
    delete (window as { requestAnimationFrame?: unknown }).requestAnimationFrame;
  });

  it('reads and highlights the top of the page in the frame callback itself', async () => {
    let frame: FrameRequestCallback | null = null;
    window.requestAnimationFrame = (cb) => {
      frame = cb;
      return 1;
    };
    const screenful = Array.from({ length: 250 }, (_, i) => `<p>Paragraph ${i} about the weather.</p>`).join('');
    document.body.innerHTML = `<p>myokymia</p>${screenful}<p>gabapentin</p>`;
    const h = new Highlighter(document, NAMES, config());
    current = h;
    h.start();
    // Nothing before the frame: planning reads styles, which the frame computes.
    await new Promise((r) => setTimeout(r, 20));
    expect(marks()).toHaveLength(0);
    expect(frame).not.toBeNull();
    (frame as unknown as FrameRequestCallback)(performance.now());
    // In the same task as the frame callback, so in the first paint.
    expect(markedIds()[0]).toBe('myokymia:myokymia');
    await settled(h);
    expect(markedIds()).toEqual(['myokymia:myokymia', 'gabapentin:gabapentin']);
  });
});

describe('a tab that stays open for hours', () => {
  it('keeps highlighting new content however much it has read before: limits are per pass', async () => {
    const saved = { ...LIMITS };
    Object.assign(LIMITS, { maxTextNodes: 60, minFlushDelay: 1, maxFlushDelay: 2 });
    try {
      const h = await run('<main id="feed"><p>Welcome to the chat.</p></main>');
      const feed = document.getElementById('feed') as HTMLElement;
      // Hundreds of messages come and go: far more text nodes than one pass may read.
      for (let round = 0; round < 30; round++) {
        const batch = Array.from({ length: 8 }, (_, i) => {
          const p = document.createElement('p');
          p.textContent = `Message ${round}-${i}: nothing to explain here.`;
          return p;
        });
        feed.append(...batch);
        await settled(h);
        for (const p of batch.slice(0, 6)) p.remove();
      }
      const last = document.createElement('p');
      last.textContent = 'Has anyone else had myokymia?';
      feed.append(last);
      await settled(h);
      expect(markedIds()).toContain('myokymia:myokymia');
    } finally {
      Object.assign(LIMITS, saved);
    }
  });
});

describe('running again and taking highlights out', () => {
  const html = `<h1>MS news</h1><p>Myokymia <em>and</em> nerve fibre damage in multiple sclerosis.</p>
    <ul><li>gabapentin</li><li>Neurontin, MS</li></ul><p>No terms here.</p>`;

  it('is idempotent: a second pass over the same page adds nothing', async () => {
    const h = await run(html);
    const first = document.body.innerHTML;
    // A page mutation that covers already-highlighted text must not double-mark it.
    document.body.append(document.createTextNode(''));
    (document.querySelector('p') as HTMLElement).append(document.createTextNode(''));
    await settled(h);
    expect(document.body.innerHTML).toBe(`${first}`);
    h.stop();
    h.start();
    await settled(h);
    expect(document.body.innerHTML).toBe(first);
  });

  it('restores the exact DOM, with the same text node objects', async () => {
    document.body.innerHTML = html;
    const before = document.body.innerHTML;
    const nodes = textNodes(document.body);
    const data = nodes.map((n) => n.data);
    const h = await highlight(html);
    current = h;
    // highlight() re-renders the fixture; take the baseline from that render.
    const baselineNodes = nodes.length;
    expect(marks().length).toBeGreaterThan(4);
    h.stop();
    expect(document.body.innerHTML).toBe(before);
    expect(textNodes(document.body).length).toBe(baselineNodes);
    expect(textNodes(document.body).map((n) => n.data)).toEqual(data);
  });

  it('keeps the page’s own text node objects through highlight and restore', async () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<p>Myokymia and gabapentin.</p><p>Nothing.</p>';
    const nodes = textNodes(document.body);
    const { Highlighter } = await import('../../src/page/highlighter.ts');
    const h = new Highlighter(document, NAMES, config());
    current = h;
    h.start();
    await settled(h);
    expect(marks()).toHaveLength(2);
    expect(nodes.every((n) => n.isConnected)).toBe(true);
    h.stop();
    expect(textNodes(document.body)).toEqual(nodes);
    expect(nodes[0]?.data).toBe('Myokymia and gabapentin.');
  });

  it('removes only the marks of a term that is turned off', async () => {
    const h = await run('<p>Myokymia and gabapentin and myokymia.</p><p>gabapentin</p>');
    const matcher = compileMatcher(INDEX.filter((e) => e.id !== 'gabapentin'));
    h.update(config({ matcher }));
    await settled(h);
    expect(markedIds()).toEqual(['myokymia:Myokymia', 'myokymia:myokymia']);
    expect(document.body.textContent).toBe('Myokymia and gabapentin and myokymia.gabapentin');
    h.update(config());
    await settled(h);
    expect(markedIds()).toEqual([
      'myokymia:Myokymia',
      'gabapentin:gabapentin',
      'myokymia:myokymia',
      'gabapentin:gabapentin',
    ]);
  });
});

describe('pages that change', () => {
  it('highlights content added later', async () => {
    const h = await run('<main><p>Start.</p></main>');
    const main = document.querySelector('main') as HTMLElement;
    for (let i = 0; i < 3; i++) {
      const p = document.createElement('p');
      p.textContent = `Comment ${i} about myokymia.`;
      main.append(p);
    }
    await settled(h);
    expect(markedIds()).toEqual(['myokymia:myokymia', 'myokymia:myokymia', 'myokymia:myokymia']);
  });

  it('follows a framework that rewrites a text node it owns (no duplicated text)', async () => {
    const h = await run('<p id="p">Try gabapentin today.</p>');
    const p = document.getElementById('p') as HTMLElement;
    const own = p.firstChild as Text; // the node a framework would keep a reference to
    expect(marks()).toHaveLength(1);
    own.data = 'Now myokymia instead.';
    await settled(h);
    expect(p.textContent).toBe('Now myokymia instead.');
    expect(markedIds()).toEqual(['myokymia:myokymia']);
  });

  it('removes its pieces when the page removes a text node it highlighted', async () => {
    const h = await run('<p id="p">Try gabapentin today.</p>');
    const p = document.getElementById('p') as HTMLElement;
    const own = p.firstChild as Text;
    p.removeChild(own);
    await settled(h);
    expect(p.innerHTML).toBe('');
  });

  it('covers open shadow roots', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Shadow myokymia</p>';
    const { Highlighter } = await import('../../src/page/highlighter.ts');
    const h = new Highlighter(document, NAMES, config());
    current = h;
    h.start();
    await settled(h);
    expect(markedIds(root)).toEqual(['myokymia:myokymia']);
    expect(root.querySelector('style')?.textContent).toContain(NAMES.markClass);
    h.stop();
    expect(root.innerHTML).toBe('<p>Shadow myokymia</p>');
  });

  it('reports highlighted terms with counts in page order', async () => {
    const h = await run('<p>gabapentin, myokymia, gabapentin</p>');
    expect(h.termCounts()).toEqual([
      { id: 'gabapentin', count: 2, word: 'gabapentin' },
      { id: 'myokymia', count: 1, word: 'myokymia' },
    ]);
  });

  it("reports the page's own word for each term, from its first highlight", async () => {
    const h = await run('<p>She started Ocrevus last year; ocrelizumab is given by infusion.</p>');
    expect(h.termCounts()).toEqual([{ id: 'ocrelizumab', count: 2, word: 'Ocrevus' }]);
  });
});
