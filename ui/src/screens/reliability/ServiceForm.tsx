import { useEffect, useState } from "react";
import type { Person } from "../../bindings/Person";
import type { Service } from "../../bindings/Service";
import type { ServiceInput } from "../../bindings/ServiceInput";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useStaleEdit } from "../../kit/Conflict";
import { useConfirm } from "../../kit/Dialogs";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { PersonPicker } from "../../kit/PersonPicker";
import { useForm } from "../../kit/useForm";

interface Values {
  name: string;
  display_name: string;
  description: string;
  owner: Person | null;
  groups: string;
}

const EMPTY: Values = { name: "", display_name: "", description: "", owner: null, groups: "" };
const FIELDS = [
  { key: "name", label: "Name" },
  { key: "display_name", label: "Display name" },
  { key: "description", label: "Description" },
  { key: "groups", label: "User groups" },
];

const toInput = (v: Values): ServiceInput => ({
  name: v.name,
  display_name: v.display_name,
  description: v.description,
  owner_id: v.owner?.id ?? null,
  user_groups: v.groups.split(/[,\n]/).map((g) => g.trim()).filter(Boolean),
});

const valuesOf = (s: Service, owner: Person | null): Values => ({
  name: s.form.name,
  display_name: s.form.display_name,
  description: s.form.description,
  owner,
  groups: s.form.user_groups.join(", "),
});

/** Adds or edits a service: its name (as OpenSLO names it), owner and the user groups it serves. */
export function ServiceForm({ api, service, onSaved, onClose }: { api: Api; service: Service | null; onSaved: (s: Service) => void; onClose: () => void }) {
  const [owner, setOwner] = useState<{ id: string; person: Person } | null>(null);
  const form = useForm<Values>(service ? valuesOf(service, null) : EMPTY, "service", service ? `service.${service.id}` : "service.new");
  const edit = useStaleEdit<Service>(service?.version ?? 0, {
    what: "service",
    fields: FIELDS,
    mine: () => v,
    theirs: (c) => valuesOf(c, null),
    save: (from): void => void save(from),
    take: (c) => form.replace(valuesOf(c, null)),
  });
  const confirm = useConfirm();
  const v = form.values;
  const ownerId = service?.owner?.id;
  useEffect(() => {
    if (!ownerId) return;
    api.people_get({ id: ownerId }).then((p) => setOwner({ id: ownerId, person: p }), () => undefined);
  }, [api, ownerId]);
  // The stored owner shows once loaded, until the user picks another (or removes them).
  const [ownerTouched, setOwnerTouched] = useState(false);
  const shownOwner = ownerTouched ? v.owner : (v.owner ?? (owner && owner.id === ownerId ? owner.person : null));

  const save = (from = edit.version) =>
    form.submit(
      async (x) => {
        const input = toInput({ ...x, owner: shownOwner });
        const saved = service ? await api.services_update({ id: service.id, version: from, input }) : await api.services_create({ input });
        onSaved(saved);
      },
      { onConflict: (e: IpcError) => edit.stale(e.current as Service) },
    );
  const close = async () => {
    if (!form.dirty || (await confirm({ title: "Discard your changes?", body: "What you typed in this form will be lost.", confirmLabel: "Discard", danger: true }))) {
      form.discard();
      onClose();
    }
  };
  return (
    <form
      className="card form"
      aria-labelledby="service-form-title"
      data-testid="service-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !(e.target as HTMLElement).closest(".modal")) {
          e.preventDefault();
          void close();
        }
      }}
    >
      <h2 id="service-form-title">{service ? `Edit ${service.display_name ?? service.name}` : "New service"}</h2>
      <ErrorBanner message={form.general} />
      <div className="grid2">
        <Field id="service-name" label="Name" error={form.errors.name} hint="Lowercase letters, digits and -, like checkout-api">
          {(a) => <input {...a} value={v.name} onChange={(e) => form.set("name", e.target.value)} autoComplete="off" autoFocus />}
        </Field>
        <Field id="service-display_name" label="Display name" error={form.errors.display_name}>
          {(a) => <input {...a} value={v.display_name} onChange={(e) => form.set("display_name", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="service-owner_id" label="Owner" error={form.errors.owner_id}>
          {(a) => (
            <PersonPicker
              api={api}
              {...a}
              value={shownOwner}
              onChange={(p) => {
                setOwnerTouched(true);
                form.set("owner", p);
              }}
            />
          )}
        </Field>
        <Field id="service-user_groups" label="User groups it serves" error={form.errors.user_groups} hint="Separated by commas: backend engineers, data team">
          {(a) => <input {...a} value={v.groups} onChange={(e) => form.set("groups", e.target.value)} autoComplete="off" />}
        </Field>
      </div>
      <Field id="service-description" label="Description" error={form.errors.description}>
        {(a) => <textarea {...a} rows={2} value={v.description} onChange={(e) => form.set("description", e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="service-save">
          {service ? "Save service" : "Add service"}
        </button>
        <button type="button" onClick={() => void close()}>
          Cancel
        </button>
      </div>
      {edit.dialog()}
    </form>
  );
}
