import type { BackupPolicy } from "../../bindings/BackupPolicy";
import type { ScreenProps } from "../../lib/routes";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useCall } from "../../lib/hooks";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { PageHeader } from "../../kit/PageHeader";
import { useToasts } from "../../kit/Toasts";
import { useForm } from "../../kit/useForm";
import { BackupTable, RecentTable, SwitchButtons, size, useRestore, useRun } from "./parts";
import "./workspace.css";

/** The open workspace (one file), switching to another, the sample, backups and restore, the
 * backup policy and the logs. A switch or a restore reloads the whole app (see App). */
export function WorkspaceScreen({ api, go }: ScreenProps) {
  const status = useCall(() => api.workspace_status(), [api]);
  const recent = useCall(() => api.workspace_recent(), [api]);
  const backups = useCall(() => api.backups_list(), [api]);
  const toasts = useToasts();
  const restore = useRestore(api);
  const { busy, error: general, run } = useRun();
  const s = status.data;

  const backUp = () =>
    run(async () => {
      const b = await api.backups_create();
      toasts.say(`Backed up to ${b.file_name}.`);
      await backups.reload();
    });

  const restoreFromFile = () =>
    run(async () => {
      const path = await api.pick_path({ kind: "backup", save: false, default_name: "" });
      if (path) await restore(path);
    });

  const openLogs = () =>
    run(async () => {
      const dir = await api.logs_open_folder();
      toasts.say(`Opened ${dir}.`);
    });

  return (
    <section className="page workspace-page">
      <PageHeader title="Workspace" lede="Everything you keep in Rapport lives in one file. Back it up, restore it, or switch to another one." />
      <ErrorBanner message={general ?? status.error ?? recent.error ?? backups.error} />

      <section className="card ws-current" aria-labelledby="ws-current">
        <h2 id="ws-current">Open now</h2>
        {s && (
          <dl className="ws-facts" data-testid="ws-facts">
            <dt>File</dt>
            <dd>
              <code className="path" data-testid="ws-path">
                {s.path}
              </code>
              {s.is_sample && <span className="badge warn">sample</span>}
            </dd>
            <dt>Schema version</dt>
            <dd data-testid="ws-schema">{s.schema_version ?? "unknown"}</dd>
            <dt>Size</dt>
            <dd data-testid="ws-size">{size(s.size_bytes)}</dd>
          </dl>
        )}
        <div className="actions wrap">
          <SwitchButtons api={api} busy={busy} run={run} />
          <button
            disabled={busy}
            data-testid="ws-sample"
            onClick={() => void run(async () => go("roadmaps", await api.sample_load()))}
            title="Opens a separate file with example data; your workspace is not touched"
          >
            Open the sample workspace
          </button>
        </div>
        <p className="muted small">The sample workspace is a separate file with example data. Your own workspace is not changed by it.</p>
      </section>

      <section aria-labelledby="ws-recent">
        <h2 id="ws-recent">Recent workspaces</h2>
        {recent.data && <RecentTable recent={recent.data} current={s?.path ?? null} busy={busy} onOpen={(path) => void run(() => api.workspace_open({ path }))} />}
      </section>

      <section aria-labelledby="ws-backups">
        <div className="section-head">
          <h2 id="ws-backups">Backups</h2>
          <div className="actions wrap">
            <button className="primary" disabled={busy} data-testid="backup-now" onClick={() => void backUp()}>
              Back up now
            </button>
            <button disabled={busy} data-testid="restore-file" onClick={() => void restoreFromFile()}>
              Restore from a file…
            </button>
          </div>
        </div>
        {s && (
          <p className="muted small">
            Kept in <code className="path">{s.backups_dir}</code>. Restoring never changes the backup, and the workspace it replaces is kept as a backup too.
          </p>
        )}
        {backups.data && <BackupTable backups={backups.data} busy={busy} onRestore={(b) => void run(() => restore(b.path))} />}
      </section>

      <PolicyForm api={api} />

      <section className="card" aria-labelledby="ws-logs">
        <h2 id="ws-logs">Logs</h2>
        <p>
          When something goes wrong, the details are in the logs: <code className="path" data-testid="logs-dir">{s?.logs_dir}</code>
        </p>
        <button disabled={busy} data-testid="logs-open" onClick={() => void openLogs()}>
          Open logs folder
        </button>
      </section>
    </section>
  );
}

/** The automatic backups: on or off, and how many are kept. */
function PolicyForm({ api }: { api: Api }) {
  const policy = useCall(() => api.backups_policy(), [api]);
  if (!policy.data) return <ErrorBanner message={policy.error} />;
  return <PolicyFields api={api} policy={policy.data} />;
}

interface PolicyValues {
  automatic: boolean;
  keep_daily: string;
  keep_weekly: string;
}

const count = (field: string, text: string): number => {
  const n = Number(text);
  if (text.trim() === "" || !Number.isInteger(n) || n < 0) throw new IpcError({ code: "validation", field, message: "Enter a whole number (0 or more)" });
  return n;
};

function PolicyFields({ api, policy }: { api: Api; policy: BackupPolicy }) {
  const form = useForm<PolicyValues>({ automatic: policy.automatic, keep_daily: String(policy.keep_daily), keep_weekly: String(policy.keep_weekly) }, "policy");
  const toasts = useToasts();
  const v = form.values;
  const save = () =>
    form.submit(async (values) => {
      await api.backups_set_policy({
        policy: { automatic: values.automatic, keep_daily: count("keep_daily", values.keep_daily), keep_weekly: count("keep_weekly", values.keep_weekly) },
      });
      toasts.say("Backup policy saved.");
    });
  return (
    <form
      className="card policy"
      aria-labelledby="ws-policy"
      data-testid="policy"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="ws-policy">Automatic backups</h2>
      <div className="field checkbox">
        <label>
          <input type="checkbox" id="policy-automatic" checked={v.automatic} onChange={(e) => form.set("automatic", e.target.checked)} /> Back up once a day
          while Rapport runs
        </label>
      </div>
      <div className="policy-grid">
        <Field id="policy-keep_daily" label="Daily backups kept" error={form.errors.keep_daily} hint="The newest of each of the last N days">
          {(a) => <input {...a} type="number" min={0} inputMode="numeric" value={v.keep_daily} onChange={(e) => form.set("keep_daily", e.target.value)} />}
        </Field>
        <Field id="policy-keep_weekly" label="Weekly backups kept" error={form.errors.keep_weekly} hint="Then the newest of each of N weeks before">
          {(a) => <input {...a} type="number" min={0} inputMode="numeric" value={v.keep_weekly} onChange={(e) => form.set("keep_weekly", e.target.value)} />}
        </Field>
      </div>
      <p className="muted small">Only automatic backups are removed by this policy; backups you made and those Rapport made before an upgrade or a restore are kept.</p>
      <ErrorBanner message={form.general} />
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving || !form.dirty} data-testid="policy-save">
          Save policy
        </button>
      </div>
    </form>
  );
}
