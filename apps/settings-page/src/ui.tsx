import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef } from 'preact/hooks';

/** A labelled input with its error right below it, tied by aria-describedby. */
export function Field(
  props: {
    label: string;
    error?: string | undefined;
    hint?: ComponentChildren;
  } & JSX.IntrinsicElements['input'],
) {
  const { label, error, hint, 'aria-describedby': extra, ...input } = props;
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', String(extra ?? '')];
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.filter(Boolean).join(' ') || undefined}
      />
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Section(props: {
  id: string;
  title: string;
  intro?: string;
  children: ComponentChildren;
}) {
  return (
    <section class="card" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro && <p class="intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** A modal dialog: focus moves in, Escape closes, focus returns to what opened it. */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Layout effect: the dialog has the focus before the next keystroke can land elsewhere.
  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    dialog?.showModal();
    const first = dialog?.querySelector<HTMLElement>('input, select, textarea, button:not(.close)');
    first?.focus();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <div class="dialog-head">
        <h3 id={titleId}>{props.title}</h3>
        <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </div>
      {props.children}
    </dialog>
  );
}

export function Alert(props: { children: ComponentChildren; tone?: 'error' | 'warning' | 'info' }) {
  return (
    <div class={`alert ${props.tone ?? 'error'}`} role={props.tone === 'info' ? 'status' : 'alert'}>
      {props.children}
    </div>
  );
}

export function Unavailable(props: { what: string }) {
  return (
    <p class="unavailable" role="status">
      {props.what} is not available on this server yet.
    </p>
  );
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Runs `effect` once `delay` ms have passed without `deps` changing. */
export function useDebouncedEffect(effect: () => void, deps: unknown[], delay: number) {
  useEffect(() => {
    const timer = setTimeout(effect, delay);
    return () => clearTimeout(timer);
  }, deps);
}
