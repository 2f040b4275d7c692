// Where a new node lands on the screen: where it was asked for, unless it would stick out of the canvas
// or the minimap or the zoom buttons would cover it; then the shortest move that puts it in the clear.
import { defaultProps, exitsOf, type NodeType } from "./model";

type Point = { x: number; y: number };
type Rect = { left: number; top: number; right: number; bottom: number };

/** What floats over the canvas and would hide a node beneath it. */
const OVERLAYS = ".react-flow__minimap, .react-flow__controls";
const MARGIN = 12;

/** A new node's size on screen before the canvas has measured it: its head, summary and exit rows. */
export function estimatedSize(kind: NodeType, zoom: number): { width: number; height: number } {
  const exits = exitsOf({ kind, props: defaultProps(kind) }).length;
  return { width: 240 * zoom, height: (56 + 23 * exits) * zoom };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The top-left screen point for a node of `size` wanted at `wanted`: moved onto the canvas if it would
 * stick out, then clear of the canvas's overlays. Each overlay sits in a corner, so one move (left,
 * right, up or down) clears it; the shortest that keeps the node on the canvas is taken.
 */
export function clearOfOverlays(canvas: HTMLElement, wanted: Point, size: { width: number; height: number }): Point {
  const bounds = canvas.getBoundingClientRect();
  const clamp = (v: number, low: number, high: number) => (high < low ? low : Math.min(Math.max(v, low), high));
  let at = {
    x: clamp(wanted.x, bounds.left, bounds.right - size.width),
    y: clamp(wanted.y, bounds.top, bounds.bottom - size.height),
  };
  for (const overlay of canvas.querySelectorAll(OVERLAYS)) {
    const o = overlay.getBoundingClientRect();
    const box = { left: at.x, top: at.y, right: at.x + size.width, bottom: at.y + size.height };
    const guard = { left: o.left - MARGIN, top: o.top - MARGIN, right: o.right + MARGIN, bottom: o.bottom + MARGIN };
    if (!overlaps(box, guard)) continue;
    const moves: Point[] = [
      { x: guard.left - size.width, y: at.y },
      { x: guard.right, y: at.y },
      { x: at.x, y: guard.top - size.height },
      { x: at.x, y: guard.bottom },
    ];
    const inside = (p: Point) =>
      p.x >= bounds.left && p.y >= bounds.top && p.x + size.width <= bounds.right && p.y + size.height <= bounds.bottom;
    const distance = (p: Point) => Math.abs(p.x - at.x) + Math.abs(p.y - at.y);
    const best = moves.filter(inside).sort((a, b) => distance(a) - distance(b))[0];
    if (best) at = best;
  }
  return at;
}

/**
 * For a node added without a place (a palette button pressed): the free spot nearest the canvas's middle,
 * so that it lands neither on another node nor under the minimap.
 */
export function freeSpot(canvas: HTMLElement, size: { width: number; height: number }): Point {
  const bounds = canvas.getBoundingClientRect();
  const middle = { x: bounds.left + (bounds.width - size.width) / 2, y: bounds.top + (bounds.height - size.height) / 2 };
  const taken = [...canvas.querySelectorAll(".react-flow__node, " + OVERLAYS)].map((el) => el.getBoundingClientRect());
  const free = (p: Point) => {
    const box = { left: p.x - MARGIN, top: p.y - MARGIN, right: p.x + size.width + MARGIN, bottom: p.y + size.height + MARGIN };
    return !taken.some((t) => overlaps(box, t));
  };
  const step = 40;
  for (let ring = 0; ring < 12; ring++) {
    const d = ring * step;
    const candidates = [
      { x: middle.x, y: middle.y + d },
      { x: middle.x + d, y: middle.y },
      { x: middle.x, y: middle.y - d },
      { x: middle.x - d, y: middle.y },
      { x: middle.x + d, y: middle.y + d },
    ];
    const spot = candidates.find((p) => free(clearOfOverlays(canvas, p, size)));
    if (spot) return clearOfOverlays(canvas, spot, size);
  }
  return clearOfOverlays(canvas, middle, size);
}
