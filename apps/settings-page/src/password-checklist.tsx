import { useEffect, useState } from 'preact/hooks';
import { api, send, type OkBody, type Typed } from './api/client';
import type { CheckView, PolicyView } from './api/views';
import { useDebouncedEffect } from './ui';

type Policy = Typed<OkBody<'/password-policy', 'get'>, PolicyView>;
type Check = Typed<OkBody<'/password-policy/check', 'post'>, CheckView>;
export interface ChecklistRule {
  id: string;
  label: string;
  met: boolean;
}

/**
 * The policy's rules (GET /password-policy), ticked as the person types by
 * POST /password-policy/check, which never stores or logs what it is given.
 */
export function usePasswordCheck(password: string, confirmPassword?: string) {
  const [rules, setRules] = useState<ChecklistRule[]>([]);
  const [valid, setValid] = useState(false);
  useEffect(() => {
    void send<Policy>(api.GET('/password-policy')).then((answer) => {
      if (answer.ok)
        setRules((current) =>
          current.length ? current : answer.data.rules.map((rule) => ({ ...rule, met: false })),
        );
    });
  }, []);
  useDebouncedEffect(
    () => {
      if (!password) {
        setRules((current) =>
          current.filter((rule) => rule.id !== 'match').map((rule) => ({ ...rule, met: false })),
        );
        setValid(false);
        return;
      }
      const body = confirmPassword === undefined ? { password } : { password, confirmPassword };
      void send<Check>(api.POST('/password-policy/check', { body })).then((answer) => {
        if (!answer.ok) return;
        setRules(answer.data.rules);
        setValid(answer.data.valid);
      });
    },
    [password, confirmPassword],
    150,
  );
  return { rules, valid };
}

export function PasswordChecklist(props: { id: string; rules: ChecklistRule[] }) {
  return (
    <ul class="checklist" id={props.id} aria-label="Password requirements" aria-live="polite">
      {props.rules.map((rule) => (
        <li key={rule.id} class={rule.met ? 'met' : 'unmet'} data-rule={rule.id}>
          <span aria-hidden="true">{rule.met ? '✓' : '○'}</span> {rule.label}
          <span class="visually-hidden">{rule.met ? ' (met)' : ' (not met yet)'}</span>
        </li>
      ))}
    </ul>
  );
}
