// Importing a transcript into an interview: picked in the native dialog, or dropped on the
// interview screen (the shell lets the page open a dropped file, as it does a picked one).
import { useCallback, useEffect, useRef, useState } from "react";
import type { TranscriptSummary } from "../../../bindings/TranscriptSummary";
import type { Api } from "../../../lib/ipc";
import { onFileDrop } from "../../../lib/ipc";
import { dateTime } from "../../../lib/dates";
import { plural } from "../../../lib/labels";
import { useToasts } from "../../../kit/Toasts";

export const TRANSCRIPT_FILES = /\.(vtt|srt|txt)$/i;

export interface Importer {
  busy: boolean;
  /** Why the last import stored nothing (the core's message, with the line of a bad file). */
  error: string | null;
  /** Asks for a file in the native dialog and imports it. */
  pick: () => Promise<void>;
  /** Imports a file the user dropped. */
  importPath: (path: string) => Promise<void>;
  /** The user has read the error. */
  clear: () => void;
}

/** The core's message with any timestamp in it read as a local date and time. */
export function localTimes(message: string): string {
  return message.replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, (iso) => dateTime(iso));
}

export function useImport(api: Api, interviewId: string, onImported: (t: TranscriptSummary) => void): Importer {
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const importPath = useCallback(
    async (path: string) => {
      const name = path.split(/[\\/]/).pop() ?? path;
      if (!TRANSCRIPT_FILES.test(name)) {
        setError(`“${name}” is not a transcript: import a .vtt, .srt or .txt file.`);
        return;
      }
      setBusy(true);
      try {
        const t = await api.transcripts_import({ interview_id: interviewId, path });
        setError(null);
        toasts.say(`Imported “${t.file_name}”: ${plural(t.cue_count, "cue")}.`);
        onImported(t);
      } catch (e) {
        setError(localTimes((e as Error).message));
      } finally {
        setBusy(false);
      }
    },
    [api, interviewId, onImported, toasts],
  );
  const pick = useCallback(async () => {
    try {
      const path = await api.pick_path({ kind: "transcript", save: false, default_name: "" });
      if (path) await importPath(path);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, importPath]);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, pick, importPath, clear };
}

/** Files dragged over and dropped on the window: `over` while something is held over it. */
export function useFileDrop(onDrop: (paths: string[]) => void): boolean {
  const [over, setOver] = useState(false);
  const handler = useRef(onDrop);
  useEffect(() => {
    handler.current = onDrop;
  }, [onDrop]);
  useEffect(() => {
    let live = true;
    let unlisten: (() => void) | null = null;
    try {
      onFileDrop((e) => {
        if (e.kind === "drop") {
          setOver(false);
          handler.current(e.paths);
        } else setOver(e.kind === "over");
      }).then(
        (u) => (live ? (unlisten = u) : u()),
        () => undefined,
      );
    } catch {
      // Outside the app (tests in a browser): nothing is dropped.
    }
    return () => {
      live = false;
      unlisten?.();
    };
  }, []);
  return over;
}
