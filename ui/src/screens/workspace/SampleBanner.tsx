import { useState } from "react";
import type { Api } from "../../lib/ipc";
import { useCall } from "../../lib/hooks";
import { fileName } from "./parts";
import "./workspace.css";

/** Shown on every screen while the sample workspace is open: it is a separate file, and the way
 * back is one click (to the workspace open before it, the newest of the recent ones). */
export function SampleBanner({ api, current, onWorkspace }: { api: Api; current: string; onWorkspace: () => void }) {
  const recent = useCall(() => api.workspace_recent(), [api]);
  const back = recent.data?.find((r) => r.exists && r.path !== current);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const goBack = async (path: string) => {
    setBusy(true);
    try {
      await api.workspace_open({ path });
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <div className="sample-banner" role="note" data-testid="sample-banner">
      <p>
        <strong>This is the sample workspace</strong>, a separate file with example data. Nothing you do here touches your own workspace.
        {error && <span className="sample-error"> {error}</span>}
      </p>
      {back ? (
        <button className="primary" disabled={busy} data-testid="sample-back" onClick={() => void goBack(back.path)} title={back.path}>
          Back to {fileName(back.path)}
        </button>
      ) : (
        <button data-testid="sample-back" onClick={onWorkspace}>
          Choose a workspace…
        </button>
      )}
    </div>
  );
}
