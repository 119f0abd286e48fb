/**
 * The way from a highlight to its popover. A pointer that has left the
 * highlight but is still inside the smallest convex shape holding both boxes
 * (their convex hull) is on its way across the gap, however slowly a hand
 * with a tremor or a tired arm moves it, so the popover waits for it.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Point {
  x: number;
  y: number;
}

/** z-component of (a - o) × (b - o): > 0 when o→a→b turns counter-clockwise. */
function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Convex hull of a few points (Andrew's monotone chain), counter-clockwise, no repeated points. */
function hull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const half = (list: Point[]): Point[] => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2] as Point, out[out.length - 1] as Point, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half(sorted.reverse())];
}

function corners(b: Box, slack: number): Point[] {
  const l = b.left - slack;
  const t = b.top - slack;
  const r = b.right + slack;
  const btm = b.bottom + slack;
  return [
    { x: l, y: t },
    { x: r, y: t },
    { x: r, y: btm },
    { x: l, y: btm },
  ];
}

/**
 * Whether (x, y) lies between or on two boxes: inside the convex hull of
 * both, each grown by `slack` pixels on every side.
 */
export function inCorridor(x: number, y: number, from: Box, to: Box, slack = 4): boolean {
  const shape = hull([...corners(from, slack), ...corners(to, slack)]);
  if (shape.length < 3) return false;
  const p = { x, y };
  return shape.every((corner, i) => cross(corner, shape[(i + 1) % shape.length] as Point, p) >= 0);
}
