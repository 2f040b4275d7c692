// What every screen of the shell is given. Pages import it from here, not from the screen table, so the
// table can load pages without pages depending back on it.
import type { Viewer } from "../session";

export type PageProps = { viewer: Viewer; path: string };
